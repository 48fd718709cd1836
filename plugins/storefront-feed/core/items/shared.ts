import { cacheTagsFor } from '../../../webhooks/core/cacheTags'
import { escapeText } from '../escape'
import { articleJsonLd } from '../jsonld'
import { LocalePicker } from '../localize'
import { type InternalLink, type LinkMentions, renderRichTextHtml, type RichText } from '../richText'
import { fillUrlTemplate } from '../urls'
import type { SerializeContext } from './item'
import { idOf, type RelationValue, type SeoSource } from './sources'

/* What the three serialisers share: labels, text helpers, storefront URLs, related terms and the renderer. */

export const LABELS = {
  ja: {
    english: '英語名',
    reading: '読み',
    aliases: '別表記',
    tactics: '施策',
    outcomes: '成果',
    list: '、',
    separator: ' ／ ',
  },
  en: {
    english: 'English',
    reading: 'Reading',
    aliases: 'Also known as',
    tactics: 'Tactics',
    outcomes: 'Outcomes',
    list: ', ',
    separator: ' · ',
  },
} as const

const SUMMARY_LENGTH = 200

export const shorten = (text: string): string | undefined => {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (!flat) return undefined
  return flat.length <= SUMMARY_LENGTH ? flat : `${flat.slice(0, SUMMARY_LENGTH - 1)}…`
}

export const unique = (values: unknown[]): string[] => [
  ...new Set(values.map((v) => (typeof v === 'string' ? v.trim() : '')).filter(Boolean)),
]

/** A plain-text field as stored, or undefined when it is not text. */
export const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined

export const iso = (value: string): string => new Date(value).toISOString()

/** The SEO title and description in this locale (with the default locale's as fallback), when set. */
export const seoOf = (picker: LocalePicker, meta: SeoSource | undefined) => ({
  title: text(picker.pick('meta.title', meta?.title))?.trim() ?? null,
  description: text(picker.pick('meta.description', meta?.description))?.trim() ?? null,
})

/** Storefront URLs for hub documents, from the templates. */
export const storefrontUrls = (
  ctx: Pick<SerializeContext, 'baseUrl' | 'urls' | 'collections' | 'locale' | 'defaultLocale' | 'lookups'>,
) => {
  const glossarySlug = (glossary: RelationValue) => {
    const id = idOf(glossary)
    return (id && ctx.lookups.glossaries.get(id)?.slug) || ''
  }
  return {
    term: (doc: { id: string; slug: string; glossary?: RelationValue }) =>
      fillUrlTemplate(
        ctx.baseUrl,
        ctx.urls['glossary-term'],
        {
          slug: doc.slug,
          id: doc.id,
          glossary: glossarySlug(doc.glossary),
          locale: ctx.locale,
        },
        ctx.defaultLocale,
      ),
    glossary: (glossary: RelationValue) =>
      fillUrlTemplate(
        ctx.baseUrl,
        ctx.urls.glossary,
        {
          id: idOf(glossary),
          glossary: glossarySlug(glossary),
          locale: ctx.locale,
        },
        ctx.defaultLocale,
      ),
    caseStudy: (doc: { id: string; slug: string }) =>
      fillUrlTemplate(
        ctx.baseUrl,
        ctx.urls['case-study'],
        { slug: doc.slug, id: doc.id, locale: ctx.locale },
        ctx.defaultLocale,
      ),
    playbook: (doc: { id: string; slug: string }) =>
      fillUrlTemplate(
        ctx.baseUrl,
        ctx.urls.playbook,
        { slug: doc.slug, id: doc.id, locale: ctx.locale },
        ctx.defaultLocale,
      ),
    /** For links inside rich text: only published targets resolve. */
    internal: (link: InternalLink): string | undefined => {
      const { lookups } = ctx
      if (link.relationTo === ctx.collections['glossary-term']) {
        const term = lookups.terms.get(link.id)
        return term
          ? fillUrlTemplate(
              ctx.baseUrl,
              ctx.urls['glossary-term'],
              {
                slug: term.slug,
                id: link.id,
                glossary: glossarySlug(term.glossary),
                locale: ctx.locale,
              },
              ctx.defaultLocale,
            )
          : undefined
      }
      if (link.relationTo === ctx.collections['case-study']) {
        const doc = lookups.caseStudies.get(link.id)
        return doc
          ? fillUrlTemplate(
              ctx.baseUrl,
              ctx.urls['case-study'],
              { slug: doc.slug, id: link.id, locale: ctx.locale },
              ctx.defaultLocale,
            )
          : undefined
      }
      if (link.relationTo === ctx.collections.playbook) {
        const doc = lookups.playbooks.get(link.id)
        return doc
          ? fillUrlTemplate(
              ctx.baseUrl,
              ctx.urls.playbook,
              { slug: doc.slug, id: link.id, locale: ctx.locale },
              ctx.defaultLocale,
            )
          : undefined
      }
      return undefined
    },
  }
}

/** Related published terms, in the document's own order, then those that list it (terms only). */
export const relatedTerms = (ctx: SerializeContext, ids: string[], selfId?: string) => {
  const picker = new LocalePicker(ctx.locale, ctx.defaultLocale)
  const urls = storefrontUrls(ctx)
  const seen = new Set<string>()
  const terms: { id: string; slug: string; name: string; url: string }[] = []
  for (const id of ids) {
    if (id === selfId || seen.has(id)) continue
    const term = ctx.lookups.terms.get(id)
    if (!term) continue
    seen.add(id)
    terms.push({
      id,
      slug: term.slug,
      name: text(picker.pick('term', term.term)) ?? term.slug,
      url: urls.term({ ...term, id }),
    })
  }
  return terms
}

/**
 * The renderer for one document's rich texts. One mention linker serves all of them, so a term is linked
 * at its first mention in the whole document (a playbook's intro, steps and closing together).
 */
export const documentRenderer = async (
  ctx: SerializeContext,
  doc: { id: string; slug: string; noAutoLinksInside?: boolean | null },
  self: boolean,
): Promise<(value: RichText) => Promise<string> | string> => {
  const custom = ctx.renderHtml
  if (custom) return (value) => custom(value, { ...(self ? { selfSlug: doc.slug } : {}), locale: ctx.locale })
  const urls = storefrontUrls(ctx)
  const linker =
    ctx.mentionLinker && doc.noAutoLinksInside !== true
      ? await ctx.mentionLinker({ locale: ctx.locale, ...(self ? { selfId: doc.id } : {}) })
      : undefined
  const linkMentions: LinkMentions | undefined = linker
    ? (text) =>
        linker(text).map(({ start, end, term }) => ({
          start,
          end,
          slug: term.slug,
          summary: term.summary,
          href: fillUrlTemplate(
            ctx.baseUrl,
            ctx.urls['glossary-term'],
            { slug: term.slug, id: term.id, glossary: term.glossary, locale: ctx.locale },
            ctx.defaultLocale,
          ),
        }))
    : undefined
  return (value) => renderRichTextHtml(value, { resolveInternalLink: urls.internal, linkMentions })
}

export const listHtml = (heading: string, texts: string[]): string =>
  texts.length === 0
    ? ''
    : `<h2>${escapeText(heading)}</h2><ul>${texts.map((text) => `<li>${escapeText(text)}</li>`).join('')}</ul>`

export const listText = (heading: string, texts: string[]): string =>
  texts.length === 0 ? '' : `${heading}\n${texts.map((text) => `- ${text}`).join('\n')}`

export const joinText = (parts: string[]): string => parts.filter((part) => part.trim() !== '').join('\n\n')

/** What every serialiser starts with: the locale picker, the locale's labels, storefront URLs and the renderer. */
export const serializerSetup = async (
  ctx: SerializeContext,
  doc: Parameters<typeof documentRenderer>[1],
  self: boolean,
) => ({
  picker: new LocalePicker(ctx.locale, ctx.defaultLocale),
  labels: LABELS[ctx.locale],
  urls: storefrontUrls(ctx),
  render: await documentRenderer(ctx, doc, self),
})

/** The `_hub` fields an article (case study, playbook) ends with: cache tags, SEO, fallbacks and its JSON-LD. */
export const articleHubFields = (
  ctx: SerializeContext,
  picker: LocalePicker,
  article: {
    type: 'case-study' | 'playbook'
    slug: string
    url: string
    title: string
    summary?: string
    seo: ReturnType<typeof seoOf>
    datePublished: string
    dateModified: string
    tags: string[]
    related: { url: string; name: string; slug: string }[]
  },
) => ({
  cache_tags: cacheTagsFor({ type: article.type, slug: article.slug }),
  seo: article.seo,
  ...(picker.fallback.length > 0 ? { fallback: [...picker.fallback] } : {}),
  jsonld: articleJsonLd({
    url: article.url,
    headline: article.seo.title ?? article.title,
    description: article.seo.description ?? article.summary,
    locale: ctx.locale,
    datePublished: article.datePublished,
    dateModified: article.dateModified,
    keywords: article.tags,
    about: article.related,
    publisher: ctx.publisher,
  }),
})

/** An article item's summary, dates, tags and language (the title's locale; the default one when the title fell back). */
export const articleItemFields = (
  ctx: SerializeContext,
  picker: LocalePicker,
  article: { summary?: string; datePublished: string; dateModified: string; tags: string[] },
) => ({
  ...(article.summary ? { summary: article.summary } : {}),
  date_published: article.datePublished,
  date_modified: article.dateModified,
  ...(article.tags.length > 0 ? { tags: article.tags } : {}),
  language: picker.fallback.includes('title') ? ctx.defaultLocale : ctx.locale,
})
