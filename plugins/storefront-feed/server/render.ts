import type { Payload } from 'payload'

import type { RelatedTermGraphCustom } from '../../related-term-graph/types'
import type { MentionLinkerFactory } from '../core/items'

/**
 * The mention-linking step for the feed's renderer: the related-term graph's, when that plugin is installed
 * (it publishes `config.custom.relatedTermGraph.mentionLinker`), else undefined: no auto-links.
 * The renderer itself is always the feed's own (`core/richText.ts`).
 */
export const mentionLinkerFrom = (payload: Payload): MentionLinkerFactory | undefined => {
  const graph = (payload.config.custom as { relatedTermGraph?: Partial<RelatedTermGraphCustom> } | undefined)
    ?.relatedTermGraph
  const mentionLinker = graph?.mentionLinker
  if (typeof mentionLinker !== 'function') return undefined
  return ({ locale, selfId }) => mentionLinker({ payload, locale, selfId })
}
