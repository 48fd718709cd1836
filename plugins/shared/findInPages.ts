import type { CollectionSlug, Payload, Where } from 'payload'

/** What a whole-collection read may ask of `payload.find` (paging and order are ours). */
export type FindAllArgs = Omit<Parameters<Payload['find']>[0], 'limit' | 'page' | 'pagination' | 'sort' | 'where'> & {
  collection: CollectionSlug
  where?: Where
}

export const DEFAULT_PAGE_SIZE = 1_000

/**
 * Every document a find matches, one page at a time in id order. Start-up reads of 100,000 documents go
 * through here so a page is mapped to its compact form and dropped before the next is read: the process
 * never holds every full document at once. Pages follow the last id seen (not an offset), so a document
 * created or deleted by another writer meanwhile never makes the read skip or repeat one; the caller's
 * change log replays such changes. Works on drafts too (Payload maps `id` to the version's parent).
 */
export async function* findInPages(
  payload: Payload,
  args: FindAllArgs,
  pageSize = DEFAULT_PAGE_SIZE,
): AsyncGenerator<Record<string, unknown>[]> {
  let after: string | number | undefined
  for (;;) {
    const conditions = [args.where, after === undefined ? undefined : { id: { greater_than: after } }].filter(
      (w): w is Where => Boolean(w),
    )
    const { docs } = await payload.find({
      ...args,
      where: conditions.length > 1 ? { and: conditions } : conditions[0],
      sort: 'id',
      limit: pageSize,
      pagination: false,
    } as Parameters<Payload['find']>[0])
    if (docs.length === 0) return
    yield docs as unknown as Record<string, unknown>[]
    if (docs.length < pageSize) return
    after = (docs[docs.length - 1] as { id: string | number }).id
    // Requests that arrive during a long read are served between pages.
    await new Promise((resolve) => setImmediate(resolve))
  }
}

/** Every document a find matches, mapped page by page (see `findInPages`). */
export const mapInPages = async <T>(
  payload: Payload,
  args: FindAllArgs,
  map: (doc: Record<string, unknown>) => T,
  pageSize = DEFAULT_PAGE_SIZE,
): Promise<T[]> => {
  const out: T[] = []
  for await (const page of findInPages(payload, args, pageSize)) for (const doc of page) out.push(map(doc))
  return out
}
