import type { CollectionSlug, Payload, PayloadRequest, Where } from 'payload'

import type { TaggedDocument } from '../core/cacheTags'
import type { SanitizedWebhooksOptions, SubjectType } from '../types'

/** A content document as the hooks read it: depth 0, so relations are ids. */
export type RawDoc = {
  id: string | number
  slug?: string | null
  _status?: 'draft' | 'published' | null
  glossary?: unknown
  tags?: unknown[] | null
  related?: unknown[] | null
}

const idOf = (value: unknown): string | undefined => {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  if (typeof value === 'object' && 'id' in value) return idOf((value as { id: unknown }).id)
  return undefined
}

export const idsOf = (values: unknown): string[] =>
  Array.isArray(values) ? values.map(idOf).filter((id): id is string => id !== undefined) : []

const find = async (
  payload: Payload,
  req: PayloadRequest | undefined,
  collection: string,
  where: Where,
  select: Record<string, true>,
) => {
  // A hub without this collection has no documents in it to show anything.
  if (!payload.collections[collection as CollectionSlug]) return []
  const result = await payload.find({
    collection: collection as CollectionSlug,
    where,
    depth: 0,
    limit: 0,
    pagination: false,
    draft: false,
    select: select as never,
    overrideAccess: true,
    req,
  })
  return result.docs as unknown as RawDoc[]
}

/** The main (public) row of a document, not its latest draft; undefined when it does not exist. */
export const readMain = async (
  payload: Payload,
  req: PayloadRequest | undefined,
  collection: string,
  id: string,
): Promise<RawDoc | undefined> => {
  const config = payload.collections[collection as CollectionSlug]?.config
  const names = new Set(config?.flattenedFields.map((field) => field.name) ?? [])
  const select = Object.fromEntries(
    ['slug', '_status', 'glossary', 'tags', 'related'].filter((name) => names.has(name)).map((name) => [name, true]),
  )
  const [doc] = await find(payload, req, collection, { id: { equals: id } }, select as Record<string, true>)
  return doc
}

/** Slugs of glossaries and tags by id, in one query each. */
export const slugsById = async (
  payload: Payload,
  req: PayloadRequest | undefined,
  collection: string,
  ids: string[],
): Promise<Map<string, string>> => {
  if (ids.length === 0) return new Map()
  const docs = await find(payload, req, collection, { id: { in: [...new Set(ids)] } }, { slug: true })
  return new Map(docs.filter((doc) => doc.slug).map((doc) => [String(doc.id), doc.slug!]))
}

/** A document as cache tags see it: slugs instead of ids for a term's glossary and tags. */
export const taggedDocument = async (
  payload: Payload,
  options: SanitizedWebhooksOptions,
  req: PayloadRequest | undefined,
  type: SubjectType,
  doc: RawDoc,
): Promise<TaggedDocument> => {
  if (type !== 'glossary-term') return { type, slug: doc.slug ?? null }
  const glossaryId = idOf(doc.glossary)
  const [glossaries, tags] = await Promise.all([
    slugsById(payload, req, options.collections.glossary, glossaryId ? [glossaryId] : []),
    slugsById(payload, req, options.collections.tag, idsOf(doc.tags)),
  ])
  return {
    type,
    slug: doc.slug ?? null,
    glossary: glossaryId ? (glossaries.get(glossaryId) ?? null) : null,
    tags: idsOf(doc.tags).map((id) => tags.get(id) ?? null),
  }
}

const published = (docs: RawDoc[], type: SubjectType): TaggedDocument[] =>
  docs.filter((doc) => doc._status === 'published' && doc.slug).map((doc) => ({ type, slug: doc.slug! }))

/**
 * Published documents whose storefront page shows this one: terms that relate to a term (from either side)
 * or narrow it, case studies and playbooks citing it, case studies pointing at a playbook's steps, and the
 * terms of a glossary or tag. Read before a delete too: on SQL the relation rows go with the document.
 */
export const documentsShowing = async (
  payload: Payload,
  options: SanitizedWebhooksOptions,
  req: PayloadRequest | undefined,
  type: SubjectType,
  id: string,
  related: string[] = [],
): Promise<TaggedDocument[]> => {
  const { collections: c } = options
  const select = { slug: true, _status: true } as const
  const lookups: Promise<TaggedDocument[]>[] = []
  if (type === 'glossary-term') {
    const termWhere: Where = {
      or: [
        { related: { in: [id] } },
        { broader: { equals: id } },
        ...(related.length ? [{ id: { in: related } }] : []),
      ],
    }
    lookups.push(find(payload, req, c['glossary-term'], termWhere, select).then((d) => published(d, 'glossary-term')))
    lookups.push(
      find(payload, req, c['case-study'], { relatedTerms: { in: [id] } }, select).then((d) =>
        published(d, 'case-study'),
      ),
    )
    lookups.push(
      find(
        payload,
        req,
        c.playbook,
        { or: [{ relatedTerms: { in: [id] } }, { 'steps.relatedTerms': { in: [id] } }] },
        select,
      ).then((d) => published(d, 'playbook')),
    )
  } else if (type === 'playbook') {
    lookups.push(
      find(payload, req, c['case-study'], { 'playbookSteps.playbook': { equals: id } }, select).then((d) =>
        published(d, 'case-study'),
      ),
    )
  } else if (type === 'glossary') {
    lookups.push(
      find(payload, req, c['glossary-term'], { glossary: { equals: id } }, select).then((d) =>
        published(d, 'glossary-term'),
      ),
    )
  } else if (type === 'tag') {
    lookups.push(
      find(payload, req, c['glossary-term'], { tags: { in: [id] } }, select).then((d) => published(d, 'glossary-term')),
    )
  }
  const settled = await Promise.all(lookups)
  return settled.flat()
}
