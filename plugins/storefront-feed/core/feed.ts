import type { ContentType, FeedLocale } from '../types'
import type { FeedItem, Tombstone } from './items'
import type { FeedQuery } from './params'

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1'
export const FEED_CONTENT_TYPE = 'application/feed+json; charset=utf-8'

export type FeedDocument = {
  version: typeof JSON_FEED_VERSION
  title: string
  home_page_url: string
  feed_url: string
  description?: string
  icon?: string
  favicon?: string
  language: FeedLocale
  next_url?: string
  _hub: {
    /** Pass it as `since` later to receive only what changed after this response. */
    sync_token: string
    /** `full`: a listing page; `delta`: changes since a sync token (tombstones included). */
    mode: 'full' | 'delta'
    types: ContentType[]
  }
  items: (FeedItem | Tombstone)[]
}

type UrlParts = Pick<FeedQuery, 'types' | 'glossary' | 'tag' | 'locale' | 'limit'>

/** The listing's own URL: its filters and locale, in a fixed order, without paging state. */
export const feedUrlFor = (
  base: string,
  query: UrlParts,
  defaults: { types: readonly ContentType[]; limit: number; locale: FeedLocale },
  paging?: { cursor?: string; since?: string },
): string => {
  const params = new URLSearchParams()
  if (query.types.length !== defaults.types.length) params.set('type', query.types.join(','))
  if (query.glossary) params.set('glossary', query.glossary)
  if (query.tag) params.set('tag', query.tag)
  if (query.locale !== defaults.locale) params.set('locale', query.locale)
  if (paging && query.limit !== defaults.limit) params.set('limit', String(query.limit))
  if (paging?.since) params.set('since', paging.since)
  if (paging?.cursor) params.set('cursor', paging.cursor)
  const search = params.toString()
  return search ? `${base}?${search}` : base
}

export const buildFeedDocument = (args: {
  title: string
  description?: string
  icon?: string
  favicon?: string
  homePageUrl: string
  feedUrl: string
  nextUrl?: string
  locale: FeedLocale
  syncToken: string
  mode: 'full' | 'delta'
  types: ContentType[]
  items: (FeedItem | Tombstone)[]
}): FeedDocument => ({
  version: JSON_FEED_VERSION,
  title: args.title,
  home_page_url: args.homePageUrl,
  feed_url: args.feedUrl,
  ...(args.description ? { description: args.description } : {}),
  ...(args.icon ? { icon: args.icon } : {}),
  ...(args.favicon ? { favicon: args.favicon } : {}),
  language: args.locale,
  ...(args.nextUrl ? { next_url: args.nextUrl } : {}),
  _hub: { sync_token: args.syncToken, mode: args.mode, types: args.types },
  items: args.items,
})
