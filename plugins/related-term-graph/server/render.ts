import type { Payload } from 'payload'

import type { AutoLink, DocumentMentionLinker, RelatedTermGraphCustom } from '../types'
import type { TermGraphService } from './service'

/**
 * `config.custom.relatedTermGraph.mentionLinker`: the mention-linking step of the storefront renderer.
 * Published terms only; a term marked "never auto-link" is never a target (its label still claims its span,
 * so a shorter term is not linked inside it); each term is linked at its first mention in the document.
 */
export const mentionLinkerFor =
  (getService: (payload: Payload) => TermGraphService): RelatedTermGraphCustom['mentionLinker'] =>
  async ({ payload, locale, selfId }) => {
    const service = getService(payload)
    const index = await service.view('published')
    const linked = new Set<string>(selfId ? [selfId] : [])
    const wanted = locale ?? service.defaultLocale
    return (text) => {
      const links: AutoLink[] = []
      let at = 0
      let spanStart = -1
      for (const mention of index.mentionsIn(text, selfId)) {
        // Several terms sharing a label share a span: the first one not linked yet takes it.
        if (mention.start < at || mention.start === spanStart) continue
        const record = index.getTerm(mention.termId)
        if (!record || record.neverAutoLink || linked.has(record.id)) continue
        linked.add(record.id)
        spanStart = mention.start
        at = mention.end
        const summary = record.summary?.[wanted] ?? record.summary?.[service.defaultLocale]
        links.push({
          start: mention.start,
          end: mention.end,
          term: {
            id: record.id,
            slug: record.slug,
            glossary: index.glossarySlug(record.glossary) ?? '',
            ...(summary ? { summary } : {}),
          },
        })
      }
      return links
    }
  }

/** With the plugin disabled: a linker that links nothing. */
export const noMentionLinker: RelatedTermGraphCustom['mentionLinker'] = async () => (() => []) as DocumentMentionLinker
