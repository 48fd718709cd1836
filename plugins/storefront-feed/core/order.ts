import { CONTENT_TYPES, type ContentType } from '../types'

/**
 * Listing order: document id descending (ids are time-ordered uuidv7 strings on SQLite and ObjectId hex
 * on MongoDB, so newest first), then content type. Ids never change, so a cursor after (id, type) neither
 * skips nor repeats an item when documents are edited between pages.
 */
export type ItemKey = { id: string; type: ContentType }

const typeRank = (type: ContentType): number => CONTENT_TYPES.indexOf(type)

/** Negative when `a` is listed before `b`. */
export const compareFeedOrder = (a: ItemKey, b: ItemKey): number => {
  if (a.id !== b.id) return a.id > b.id ? -1 : 1
  return typeRank(b.type) - typeRank(a.type)
}

/** The id bound one collection is read with to continue after `after`. */
export const keysetBound = (
  type: ContentType,
  after: ItemKey,
): { operator: 'less_than' | 'less_than_equal'; id: string } =>
  typeRank(type) < typeRank(after.type)
    ? { operator: 'less_than_equal', id: after.id }
    : { operator: 'less_than', id: after.id }

/** Merges per-collection pages (each read with limit + 1) into one page, and says whether more follow. */
export const mergePages = <T extends ItemKey>(
  pages: T[][],
  limit: number,
  after?: ItemKey,
): { page: T[]; hasMore: boolean } => {
  const merged = pages
    .flat()
    .filter((key) => !after || compareFeedOrder(after, key) < 0)
    .sort(compareFeedOrder)
  return { page: merged.slice(0, limit), hasMore: merged.length > limit }
}
