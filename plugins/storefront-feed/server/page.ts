import type { Payload, Where } from 'payload'

import { buildFeedDocument, type FeedDocument, feedUrlFor } from '../core/feed'
import {
  type FeedItem,
  itemId,
  type MentionLinkerFactory,
  type SerializeContext,
  serializeItem,
  type SourceDoc,
  type Tombstone,
  tombstone,
  unrenderableItem,
} from '../core/items'
import { keysetBound, mergePages } from '../core/order'
import type { FeedQuery, ParameterError } from '../core/params'
import type { TermDirectory } from '../core/termDirectory'
import { encodeCursor, encodeSyncToken } from '../core/tokens'
import type { ContentType, SanitizedFeedOptions } from '../types'
import { findDocs, findRows } from './db'
import { type JournalHead, type JournalRow, itemsChangedLater, readChanges, sequenceBefore } from './journalStore'
import { loadLookups } from './lookups'

export type PageResult =
  { status: 200; document: FeedDocument; lastModified?: Date } | { status: 400 | 404; errors: ParameterError[] }

export type PageContext = {
  payload: Payload
  options: SanitizedFeedOptions
  secret: string
  /** Absolute URL of the endpoint, without query. */
  feedBase: string
  head: JournalHead
  mentionLinker?: MentionLinkerFactory
  /** Published terms as of `head` (or later), when the runtime's directory has been read; else lookups read the database. */
  terms?: TermDirectory
}

type Filters = { glossaryId?: string; tagId?: string }

// Relations a filter needs; types without them cannot match a glossary or tag filter.
const FILTERABLE: Record<'glossary' | 'tag', ContentType[]> = { glossary: ['glossary-term'], tag: ['glossary-term'] }

const typesFor = (query: FeedQuery): ContentType[] =>
  query.types.filter(
    (type) => (!query.glossary || FILTERABLE.glossary.includes(type)) && (!query.tag || FILTERABLE.tag.includes(type)),
  )

const filterWhere = (type: ContentType, filters: Filters): Where[] => {
  if (type !== 'glossary-term') return []
  return [
    ...(filters.glossaryId ? [{ glossary: { equals: filters.glossaryId } }] : []),
    ...(filters.tagId ? [{ tags: { in: [filters.tagId] } }] : []),
  ]
}

/** Resolves glossary / tag slugs to ids: one query each, and a 404 naming the parameter when unknown. */
const resolveFilters = async (
  ctx: PageContext,
  query: FeedQuery,
): Promise<{ filters: Filters; errors: ParameterError[] }> => {
  const errors: ParameterError[] = []
  const filters: Filters = {}
  const lookup = async (kind: 'glossary' | 'tag', slug: string | undefined) => {
    if (!slug) return undefined
    const [doc] = await findRows<{ id: string | number }>(ctx.payload, {
      collection: ctx.options.collections[kind],
      where: { slug: { equals: slug } },
      limit: 1,
      select: { slug: true },
    })
    if (!doc) errors.push({ parameter: kind, message: `no ${kind} has the slug "${slug}"` })
    return doc ? String(doc.id) : undefined
  }
  const [glossaryId, tagId] = await Promise.all([lookup('glossary', query.glossary), lookup('tag', query.tag)])
  if (glossaryId) filters.glossaryId = glossaryId
  if (tagId) filters.tagId = tagId
  return { filters, errors }
}

/** Published documents of one type: a keyset page (newest first) when `limit` is given, else all matches. */
const loadSources = async (
  ctx: PageContext,
  type: ContentType,
  where: Where[],
  limit?: number,
): Promise<SourceDoc[]> => {
  const docs = await findDocs<SourceDoc['doc']>(ctx.payload, {
    collection: ctx.options.collections[type],
    where: combined(where),
    publishedOnly: true,
    ...(limit ? { sort: '-id', limit } : {}),
    select: { sources: false },
  })
  return docs.map((doc) => ({ type, doc: { ...doc, id: String(doc.id) } }) as SourceDoc)
}

const serializeAll = async (ctx: PageContext, query: FeedQuery, sources: SourceDoc[]) => {
  const lookups = await loadLookups(ctx.payload, ctx.options, sources, ctx.terms)
  const serializeContext: SerializeContext = {
    locale: query.locale,
    baseUrl: ctx.options.baseUrl,
    defaultLocale: ctx.options.localization.defaultLocale,
    urls: ctx.options.urls,
    collections: ctx.options.collections,
    publisher: ctx.options.publisher,
    lookups,
    mentionLinker: ctx.mentionLinker,
  }
  return Promise.all(
    sources.map((source) =>
      serializeItem(source, serializeContext).catch((error: unknown) => {
        // One malformed document must not take the whole feed down: log it, serve what identifies it.
        ctx.payload.logger.error({
          err: error,
          msg: `storefront-feed: could not render ${itemId(source.type, source.doc.id)}`,
        })
        return unrenderableItem(source, serializeContext)
      }),
    ),
  )
}

const newest = (dates: (string | undefined)[]): Date | undefined => {
  const times = dates
    .filter((d): d is string => Boolean(d))
    .map((d) => Date.parse(d))
    .filter(Number.isFinite)
  return times.length > 0 ? new Date(Math.max(...times)) : undefined
}

const documentFor = (
  ctx: PageContext,
  query: FeedQuery,
  args: {
    items: (FeedItem | Tombstone)[]
    syncSequence: number
    mode: 'full' | 'delta'
    next?: { cursor?: string; since?: string }
  },
): FeedDocument => {
  const defaults = {
    types: ctx.options.contentTypes,
    limit: ctx.options.pageSize.default,
    locale: ctx.options.localization.defaultLocale,
  }
  return buildFeedDocument({
    title: ctx.options.title,
    description: ctx.options.description,
    icon: ctx.options.icon,
    favicon: ctx.options.favicon,
    homePageUrl: ctx.options.baseUrl,
    feedUrl: feedUrlFor(ctx.feedBase, query, defaults),
    nextUrl: args.next ? feedUrlFor(ctx.feedBase, query, defaults, args.next) : undefined,
    locale: query.locale,
    syncToken: encodeSyncToken(ctx.secret, args.syncSequence),
    mode: args.mode,
    types: query.types,
    items: args.items,
  })
}

/** Where clauses (none, one, or an `and` of several) as one. */
const combined = (where: Where[]): Where | undefined =>
  where.length === 0 ? undefined : where.length === 1 ? where[0] : { and: where }

/**
 * One page of the full listing: per content type one keyset read of ids (below the cursor, limit + 1),
 * merged, then the page's documents read by id (never the limit + 1 of every type: for a 50-item page
 * of three types that was 153 documents through the Local API for 50 shown), then one round of batched
 * lookups. The sync token is the journal head when page one was read.
 */
export const buildFullPage = async (ctx: PageContext, query: FeedQuery): Promise<PageResult> => {
  const resolved = await resolveFilters(ctx, query)
  if (resolved.errors.length > 0) return { status: 404, errors: resolved.errors }
  const after = query.cursor?.after
  const perType = await Promise.all(
    typesFor(query).map(async (type) => {
      const bound = after ? keysetBound(type, after) : undefined
      const rows = await findRows<{ id: string | number }>(ctx.payload, {
        collection: ctx.options.collections[type],
        where: combined([
          ...filterWhere(type, resolved.filters),
          ...(bound ? [{ id: { [bound.operator]: bound.id } }] : []),
        ]),
        publishedOnly: true,
        sort: '-id',
        limit: query.limit + 1,
        select: { id: true },
      })
      return rows.map((row) => ({ id: String(row.id), type }))
    }),
  )
  const merged = mergePages(perType, query.limit, after)
  const hasMore = merged.hasMore
  const sources = new Map<string, SourceDoc>()
  await Promise.all(
    typesFor(query).map(async (type) => {
      const ids = merged.page.filter((key) => key.type === type).map((key) => key.id)
      if (ids.length === 0) return
      const where = [{ id: { in: ids } }, ...filterWhere(type, resolved.filters)]
      for (const source of await loadSources(ctx, type, where)) sources.set(itemId(type, source.doc.id), source)
    }),
  )
  // A document unpublished (or moved out of the filter) between the two reads is left out; the cursor
  // still follows the ids read.
  const page = merged.page.flatMap((key) => {
    const source = sources.get(itemId(key.type, key.id))
    return source ? [{ ...key, source }] : []
  })
  const serialized = await serializeAll(
    ctx,
    query,
    page.map((entry) => entry.source),
  )
  const passHead = query.cursor?.head ?? ctx.head.sequence
  const last = merged.page[merged.page.length - 1]
  const cursor =
    hasMore && last
      ? encodeCursor(ctx.secret, { head: passHead, filter: query.filter, after: { id: last.id, type: last.type } })
      : undefined
  return {
    status: 200,
    document: documentFor(ctx, query, {
      items: serialized,
      syncSequence: passHead,
      mode: 'full',
      next: cursor ? { cursor } : undefined,
    }),
    lastModified: newest([ctx.head.at, ...page.map((entry) => entry.source.doc.updatedAt)]),
  }
}

/**
 * Changes since a sync point: journal rows after it (oldest first, at most `limit`), one entry per item
 * with its current public state, or a tombstone when it is no longer published (or no longer matches the
 * glossary / tag filter). An item that changes again later in the same pass is sent only at its last row.
 */
export const buildDeltaPage = async (ctx: PageContext, query: FeedQuery): Promise<PageResult> => {
  const since = query.since!
  const head = ctx.head.sequence
  let from: number
  if (since.kind === 'sequence') {
    if (since.sequence > head) {
      return {
        status: 400,
        errors: [
          {
            parameter: 'since',
            message:
              'this sync token is newer than the hub’s change journal (was the database restored?); sync again without since',
          },
        ],
      }
    }
    from = since.sequence
  } else {
    from = await sequenceBefore(ctx.payload, ctx.options.changesCollection, since.date, head)
  }
  const resolved = await resolveFilters(ctx, query)
  if (resolved.errors.length > 0) return { status: 404, errors: resolved.errors }

  // Types a glossary / tag filter excludes have no items in this listing, so their changes are not sent.
  const matchable = typesFor(query)
  const rows =
    matchable.length === 0
      ? []
      : await readChanges(ctx.payload, ctx.options.changesCollection, {
          after: from,
          upTo: head,
          types: matchable,
          limit: query.limit + 1,
        })
  const hasMore = rows.length > query.limit
  const batch = rows.slice(0, query.limit)
  const batchEnd = hasMore ? batch[batch.length - 1]!.sequence : head

  const latest = new Map<string, JournalRow>()
  for (const row of batch) {
    latest.delete(row.itemId)
    latest.set(row.itemId, row)
  }
  const later = hasMore
    ? await itemsChangedLater(ctx.payload, ctx.options.changesCollection, {
        itemIds: [...latest.keys()],
        after: batchEnd,
        upTo: head,
      })
    : new Set<string>()
  const due = [...latest.values()].filter((row) => !later.has(row.itemId))

  const current = new Map<string, SourceDoc>()
  await Promise.all(
    matchable.map(async (type) => {
      const ids = due.filter((row) => row.type === type).map((row) => row.docId)
      if (ids.length === 0) return
      const sources = await loadSources(ctx, type, [{ id: { in: ids } }, ...filterWhere(type, resolved.filters)])
      for (const source of sources) current.set(itemId(type, source.doc.id), source)
    }),
  )
  const present = due.map((row) => current.get(row.itemId)).filter((source): source is SourceDoc => Boolean(source))
  const serialized = await serializeAll(ctx, query, present)
  const byItem = new Map(serialized.map((item) => [item.id, item]))
  const items = due.map((row) => byItem.get(row.itemId) ?? tombstone(row.type as ContentType, row.docId))

  return {
    status: 200,
    document: documentFor(ctx, query, {
      items,
      syncSequence: batchEnd,
      mode: 'delta',
      next: hasMore ? { since: encodeSyncToken(ctx.secret, batchEnd) } : undefined,
    }),
    lastModified: newest([ctx.head.at, ...present.map((source) => source.doc.updatedAt)]),
  }
}
