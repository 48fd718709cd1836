import type { DocumentMentionLinker, MentionLinkerArgs } from '../../../related-term-graph/types'
import type { ContentType, FeedLocale, SanitizedFeedOptions, UrlTemplates } from '../../types'
import type { ArticleJsonLd, DefinedTermJsonLd } from '../jsonld'
import type { RichText } from '../richText'
import type { Lookups } from './sources'

/* Feed items, and what a serialiser is given to build one. */

export type FeedCollections = SanitizedFeedOptions['collections']

export type HubItemExtension = {
  type: ContentType
  id: string
  slug: string
  /** Slugs of related published terms. */
  related: string[]
  /** Fields shown in the default locale because the requested one had no text. */
  fallback?: string[]
  jsonld: DefinedTermJsonLd | ArticleJsonLd
  /** Tags a cache keeps this item under (`plugins/webhooks/core/cacheTags.ts`); webhook events name the same. */
  cache_tags: string[]
  [key: string]: unknown
}

export type FeedItem = {
  id: string
  url: string
  title: string
  content_html: string
  content_text: string
  summary?: string
  date_published: string
  date_modified: string
  tags?: string[]
  language: FeedLocale
  _hub: HubItemExtension
}

/**
 * What a storefront deletes: the item was unpublished or deleted. It names the item by id only (the
 * storefront's copy knows the rest; a slug would reveal something no longer public). `content_text`
 * keeps it valid JSON Feed, which requires content on every item.
 */
export type Tombstone = {
  id: string
  content_text: ''
  _hub: { deleted: true; type: ContentType; id: string }
}

export const itemId = (type: ContentType, docId: string): string => `${type}:${docId}`

export const tombstone = (type: ContentType, docId: string): Tombstone => ({
  id: itemId(type, docId),
  content_text: '',
  _hub: { deleted: true, type, id: docId },
})

export type RenderHtml = (
  value: RichText,
  context: { selfSlug?: string; locale: FeedLocale },
) => Promise<string> | string

/** Starts the mention-linking step for one document: the related-term graph's, when that plugin is installed. */
export type MentionLinkerFactory = (
  args: Omit<MentionLinkerArgs, 'payload' | 'locale'> & { locale: FeedLocale },
) => Promise<DocumentMentionLinker>

export type SerializeContext = {
  locale: FeedLocale
  /** The config's default locale: fields fall back to it, and its URLs have no locale prefix. */
  defaultLocale: FeedLocale
  baseUrl: string
  urls: UrlTemplates
  /** The sanitised `collections` option: which collection a rich-text link's `relationTo` names. */
  collections: FeedCollections
  publisher: { name: string; url: string }
  lookups: Lookups
  /** Auto-links for mentions of glossary terms; none when absent. */
  mentionLinker?: MentionLinkerFactory
  /** Replaces the renderer (tests); defaults to `renderRichTextHtml` with internal links from lookups and auto-links. */
  renderHtml?: RenderHtml
}
