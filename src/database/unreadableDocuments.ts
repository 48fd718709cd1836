import type { BaseDatabaseAdapter, PaginatedDocs, TypeWithID, Where } from 'payload'

/**
 * Why this exists: Payload's SQLite adapter turns every stored row into a document in one pass, and one
 * value it cannot convert (a date column holding 'not-a-date', from before writes were checked or from
 * a hand edit) throws for the whole list: every public read of the collection answered 500. Here a
 * failed page is read again document by document; the ones that still fail are left out and logged,
 * so one odd row costs only itself. Only the failure path pays the extra reads.
 */

type PageRead = BaseDatabaseAdapter['find'] | BaseDatabaseAdapter['findVersions'] | BaseDatabaseAdapter['queryDrafts']
type OneRead = BaseDatabaseAdapter['findOne']
type PageArgs = {
  collection: string
  where?: Where
  limit?: number
  page?: number
  pagination?: boolean
  select?: unknown
}

/** Errors a stored value causes while a row becomes a document (`Invalid time value`, unparsable JSON). */
export const isUnreadableValue = (error: unknown): boolean =>
  error instanceof RangeError || error instanceof SyntaxError

const logSkipped = (adapter: BaseDatabaseAdapter, collection: string, id: unknown, error: unknown) =>
  adapter.payload.logger.error({
    err: error,
    msg: `Skipped ${collection} document ${String(id)}: a stored value cannot be read (${error instanceof Error ? error.message : String(error)}); fix or delete that row.`,
  })

/** A page read that leaves out the documents it cannot read instead of failing for all of them. */
export const skipUnreadableInPages = <R extends PageRead>(read: R): R => {
  const tolerant = async function (this: BaseDatabaseAdapter, args: PageArgs) {
    const call = (next: PageArgs) => (read as (a: PageArgs) => Promise<PaginatedDocs<TypeWithID>>).call(this, next)
    try {
      return await call(args)
    } catch (error) {
      if (!isUnreadableValue(error)) throw error
      // Ids alone read fine (no value to convert); then each document on its own.
      const page = await call({ ...args, select: { id: true } })
      const docs: TypeWithID[] = []
      for (const { id } of page.docs) {
        const byId: Where = { id: { equals: id } }
        try {
          const one = await call({
            ...args,
            where: args.where ? { and: [args.where, byId] } : byId,
            limit: 1,
            page: 1,
            pagination: false,
          })
          docs.push(...one.docs)
        } catch (rowError) {
          if (!isUnreadableValue(rowError)) throw rowError
          logSkipped(this, args.collection, id, rowError)
        }
      }
      return { ...page, docs }
    }
  }
  return Object.assign(tolerant, read) as unknown as R
}

/** A single-document read that treats a document it cannot read as absent (logged), never as a 500. */
export const skipUnreadableOne = (read: OneRead): OneRead =>
  async function (this: BaseDatabaseAdapter, args) {
    try {
      return await read.call(this, args)
    } catch (error) {
      if (!isUnreadableValue(error)) throw error
      logSkipped(this, args.collection, JSON.stringify(args.where).slice(0, 120), error)
      return null
    }
  } as OneRead
