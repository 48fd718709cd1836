import type { Payload } from 'payload'

import type { RenderHtml } from '../core/items'
import type { RichText } from '../core/richText'
import type { FeedLocale } from '../types'

/** The contract the related-term-graph plugin publishes on `config.custom.relatedTermGraph`. */
export type RenderLinkedHtml = (args: {
  payload: Payload
  body: RichText
  selfSlug?: string
  locale?: FeedLocale
}) => Promise<string>

/**
 * content_html renderer: the related-term graph's (term mentions become links) when that plugin is
 * installed, else undefined so the serialisers use the feed's own safe renderer.
 */
export const linkedHtmlRenderer = (payload: Payload): RenderHtml | undefined => {
  const render = (payload.config.custom as { relatedTermGraph?: { renderLinkedHtml?: unknown } } | undefined)
    ?.relatedTermGraph?.renderLinkedHtml
  if (typeof render !== 'function') return undefined
  return (body, { selfSlug, locale }) => (render as RenderLinkedHtml)({ payload, body, selfSlug, locale })
}
