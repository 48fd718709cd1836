import type { CollectionSlug, Payload, PayloadRequest, Where } from 'payload'

/**
 * The feed's only way into the database: Payload's Local API with access overridden (the feed decides
 * visibility itself, by `_status`), depth 0 and no count query. Works the same on SQLite and MongoDB.
 */
export type FindArgs = {
  collection: string
  where?: Where
  sort?: string
  /** 0 = no limit. */
  limit?: number
  locale?: 'all' | 'ja' | 'en'
  select?: Record<string, boolean>
  req?: PayloadRequest
  /** Only documents whose main (published) version is public; a draft never counts. */
  publishedOnly?: boolean
}

type WithId = { id: string | number; _status?: string | null }

const find = async <T>(payload: Payload, args: FindArgs & { where?: Where }): Promise<T[]> => {
  // The Local API sets the locale it reads in on `req`; a hook reading in every locale must not change
  // the locale the save it runs in goes on writing (or reading its answer) in.
  const { req } = args
  const locale = req?.locale
  const fallbackLocale = req?.fallbackLocale
  try {
    return await findWith<T>(payload, args)
  } finally {
    if (req) {
      req.locale = locale
      req.fallbackLocale = fallbackLocale
    }
  }
}

const findWith = async <T>(payload: Payload, args: FindArgs & { where?: Where }): Promise<T[]> => {
  const result = await payload.find({
    collection: args.collection as CollectionSlug,
    where: args.where,
    sort: args.sort,
    limit: args.limit ?? 0,
    locale: (args.locale ?? 'all') as 'all',
    fallbackLocale: false as const,
    select: args.select as never,
    req: args.req,
    draft: false,
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  return result.docs as unknown as T[]
}

const published: Where = { _status: { equals: 'published' } }

const isIdLookup = (where: Where | undefined): boolean => {
  if (!where) return true
  const keys = Object.keys(where)
  return keys.length === 1 && keys[0] === 'id' && typeof where.id === 'object' && where.id !== null && 'in' in where.id
}

/**
 * Documents matching `where`, in `sort` order. Filtering reads ids only, then documents are read by id:
 * Payload's SQLite adapter computes every nested field (locales, arrays, relations) of each row a
 * filtered, sorted query touches before it applies the limit, which makes a one-step read of 50 published
 * terms among 8,000 take seconds; the id read alone takes milliseconds. On MongoDB it is one more round trip.
 * `publishedOnly` is checked again on the documents read, so a document unpublished in between is dropped.
 */
export const findDocs = async <T>(payload: Payload, args: FindArgs): Promise<T[]> => {
  const keep = (doc: WithId) => !args.publishedOnly || doc._status === 'published'
  const select = withStatus(args)
  // Reads by id need no filtering step: the published check happens on the documents read.
  if (isIdLookup(args.where) && !args.sort && !args.limit) {
    return (await find<WithId>(payload, { ...args, select })).filter(keep) as T[]
  }
  const ids = (
    await find<WithId>(payload, { ...args, where: filterWhere(args), select: { id: true }, locale: undefined })
  ).map((doc) => doc.id)
  if (ids.length === 0) return []
  const docs = await find<WithId>(payload, { ...args, where: { id: { in: ids } }, select, sort: undefined, limit: 0 })
  const byId = new Map(docs.map((doc) => [String(doc.id), doc]))
  return ids.map((id) => byId.get(String(id))).filter((doc): doc is WithId => doc !== undefined && keep(doc)) as T[]
}

/**
 * Stored values of matching documents (ids, slugs, titles, relation ids, journal rows), read through the
 * database adapter (`payload.db`, engine-neutral like the Local API, but without its per-document field
 * hooks and population, which cost more than the read itself: 300 related-term references at 100,000
 * items took ~50 ms through `payload.find`). Only for values as stored; documents as readers see them
 * come from `findDocs`. Localized fields come back with every locale unless `locale` names one.
 */
export const findRows = async <T>(payload: Payload, args: FindArgs): Promise<T[]> => {
  const result = await payload.db.find<WithId>({
    collection: args.collection as CollectionSlug,
    where: filterWhere(args) ?? {},
    sort: args.sort,
    limit: args.limit ?? 0,
    pagination: false,
    locale: args.locale ?? 'all',
    select: withStatus(args) as never,
    req: args.req,
  })
  return result.docs.filter((row) => !args.publishedOnly || row._status === 'published') as T[]
}

/** An inclusive select must name _status for the published check; an exclusive one (`{ sources: false }`) keeps it. */
const withStatus = (args: FindArgs): Record<string, boolean> | undefined => {
  const inclusive = Object.values(args.select ?? {}).some((value) => value === true)
  return inclusive && args.publishedOnly ? { ...args.select, _status: true } : args.select
}

/**
 * `_status` goes into the query only when a limit must count published documents. Otherwise it is checked
 * on the rows read: in SQL it tempts SQLite to walk the `_status` index over every published document
 * instead of the index of the relation or id being asked for.
 */
const filterWhere = (args: FindArgs): Where | undefined => {
  if (!args.publishedOnly || !args.limit) return args.where
  return args.where ? { and: [published, args.where] } : published
}
