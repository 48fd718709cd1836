/**
 * Cache tags: the one contract between the hub and a storefront's tag-based cache. A response is tagged
 * with `cacheTagsFor(document)`; an event names the same tags plus those of documents that show it, so
 * invalidating the event's tags drops exactly the pages that could have changed. The feed (`_hub.cache_tags`,
 * `Cache-Tag`), REST responses and webhook events all call these functions.
 */

/** Everything that can carry a tag: the feed's content types and the two lookups terms are listed by. */
export type TaggedType = 'glossary-term' | 'case-study' | 'playbook' | 'glossary' | 'tag'

export type TaggedDocument = {
  type: TaggedType
  slug?: string | null
  /** Terms only: the slug of their glossary (they appear on its page). */
  glossary?: string | null
  /** Terms only: the slugs of their tags (they appear on each tag's page). */
  tags?: (string | null | undefined)[] | null
}

const LIST_TAGS: Record<TaggedType, string> = {
  'glossary-term': 'glossary-terms',
  'case-study': 'case-studies',
  playbook: 'playbooks',
  glossary: 'glossaries',
  tag: 'tags',
}

/** A slug as it may appear in a tag: percent-encoded, so a tag never holds a comma, space or control character. */
const part = (slug: string): string => encodeURIComponent(slug.trim())

const present = (value: string | null | undefined): value is string => typeof value === 'string' && value.trim() !== ''

/** The tag of one document, e.g. `glossary-term:utm-code`; none without a slug. */
export const documentTag = (type: TaggedType, slug: string | null | undefined): string | undefined =>
  present(slug) ? `${type}:${part(slug)}` : undefined

/** The tag of every list of one type, e.g. `glossary-terms` (a new or removed document changes them all). */
export const listTag = (type: TaggedType): string => LIST_TAGS[type]

/** The tag of a glossary's or a tag's term list, e.g. `glossary:social-media`. */
export const memberListTag = (kind: 'glossary' | 'tag', slug: string | null | undefined): string | undefined =>
  documentTag(kind, slug)

/**
 * Tags for a response showing this document: its own tag, the list of its type and, for a term, its
 * glossary's and tags' lists. Order is stable (own tag first) and there are no duplicates.
 */
export const cacheTagsFor = (doc: TaggedDocument): string[] => {
  const tags = [documentTag(doc.type, doc.slug), listTag(doc.type)]
  if (doc.type === 'glossary-term') {
    tags.push(memberListTag('glossary', doc.glossary))
    for (const tag of doc.tags ?? []) tags.push(memberListTag('tag', tag))
  }
  return unique(tags)
}

/**
 * Tags an event must invalidate: the document as it is and as it was (a rename or a move to another
 * glossary leaves the old pages stale too), and the own tag of every document that shows it.
 */
export const eventCacheTags = (args: {
  doc: TaggedDocument
  previous?: TaggedDocument
  shownIn?: TaggedDocument[]
}): string[] =>
  unique([
    ...cacheTagsFor(args.doc),
    ...(args.previous ? cacheTagsFor(args.previous) : []),
    ...(args.shownIn ?? []).map((other) => documentTag(other.type, other.slug)),
  ])

/** Tags of several responses joined, e.g. for a list page: first-seen order, no duplicates. */
export const unionTags = (...lists: (readonly (string | undefined)[])[]): string[] => unique(lists.flat())

/**
 * The `Cache-Tag` header value (comma-separated, as Cloudflare and Fastly read it), kept under `maxLength`
 * bytes: CDNs reject longer headers, so the most specific tags are dropped first and the list tags kept.
 */
export const cacheTagHeader = (tags: readonly string[], maxLength = 8000): string => {
  const lists = new Set(Object.values(LIST_TAGS))
  const ordered = [...tags.filter((tag) => lists.has(tag)), ...tags.filter((tag) => !lists.has(tag))]
  let header = ''
  for (const tag of unique(ordered)) {
    const next = header ? `${header},${tag}` : tag
    if (next.length > maxLength) break
    header = next
  }
  return header
}

function unique(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => present(value)))]
}
