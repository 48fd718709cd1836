import { cacheTagsFor } from '../../../webhooks/core/cacheTags'
import { fillUrlTemplate } from '../urls'
import { serializeCaseStudy } from './caseStudy'
import { type FeedItem, type HubItemExtension, itemId, type SerializeContext } from './item'
import { serializePlaybook } from './playbook'
import { iso } from './shared'
import type { SourceDoc } from './sources'
import { serializeTerm } from './term'

/* The feed's serialisers: one file per content type (term.ts, caseStudy.ts, playbook.ts) over shared.ts. */

export * from './item'
export * from './sources'
export { storefrontUrls } from './shared'
export { serializeCaseStudy, serializePlaybook, serializeTerm }

/**
 * What is served for a document the serialisers could not read (malformed stored data): its identity and
 * dates, so storefronts still know it exists, flagged `_hub.render_error` for the logs to explain.
 */
export const unrenderableItem = (source: SourceDoc, ctx: SerializeContext): FeedItem => {
  const { doc, type } = source
  const slug = typeof doc.slug === 'string' ? doc.slug : doc.id
  const url = fillUrlTemplate(
    ctx.baseUrl,
    ctx.urls[type],
    { slug, id: doc.id, glossary: '', locale: ctx.locale },
    ctx.defaultLocale,
  )
  const date = (value: unknown) =>
    typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? iso(value) : new Date(0).toISOString()
  return {
    id: itemId(type, doc.id),
    url,
    title: slug,
    content_html: '',
    content_text: '',
    date_published: date(doc.createdAt),
    date_modified: date(doc.updatedAt),
    language: ctx.locale,
    _hub: {
      type,
      id: doc.id,
      slug,
      related: [],
      cache_tags: cacheTagsFor({ type, slug }),
      render_error: true,
    } as unknown as HubItemExtension,
  }
}

export const serializeItem = (source: SourceDoc, ctx: SerializeContext): Promise<FeedItem> => {
  switch (source.type) {
    case 'glossary-term':
      return serializeTerm(source.doc, ctx)
    case 'case-study':
      return serializeCaseStudy(source.doc, ctx)
    case 'playbook':
      return serializePlaybook(source.doc, ctx)
  }
}
