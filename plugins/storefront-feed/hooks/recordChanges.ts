import {
  createLocalReq,
  type CollectionAfterChangeHook,
  type CollectionAfterDeleteHook,
  type CollectionBeforeChangeHook,
  type CollectionBeforeDeleteHook,
  type CollectionSlug,
  type Payload,
  type PayloadRequest,
  type Where,
} from 'payload'

import { idsOf, itemId, type RelationValue } from '../core/items'
import { type JournalKind, othersSeeAChange, SHOWN_FIELDS, type ShownState, shownState } from '../core/shownFields'
import type { ContentType, SanitizedFeedOptions } from '../types'
import { findDocs, findRows } from '../server/db'
import { appendChanges, type JournalAction, type JournalChange, lastAction } from '../server/journalStore'
import { existingFeedRuntime, feedRuntime } from '../server/runtime'

type Doc = {
  id: string | number
  slug?: string | null
  _status?: 'draft' | 'published' | null
  related?: RelationValue[] | null
}

/** Set `req.context[SKIP_FEED_JOURNAL] = true` to write without journaling (e.g. a migration you resync after). */
export const SKIP_FEED_JOURNAL = 'skipStorefrontFeedJournal'

/** The id of the database transaction this request runs in; adapters without transactions leave none. */
const transactionOf = async (req: PayloadRequest): Promise<string | undefined> => {
  // Payload may hold a pending promise, null, or (for some local requests) an empty object here.
  const id: unknown = await req.transactionID
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined
}

const record = async (req: PayloadRequest, options: SanitizedFeedOptions, changes: JournalChange[]) => {
  const seen = new Set<string>()
  const unique = changes.filter((change) => {
    const key = `${change.type}:${change.docId}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  if (unique.length === 0) return
  const runtime = feedRuntime(req.payload, options)
  await runtime.lock.run(await transactionOf(req), () =>
    appendChanges(req.payload, options.changesCollection, unique, req),
  )
  runtime.localChange()
}

const stashKey = (kind: string, id: string) => `${kind}:${id}`

const hasPublishedVersion = async (payload: Payload, collection: string, id: string, req: PayloadRequest) => {
  const { totalDocs } = await payload.countVersions({
    collection: collection as CollectionSlug,
    where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] },
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}

/**
 * What a save means for storefronts. Published saves are upserts. A draft save leaves the main
 * (published) document alone, so it means nothing unless it took the document offline (unpublish): then
 * storefronts that were told about it get a delete.
 */
const decideAfterChange = async (
  req: PayloadRequest,
  options: SanitizedFeedOptions,
  type: ContentType,
  doc: Doc,
): Promise<JournalAction | undefined> => {
  if (doc._status !== 'draft') return 'upsert'
  const collection = options.collections[type]
  const id = String(doc.id)
  const [main] = await findRows<Doc>(req.payload, {
    collection,
    where: { id: { equals: id } },
    limit: 1,
    select: { _status: true },
    req,
  })
  if (main?._status === 'published') return undefined
  const last = await lastAction(req.payload, options.changesCollection, itemId(type, id), req)
  if (last === 'upsert') return 'delete'
  if (last === 'delete') return undefined
  // Published before the journal existed (e.g. imported), so no row tells us: ask the version history.
  return (await hasPublishedVersion(req.payload, collection, id, req)) ? 'delete' : undefined
}

const publishedIds = async (
  req: PayloadRequest,
  collection: string,
  where: Where,
): Promise<{ id: string; slug?: string }[]> => {
  const docs = await findRows<{ id: string | number; slug?: string }>(req.payload, {
    collection,
    where,
    publishedOnly: true,
    select: { slug: true },
    req,
  })
  return docs.map((doc) => ({ id: String(doc.id), slug: doc.slug ?? undefined }))
}

const upserts = (type: ContentType, docs: { id: string; slug?: string }[]): JournalChange[] =>
  docs.map((doc) => ({ type, docId: doc.id, slug: doc.slug, action: 'upsert' }))

/**
 * Items whose feed entry shows this document (related slugs, broader, playbook steps, glossary or tag
 * names): they are journaled too, so a `since` delta keeps a storefront's copy exact.
 */
const dependentsOf = async (
  req: PayloadRequest,
  options: SanitizedFeedOptions,
  source: { kind: ContentType | 'glossary' | 'tag'; id: string; related?: string[] },
): Promise<JournalChange[]> => {
  const { collections, contentTypes } = options
  const has = (type: ContentType) => contentTypes.includes(type)
  const lookups: Promise<JournalChange[]>[] = []
  const id = source.id
  if (source.kind === 'glossary-term') {
    if (has('glossary-term')) {
      const termWhere: Where = { or: [{ related: { in: [id] } }, { broader: { equals: id } }] }
      if (source.related && source.related.length > 0) termWhere.or!.push({ id: { in: source.related } })
      lookups.push(publishedIds(req, collections['glossary-term'], termWhere).then((d) => upserts('glossary-term', d)))
    }
    if (has('case-study')) {
      lookups.push(
        publishedIds(req, collections['case-study'], { relatedTerms: { in: [id] } }).then((d) =>
          upserts('case-study', d),
        ),
      )
    }
    if (has('playbook')) {
      lookups.push(
        publishedIds(req, collections.playbook, {
          or: [{ relatedTerms: { in: [id] } }, { 'steps.relatedTerms': { in: [id] } }],
        }).then((d) => upserts('playbook', d)),
      )
    }
  } else if (source.kind === 'playbook' && has('case-study')) {
    lookups.push(
      publishedIds(req, collections['case-study'], { 'playbookSteps.playbook': { equals: id } }).then((d) =>
        upserts('case-study', d),
      ),
    )
  } else if ((source.kind === 'glossary' || source.kind === 'tag') && has('glossary-term')) {
    const where: Where = source.kind === 'glossary' ? { glossary: { equals: id } } : { tags: { in: [id] } }
    lookups.push(publishedIds(req, collections['glossary-term'], where).then((d) => upserts('glossary-term', d)))
  }
  return (await Promise.all(lookups)).flat().filter((change) => !(change.type === source.kind && change.docId === id))
}

const relatedIds = (...docs: (Doc | undefined)[]): string[] => [...new Set(docs.flatMap((doc) => idsOf(doc?.related)))]

/** Journals publish, published edit and unpublish of a feed document, and the items that show it. */
export const journalContentChange =
  (options: SanitizedFeedOptions, type: ContentType): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, req }) => {
    if (req.context?.[SKIP_FEED_JOURNAL]) return doc
    const action = await decideAfterChange(req, options, type, doc as Doc)
    if (!action) return doc
    const id = String(doc.id)
    const dependents =
      action === 'upsert' && !(await othersSeeTheSave(req, options, type, id))
        ? []
        : await dependentsOf(req, options, {
            kind: type,
            id,
            related: type === 'glossary-term' ? relatedIds(doc as Doc, previousDoc as Doc) : undefined,
          })
    await record(req, options, [{ type, docId: id, slug: (doc as Doc).slug ?? undefined, action }, ...dependents])
    return doc
  }

/** The stored row's shown fields in every locale: the main (published) row, which a draft save leaves alone. */
const readShownState = async (
  req: PayloadRequest,
  options: SanitizedFeedOptions,
  kind: JournalKind,
  id: string,
): Promise<ShownState | undefined> => {
  const fields = kind === 'glossary' || kind === 'tag' ? SHOWN_FIELDS[kind] : [...SHOWN_FIELDS[kind], '_status']
  const [row] = await findRows<Record<string, unknown>>(req.payload, {
    collection: options.collections[kind],
    where: { id: { equals: id } },
    limit: 1,
    locale: 'all',
    select: Object.fromEntries(fields.map((field) => [field, true])),
    req,
  })
  return shownState(kind, row)
}

// Per request, like the delete stash: the shown fields of each document before this request saved it.
const shownBefore = new WeakMap<PayloadRequest, Map<string, ShownState | undefined>>()

/** Before an update: what other items show of the document, to compare with after the save. */
const stashShownState =
  (options: SanitizedFeedOptions, kind: JournalKind): CollectionBeforeChangeHook =>
  async ({ data, operation, originalDoc, req }) => {
    if (req.context?.[SKIP_FEED_JOURNAL] || operation !== 'update' || !originalDoc?.id) return data
    // A draft save journals nothing, or (an unpublish) every item that shows the document: nothing to compare.
    if (data?._status === 'draft') return data
    const stash = shownBefore.get(req) ?? new Map<string, ShownState | undefined>()
    shownBefore.set(req, stash)
    const id = String(originalDoc.id)
    stash.set(stashKey(kind, id), await readShownState(req, options, kind, id))
    return data
  }

export const stashContentShownState = (options: SanitizedFeedOptions, type: ContentType) =>
  stashShownState(options, type)
export const stashLookupShownState = (options: SanitizedFeedOptions, kind: 'glossary' | 'tag') =>
  stashShownState(options, kind)

/**
 * Whether this save changed what other items' entries show. A summary or body edit does not: re-sending
 * every related term, case study and playbook for it would make one edit a delta of dozens of items.
 */
const othersSeeTheSave = async (
  req: PayloadRequest,
  options: SanitizedFeedOptions,
  kind: JournalKind,
  id: string,
): Promise<boolean> => {
  const stash = shownBefore.get(req)
  const key = stashKey(kind, id)
  if (!stash?.has(key)) return true
  const before = stash.get(key)
  stash.delete(key)
  return othersSeeAChange(before, await readShownState(req, options, kind, id))
}

// Per request rather than on req.context, which Payload may hand to hooks as a frozen object.
const stashes = new WeakMap<PayloadRequest, Map<string, JournalChange[]>>()

/**
 * Finds the items that show a document before it is deleted: on SQLite deleting a document also deletes
 * the relationship rows that point at it, so afterwards nothing would be found.
 */
const stashDependents =
  (options: SanitizedFeedOptions, kind: ContentType | 'glossary' | 'tag'): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    if (req.context?.[SKIP_FEED_JOURNAL]) return
    const docId = String(id)
    let related: string[] | undefined
    if (kind === 'glossary-term') {
      const [doc] = await findDocs<Doc>(req.payload, {
        collection: options.collections['glossary-term'],
        where: { id: { equals: docId } },
        limit: 1,
        select: { related: true },
        req,
      })
      related = relatedIds(doc)
    }
    const stash = stashes.get(req) ?? new Map<string, JournalChange[]>()
    stashes.set(req, stash)
    stash.set(stashKey(kind, docId), await dependentsOf(req, options, { kind, id: docId, related }))
  }

const stashedDependents = async (
  req: PayloadRequest,
  options: SanitizedFeedOptions,
  kind: ContentType | 'glossary' | 'tag',
  id: string,
  doc: Doc,
): Promise<JournalChange[]> =>
  stashes.get(req)?.get(stashKey(kind, id)) ??
  dependentsOf(req, options, { kind, id, related: kind === 'glossary-term' ? relatedIds(doc) : undefined })

export const stashContentDependents = (options: SanitizedFeedOptions, type: ContentType) =>
  stashDependents(options, type)
export const stashLookupDependents = (options: SanitizedFeedOptions, kind: 'glossary' | 'tag') =>
  stashDependents(options, kind)

/** Journals deletion of a document storefronts were told about, and the items that showed it. */
export const journalContentDelete =
  (options: SanitizedFeedOptions, type: ContentType): CollectionAfterDeleteHook =>
  async ({ doc, id: deletedId, req }) => {
    if (req.context?.[SKIP_FEED_JOURNAL]) return doc
    const id = String(deletedId ?? (doc as Doc).id)
    const last = await lastAction(req.payload, options.changesCollection, itemId(type, id), req)
    const wasPublic = last === 'upsert' || (last === undefined && (doc as Doc)._status === 'published')
    if (!wasPublic) return doc
    const dependents = await stashedDependents(req, options, type, id, doc as Doc)
    await record(req, options, [
      { type, docId: id, slug: (doc as Doc).slug ?? undefined, action: 'delete' },
      ...dependents,
    ])
    return doc
  }

/** Glossaries and tags have no drafts: every change moves the journal (caches drop) and re-sends their terms. */
export const journalLookupChange =
  (options: SanitizedFeedOptions, kind: 'glossary' | 'tag'): CollectionAfterChangeHook =>
  async ({ doc, req }) => {
    if (req.context?.[SKIP_FEED_JOURNAL]) return doc
    const id = String(doc.id)
    const dependents = (await othersSeeTheSave(req, options, kind, id))
      ? await dependentsOf(req, options, { kind, id })
      : []
    await record(req, options, [
      { type: kind, docId: id, slug: doc.slug ?? undefined, action: 'upsert' },
      ...dependents,
    ])
    return doc
  }

export const journalLookupDelete =
  (options: SanitizedFeedOptions, kind: 'glossary' | 'tag'): CollectionAfterDeleteHook =>
  async ({ doc, id: deletedId, req }) => {
    if (req.context?.[SKIP_FEED_JOURNAL]) return doc
    const id = String(deletedId ?? doc.id)
    const dependents = await stashedDependents(req, options, kind, id, doc as Doc)
    await record(req, options, [
      { type: kind, docId: id, slug: doc.slug ?? undefined, action: 'delete' },
      ...dependents,
    ])
    return doc
  }

/** One document a bulk import wrote with `SKIP_FEED_JOURNAL` set. */
export type BulkWrite = { collection: string; id: string; slug?: string; published: boolean; updated: boolean }

/**
 * The journal batch after a bulk import that skipped the per-record hooks: one upsert per published
 * feed document and per glossary or tag, plus the items that show an updated one (a created document
 * is shown by nothing yet), appended under one lock. Does nothing when the plugin is not active.
 */
export const journalBulkWrites = async (payload: Payload, writes: BulkWrite[]): Promise<number> => {
  const options = existingFeedRuntime(payload)?.options
  if (!options || writes.length === 0) return 0
  const req = await createLocalReq({}, payload)
  const changes: JournalChange[] = []
  for (const write of writes) {
    const type = options.contentTypes.find((t) => options.collections[t] === write.collection)
    const kind =
      type ??
      (write.collection === options.collections.glossary
        ? 'glossary'
        : write.collection === options.collections.tag
          ? 'tag'
          : undefined)
    if (!kind || (type && !write.published)) continue
    changes.push({ type: kind, docId: write.id, slug: write.slug, action: 'upsert' })
    if (write.updated) changes.push(...(await dependentsOf(req, options, { kind, id: write.id })))
  }
  await record(req, options, changes)
  return changes.length
}
