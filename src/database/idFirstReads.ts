import type { BaseDatabaseAdapter, FindArgs, PaginatedDocs, TypeWithID, Where } from 'payload'

type Find = BaseDatabaseAdapter['find']

/** A `where` that only names documents by id: reading by primary key needs no first step. */
const namesIdsOnly = (where: Where | undefined): boolean => {
  if (!where) return false
  const keys = Object.keys(where)
  return keys.length === 1 && keys[0] === 'id'
}

/**
 * A `where` that can match only the ids it lists, whatever else it requires (Payload's population and
 * the hub's readability checks: `{ and: [{ id: { in: [...] } }, <access rule>] }`): SQLite computes
 * nested fields for at most those rows, so the first step would only repeat the work.
 */
const matchesListedIdsOnly = (where: Where | undefined): boolean => {
  if (!where) return false
  if (namesIdsOnly(where)) {
    const condition = where.id as Record<string, unknown> | undefined
    return (
      !!condition &&
      typeof condition === 'object' &&
      Object.keys(condition).every((operator) => operator === 'in' || operator === 'equals')
    )
  }
  const keys = Object.keys(where)
  return (
    keys.length === 1 &&
    keys[0] === 'and' &&
    Array.isArray(where.and) &&
    where.and.some((part) => matchesListedIdsOnly(part))
  )
}

/** A read of ids alone (the feed's first step) has no nested fields to save. */
const selectsIdOnly = (select: FindArgs['select']): boolean =>
  !!select &&
  // `select: {}` (the hub's readability checks) reads ids alone too.
  (Object.keys(select).length === 0 ||
    (Object.entries(select).every(([field, value]) => field === 'id' || value !== true) &&
      Object.values(select).some((value) => value === true)))

/**
 * Payload's SQLite adapter reads a filtered, sorted page in one relational query whose nested fields
 * (locales, relationships, arrays, rich text) SQLite computes for every row the filter and sort touch,
 * before the limit: 50 published terms among 8,000 took ~120 ms of CPU (1.2 s p50 under 10 readers).
 * Reading the page's ids first (no nested fields) and then those documents by primary key gives the same
 * answer with the nested work done for 50 rows only. The second read repeats the filter, so a document
 * that stopped matching in between (unpublished, access revoked) is still left out.
 */
export const readPagesIdsFirst = (find: Find): Find & { oneStep: Find } => {
  const findIdsFirst = async function findIdsFirst<T = TypeWithID>(
    this: BaseDatabaseAdapter,
    args: FindArgs,
  ): Promise<PaginatedDocs<T>> {
    const read = (findArgs: FindArgs) => find.call(this, findArgs) as Promise<PaginatedDocs<T & TypeWithID>>
    if (
      !args.limit ||
      args.limit <= 0 ||
      namesIdsOnly(args.where) ||
      matchesListedIdsOnly(args.where) ||
      selectsIdOnly(args.select)
    )
      return read(args)
    const page = await read({ ...args, select: { id: true } })
    if (page.docs.length === 0) return page
    const ids = page.docs.map((doc) => doc.id)
    const byId: Where = { id: { in: ids } }
    const full = await read({
      ...args,
      where: args.where ? { and: [args.where, byId] } : byId,
      limit: 0,
      page: 1,
      pagination: false,
    })
    const docs = new Map(full.docs.map((doc) => [String(doc.id), doc]))
    const ordered = ids.map((id) => docs.get(String(id))).filter((doc) => doc !== undefined)
    return { ...page, docs: ordered }
  }
  // The adapter's own read stays reachable, for `npm run bench:cold` to compare.
  return Object.assign(findIdsFirst as Find, { oneStep: find })
}
