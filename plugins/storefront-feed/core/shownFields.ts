import { isDeepStrictEqual } from 'node:util'

import type { ContentType } from '../types'

export type JournalKind = ContentType | 'glossary' | 'tag'

/**
 * The fields of a document that other items' feed entries show: a related term's slug, title and
 * glossary (its URL), which terms list it as related, a playbook's title in a case study, a glossary's
 * or tag's name. A published edit that leaves these alone changes no other item, so only the document
 * itself is journaled.
 */
export const SHOWN_FIELDS: Record<JournalKind, readonly string[]> = {
  'glossary-term': ['slug', 'term', 'glossary', 'related'],
  'case-study': ['slug'],
  playbook: ['slug', 'title'],
  glossary: ['slug', 'name'],
  tag: ['slug', 'name'],
}

/** The shown fields of a stored row (every locale), plus whether it was public. */
export type ShownState = { published: boolean; values: Record<string, unknown> }

export const shownState = (kind: JournalKind, row: Record<string, unknown> | undefined): ShownState | undefined => {
  if (!row) return undefined
  const values: Record<string, unknown> = {}
  for (const field of SHOWN_FIELDS[kind]) values[field] = normalise(row[field])
  // Glossaries and tags have no drafts: a stored one is public.
  const published = kind === 'glossary' || kind === 'tag' ? true : row._status === 'published'
  return { published, values }
}

/** Relations read at depth 0 may come back as ids or as `{ id }`; empty values may be null or missing. */
const normalise = (value: unknown): unknown => {
  if (value === null || value === undefined || value === '') return null
  if (Array.isArray(value)) return value.map(normalise)
  if (typeof value === 'object' && 'id' in (value as object)) return String((value as { id: unknown }).id)
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => [key, normalise(inner)] as const)
      .filter(([, inner]) => inner !== null)
    return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)))
  }
  return value
}

/**
 * Whether other items must be re-sent: yes unless the document was public before and after and every
 * shown field is unchanged. Unknown states (a create, a row that could not be read) count as changed.
 */
export const othersSeeAChange = (before: ShownState | undefined, after: ShownState | undefined): boolean =>
  !before || !after || !before.published || !after.published || !isDeepStrictEqual(before.values, after.values)
