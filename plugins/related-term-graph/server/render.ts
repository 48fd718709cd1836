import type { Payload } from 'payload'

import { groupBySpan, renderLinkedHtml, termUrlBuilder } from '../core/renderHtml'
import type { RelatedTermGraphCustom, SanitizedRelatedTermGraphConfig } from '../types'
import type { TermGraphService } from './service'

/**
 * `config.custom.relatedTermGraph.renderLinkedHtml`: rich text → safe HTML with the first mention
 * of each other published term linked to its storefront page. Only published terms are linked.
 */
export const renderLinkedHtmlFor =
  (getService: (payload: Payload) => TermGraphService, options: SanitizedRelatedTermGraphConfig): RelatedTermGraphCustom['renderLinkedHtml'] =>
  async ({ payload, body, selfSlug, locale }) => {
    const service = getService(payload)
    const index = await service.view('published')
    const url = termUrlBuilder(options.termUrl, locale ?? service.defaultLocale, service.defaultLocale)
    return renderLinkedHtml(body, {
      selfSlug,
      urlFor: (slug) => {
        const id = index.resolve(slug)
        return url(slug, index.glossarySlug(id ? (index.getTerm(id)?.glossary ?? null) : null))
      },
      findMentions: (text) =>
        groupBySpan(
          index.mentionsIn(text).map((mention) => ({
            start: mention.start,
            end: mention.end,
            slug: index.getTerm(mention.termId)?.slug ?? mention.termId,
          })),
        ),
    })
  }

/** With the plugin disabled: the same safe HTML, without links. */
export const renderPlainHtml: RelatedTermGraphCustom['renderLinkedHtml'] = async ({ body }) =>
  renderLinkedHtml(body, { findMentions: () => [], urlFor: () => '' })
