import type { CollectionSlug, Payload, PayloadRequest, Where } from 'payload'

import { mapInPages } from '../../shared/findInPages'
import { caseStudyDocument, playbookDocument, termDocument, type SearchDocument } from '../core/documents'
import type { CaseStudySource, PlaybookSource, TermSource } from '../../storefront-feed/core/items'
import type { ContentType } from '../../storefront-feed/types'
import type { SanitizedGlossarySearchConfig } from '../types'

/**
 * The plugin's only way into the database: Payload's Local API, access overridden (search decides
 * visibility itself: a document's main version must be published; drafts live in versions and are never
 * read), depth 0, every locale. Hidden fields are never selected, so they cannot be indexed.
 */

const SELECT: Record<ContentType, Record<string, true>> = {
  'glossary-term': {
    slug: true,
    term: true,
    englishName: true,
    reading: true,
    aliases: true,
    summary: true,
    body: true,
    glossary: true,
    _status: true,
  },
  'case-study': {
    slug: true,
    title: true,
    persona: true,
    industry: true,
    scenario: true,
    tactics: true,
    outcomes: true,
    _status: true,
  },
  playbook: { slug: true, title: true, summary: true, intro: true, steps: true, closing: true, _status: true },
}

const toDocument = (type: ContentType, doc: unknown): SearchDocument =>
  type === 'glossary-term'
    ? termDocument(doc as TermSource)
    : type === 'case-study'
      ? caseStudyDocument(doc as CaseStudySource)
      : playbookDocument(doc as PlaybookSource)

type Row = { id: string | number; slug?: string | null; _status?: string | null }

const find = async (
  payload: Payload,
  collection: string,
  where: Where | undefined,
  select: Record<string, true>,
  req?: PayloadRequest,
) => {
  const { docs } = await payload.find({
    collection: collection as CollectionSlug,
    where,
    select: select as never,
    locale: 'all',
    fallbackLocale: false as const,
    draft: false,
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs as unknown as Row[]
}

const isPublic = (row: Row): row is Row & { slug: string } =>
  row._status === 'published' && typeof row.slug === 'string' && row.slug !== ''

/** Every published document of a type, read page by page (see `findInPages`). */
export const readPublished = async (
  payload: Payload,
  options: SanitizedGlossarySearchConfig,
  type: ContentType,
): Promise<SearchDocument[]> => {
  const docs = await mapInPages(
    payload,
    {
      collection: options.collections[type] as CollectionSlug,
      where: { _status: { equals: 'published' } },
      select: SELECT[type] as never,
      locale: 'all',
      fallbackLocale: false as const,
      draft: false,
      depth: 0,
      overrideAccess: true,
    },
    (row) => (isPublic(row as Row) ? toDocument(type, row) : undefined),
  )
  return docs.filter((doc): doc is SearchDocument => doc !== undefined)
}

/** One document as search should hold it, or undefined when it is not (or no longer) published. */
export const readOne = async (
  payload: Payload,
  options: SanitizedGlossarySearchConfig,
  type: ContentType,
  id: string,
  req?: PayloadRequest,
): Promise<SearchDocument | undefined> => {
  const [row] = await find(payload, options.collections[type], { id: { equals: id } }, SELECT[type], req)
  return row && isPublic(row) ? toDocument(type, row) : undefined
}

/** Glossary ids and slugs (glossaries have no drafts). */
export const readGlossaries = async (
  payload: Payload,
  options: SanitizedGlossarySearchConfig,
  where?: Where,
  req?: PayloadRequest,
) =>
  (await find(payload, options.collections.glossary, where, { slug: true }, req)).map(
    (row) => [String(row.id), row.slug ?? ''] as const,
  )

export type JournalRow = { sequence: number; type: string; docId: string }

/** Journal rows after `sequence`, oldest first (the storefront feed's journal). */
export const readJournal = async (
  payload: Payload,
  journal: string,
  after: number,
  limit: number,
): Promise<JournalRow[]> => {
  const { docs } = await payload.find({
    collection: journal as CollectionSlug,
    where: { sequence: { greater_than: after } },
    sort: 'sequence',
    limit,
    depth: 0,
    pagination: false,
    select: { sequence: true, type: true, docId: true } as never,
    overrideAccess: true,
  })
  return docs as unknown as JournalRow[]
}

/** The journal's newest sequence (0 when empty). */
export const readJournalHead = async (payload: Payload, journal: string): Promise<number> => {
  const { docs } = await payload.find({
    collection: journal as CollectionSlug,
    sort: '-sequence',
    limit: 1,
    depth: 0,
    pagination: false,
    select: { sequence: true } as never,
    overrideAccess: true,
  })
  return Number((docs[0] as { sequence?: number } | undefined)?.sequence ?? 0)
}
