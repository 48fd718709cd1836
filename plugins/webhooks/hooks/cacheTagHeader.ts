import type { CollectionAfterReadHook, CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import { cacheTagHeader, cacheTagsFor, listTag, type TaggedDocument } from '../core/cacheTags'
import type { SubjectType } from '../types'

type Tagging = { tags: Set<string>; writePending: boolean }
const seen = new WeakMap<PayloadRequest, Tagging>()

/**
 * Adds tags to the request's `Cache-Tag` header. A list's hook runs once per document (200 for a
 * 50-term page at depth 1): the header is rebuilt once per turn, after the whole batch, not once per
 * document (which made it quadratic: ~14 ms of a cold list). The rebuild is a microtask queued before
 * the operation's own continuation, so it lands before any response is built from the headers.
 */
const addTags = (req: PayloadRequest, add: string[]) => {
  const tagging = seen.get(req) ?? { tags: new Set<string>(), writePending: false }
  seen.set(req, tagging)
  const before = tagging.tags.size
  for (const tag of add) tagging.tags.add(tag)
  req.responseHeaders ??= new Headers()
  if (tagging.writePending || (before === tagging.tags.size && req.responseHeaders.has('Cache-Tag'))) return
  tagging.writePending = true
  queueMicrotask(() => {
    tagging.writePending = false
    req.responseHeaders ??= new Headers()
    req.responseHeaders.set('Cache-Tag', cacheTagHeader([...tagging.tags]))
  })
}

/** A read over REST is tagged with its type's list tag even when it finds nothing: a later publish must drop it. */
export const tagRestRead =
  (type: SubjectType): CollectionBeforeOperationHook =>
  ({ args, operation, req }) => {
    if (operation === 'read' && req?.payloadAPI === 'REST') addTags(req, [listTag(type)])
    return args
  }

const slugOf = (value: unknown): string | null =>
  value && typeof value === 'object' && typeof (value as { slug?: unknown }).slug === 'string'
    ? (value as { slug: string }).slug
    : null

/**
 * Adds each document a REST response contains (populated relations included) to its `Cache-Tag` header,
 * with the same tags the feed and webhook events use. A relation left as an id (depth 0) adds nothing: an
 * event about it names this document's own tag anyway.
 */
export const tagRestResponse =
  (type: SubjectType): CollectionAfterReadHook =>
  ({ doc, req }) => {
    if (req.payloadAPI !== 'REST' || !doc) return doc
    const tagged: TaggedDocument = {
      type,
      slug: typeof doc.slug === 'string' ? doc.slug : null,
      ...(type === 'glossary-term'
        ? { glossary: slugOf(doc.glossary), tags: Array.isArray(doc.tags) ? doc.tags.map(slugOf) : [] }
        : {}),
    }
    addTags(req, cacheTagsFor(tagged))
    return doc
  }
