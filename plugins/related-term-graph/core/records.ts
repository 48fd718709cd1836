/**
 * Plain documents (as the Local API returns them with `locale: 'all'`, `depth: 0`) → graph records.
 * Pure: the Payload side only fetches.
 */
import type { CitationSource } from './graphIndex'
import type { CitationGroup, Localized, TermRecord } from './model'
import { NEVER_AUTO_LINK_FIELD, NO_AUTO_LINKS_FIELD } from './autoLinkFields'
import { lexicalPlainText } from './text'

/** The terms' field of editor-set related terms (the hub's schema); the Graph field's "add" writes it too. */
export const RELATED_FIELD = 'related'

type Doc = Record<string, unknown>

/** A relationship value at any depth: an id, or a populated document. */
export const relationId = (value: unknown): string | null => {
  if (typeof value === 'string' && value !== '') return value
  if (typeof value === 'number') return String(value)
  if (value && typeof value === 'object' && 'id' in value) return relationId((value as { id: unknown }).id)
  return null
}

export const relationIds = (value: unknown): string[] =>
  Array.isArray(value) ? [...new Set(value.map(relationId).filter((id): id is string => id !== null))] : []

// `filter` grows its result 17 slots at a time; `slice` (or `map`) copies it to its length. Records stay in
// memory (100,000 of them), and three such arrays each were about 20 MB.
const exact = <T>(list: T[]): T[] => list.slice()

/** One string per id (an id read from the database is a new string at each place it appears). */
export type IdPool = (id: string) => string
/**
 * A pool for one full read: every record and citation then shares one string per id (at 100,000 items,
 * about six references a term, ~12 MB of copies). Without one, ids are kept as read.
 */
export const idPool = (): IdPool => {
  const pool = new Map<string, string>()
  return (id) => {
    const known = pool.get(id)
    if (known !== undefined) return known
    pool.set(id, id)
    return id
  }
}
const asIs: IdPool = (id) => id
const pooled = (ids: IdPool, id: string | null): string | null => (id === null ? null : ids(id))

/** A localized field read with `locale: 'all'` (`{ ja, en }`), or a plain value (one locale). */
export const localized = <T>(
  value: unknown,
  locales: readonly string[],
  pick: (v: unknown) => T | undefined,
): Partial<Record<string, T>> => {
  const out: Partial<Record<string, T>> = {}
  if (value && typeof value === 'object' && !Array.isArray(value) && locales.some((l) => l in (value as Doc))) {
    for (const locale of locales) {
      const picked = pick((value as Doc)[locale])
      if (picked !== undefined) out[locale] = picked
    }
    return out
  }
  const picked = pick(value)
  if (picked !== undefined && locales[0]) out[locales[0]] = picked
  return out
}

const nonEmptyString = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined

const richTextString = (value: unknown): string | undefined => nonEmptyString(lexicalPlainText(value))

/** A glossary-terms document → TermRecord. */
export const termRecordFromDoc = (doc: Doc, locales: readonly string[], ids: IdPool = asIs): TermRecord => {
  const summary = localized(doc.summary, locales, nonEmptyString)
  const body = localized(doc.body, locales, richTextString)
  const text: Localized = {}
  for (const locale of locales) {
    const joined = [summary[locale], body[locale]].filter(Boolean).join('\n')
    if (joined) text[locale] = joined
  }
  return {
    id: ids(relationId(doc.id) as string),
    slug: typeof doc.slug === 'string' ? doc.slug : String(doc.id),
    term: localized(doc.term, locales, nonEmptyString),
    englishName: nonEmptyString(doc.englishName) ?? null,
    reading: nonEmptyString(doc.reading) ?? null,
    aliases: Array.isArray(doc.aliases) ? exact(doc.aliases.filter((a): a is string => typeof a === 'string')) : [],
    glossary: pooled(ids, relationId(doc.glossary)),
    text,
    summary,
    neverAutoLink: doc[NEVER_AUTO_LINK_FIELD] === true,
    noAutoLinksInside: doc[NO_AUTO_LINKS_FIELD] === true,
    related: relationIds(doc[RELATED_FIELD])
      .filter((id) => id !== relationId(doc.id))
      .map(ids),
    broader: pooled(ids, relationId(doc.broader)),
    tags: relationIds(doc.tags).map(ids),
    ...(doc._status === 'draft' || doc._status === 'published' ? { status: doc._status } : {}),
  }
}

const labelled = (ja: (t: string) => string, en: (t: string) => string, title: Localized): Localized => {
  const out: Localized = {}
  for (const [locale, value] of Object.entries(title)) {
    if (value) out[locale] = locale === 'ja' ? ja(value) : en(value)
  }
  return out
}

/** Citation source key of a case study or playbook document. */
export const citationSource = (collection: 'case-studies' | 'playbooks', id: string): string => `${collection}:${id}`

/** A case-studies document → its one citation group (the terms it links). */
export const caseStudyCitations = (doc: Doc, locales: readonly string[], ids: IdPool = asIs): CitationSource => {
  const id = relationId(doc.id) as string
  const source = citationSource('case-studies', id)
  const termIds = relationIds(doc.relatedTerms).map(ids)
  const title = localized(doc.title, locales, nonEmptyString)
  const groups: CitationGroup[] =
    termIds.length > 1
      ? [
          {
            key: source,
            kind: 'case-study',
            label: labelled(
              (t) => `ケーススタディ「${t}」`,
              (t) => `case study “${t}”`,
              title,
            ),
            termIds,
          },
        ]
      : []
  return { source, groups }
}

/** A playbooks document → one citation group per step linking two or more terms. */
export const playbookCitations = (doc: Doc, locales: readonly string[], ids: IdPool = asIs): CitationSource => {
  const id = relationId(doc.id) as string
  const source = citationSource('playbooks', id)
  const title = localized(doc.title, locales, nonEmptyString)
  const steps = Array.isArray(doc.steps) ? (doc.steps as Doc[]) : []
  const groups: CitationGroup[] = []
  steps.forEach((step, position) => {
    const termIds = relationIds(step.relatedTerms).map(ids)
    if (termIds.length < 2) return
    const stepTitle = localized(step.title, locales, nonEmptyString)
    const stepKey = nonEmptyString(step.key) ?? nonEmptyString(step.id) ?? String(position)
    const label: Localized = {}
    for (const locale of new Set([...Object.keys(title), ...Object.keys(stepTitle)])) {
      const playbook = title[locale] ?? Object.values(title)[0] ?? ''
      const name = stepTitle[locale] ?? Object.values(stepTitle)[0] ?? stepKey
      label[locale] =
        locale === 'ja' ? `プレイブック「${playbook}」の「${name}」` : `playbook “${playbook}” step “${name}”`
    }
    groups.push({ key: `${source}#${stepKey}#${position}`, kind: 'playbook-step', label, termIds })
  })
  return { source, groups }
}
