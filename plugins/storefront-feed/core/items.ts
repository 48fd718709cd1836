import type { DocumentMentionLinker } from '../../related-term-graph/types'
import type { ContentType, FeedLocale, UrlTemplates } from '../types'
import { escapeText } from './escape'
import { type ArticleJsonLd, articleJsonLd, type DefinedTermJsonLd, definedTermJsonLd } from './jsonld'
import { LocalePicker, type Localized } from './localize'
import { type InternalLink, type LinkMentions, renderRichTextHtml, type RichText, richTextToPlainText } from './richText'
import { cacheTagsFor } from '../../webhooks/core/cacheTags'
import { fillUrlTemplate } from './urls'

/* Source documents as the page builder reads them: depth 0 (relations are ids), locale 'all'. */

export type RelationValue = string | number | { id?: string | number | null } | null | undefined

export const idOf = (value: RelationValue): string | undefined => {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  if (typeof value !== 'object') return undefined
  return value.id === null || value.id === undefined ? undefined : String(value.id)
}

/** The value if it is an array, else none: stored data may hold null, {} or worse where a list belongs. */
export const listOf = <T>(value: T[] | null | undefined | unknown): T[] => (Array.isArray(value) ? (value as T[]) : [])

export const idsOf = (values: RelationValue[] | null | undefined): string[] =>
  listOf<RelationValue>(values).map(idOf).filter((id): id is string => id !== undefined)

/** `@payloadcms/plugin-seo`'s group: what search engines and social cards show, when the editor set it. */
export type SeoSource = { title?: Localized<string>; description?: Localized<string> } | null

type Dated = {
  id: string
  slug: string
  createdAt: string
  updatedAt: string
  /** Editors' switch (added by the related-term graph): no auto-links inside this document. */
  noAutoLinksInside?: boolean | null
  meta?: SeoSource
}

export type TermSource = Dated & {
  term: Localized<string>
  englishName?: string | null
  reading?: string | null
  aliases?: string[] | null
  summary?: Localized<string>
  body?: Localized<RichText>
  glossary?: RelationValue
  tags?: RelationValue[] | null
  related?: RelationValue[] | null
  broader?: RelationValue
  excerpt?: boolean | null
}

export type CaseStudySource = Dated & {
  title: Localized<string>
  persona?: { name?: string | null; romanized?: string | null } | null
  industry?: Localized<string>
  channels?: string[] | null
  scenario?: Localized<RichText>
  tactics?: Localized<{ text?: string | null }[]>
  outcomes?: Localized<{ text?: string | null }[]>
  relatedTerms?: RelationValue[] | null
  playbookSteps?: { playbook?: RelationValue; stepKey?: string | null }[] | null
}

export type PlaybookStepSource = {
  title?: Localized<string>
  key?: string | null
  body?: Localized<RichText>
  channels?: string[] | null
  relatedTerms?: RelationValue[] | null
}

export type PlaybookSource = Dated & {
  title: Localized<string>
  stage?: string | null
  summary?: Localized<string>
  intro?: Localized<RichText>
  steps?: PlaybookStepSource[] | null
  closing?: Localized<RichText>
  relatedTerms?: RelationValue[] | null
}

export type SourceDoc =
  | { type: 'glossary-term'; doc: TermSource }
  | { type: 'case-study'; doc: CaseStudySource }
  | { type: 'playbook'; doc: PlaybookSource }

/** Everything a page needs about documents its items point at, fetched in batches by id. */
export type Lookups = {
  glossaries: Map<string, { slug: string; name: Localized<string> }>
  tags: Map<string, { slug: string; name: string }>
  /** Published terms only: an unpublished term never appears as related, broader or a link target. */
  terms: Map<string, { slug: string; term: Localized<string>; glossary?: RelationValue }>
  playbooks: Map<string, { slug: string; title: Localized<string> }>
  caseStudies: Map<string, { slug: string }>
  /** term id → published terms whose `related` lists it (relations show from both sides). */
  reverseRelated: Map<string, string[]>
}

export const emptyLookups = (): Lookups => ({
  glossaries: new Map(),
  tags: new Map(),
  terms: new Map(),
  playbooks: new Map(),
  caseStudies: new Map(),
  reverseRelated: new Map(),
})

/* Feed items. */

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

export type RenderHtml = (value: RichText, context: { selfSlug?: string; locale: FeedLocale }) => Promise<string> | string

/** Starts the mention-linking step for one document: the related-term graph's, when that plugin is installed. */
export type MentionLinkerFactory = (args: { locale: FeedLocale; selfId?: string }) => Promise<DocumentMentionLinker>

export type SerializeContext = {
  locale: FeedLocale
  baseUrl: string
  urls: UrlTemplates
  publisher: { name: string; url: string }
  lookups: Lookups
  /** Auto-links for mentions of glossary terms; none when absent. */
  mentionLinker?: MentionLinkerFactory
  /** Replaces the renderer (tests); defaults to `renderRichTextHtml` with internal links from lookups and auto-links. */
  renderHtml?: RenderHtml
}

const LABELS = {
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

const shorten = (text: string): string | undefined => {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (!flat) return undefined
  return flat.length <= SUMMARY_LENGTH ? flat : `${flat.slice(0, SUMMARY_LENGTH - 1)}…`
}

const unique = (values: unknown[]): string[] => [
  ...new Set(values.map((v) => (typeof v === 'string' ? v.trim() : '')).filter(Boolean)),
]

/** A plain-text field as stored, or undefined when it is not text. */
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined)

const iso = (value: string): string => new Date(value).toISOString()

/** The SEO title and description in this locale (with the default locale's as fallback), when set. */
const seoOf = (picker: LocalePicker, meta: SeoSource | undefined) => ({
  title: text(picker.pick('meta.title', meta?.title))?.trim() ?? null,
  description: text(picker.pick('meta.description', meta?.description))?.trim() ?? null,
})

/** Storefront URLs for hub documents, from the templates. */
export const storefrontUrls = (ctx: Pick<SerializeContext, 'baseUrl' | 'urls' | 'locale' | 'lookups'>) => {
  const glossarySlug = (glossary: RelationValue) => {
    const id = idOf(glossary)
    return (id && ctx.lookups.glossaries.get(id)?.slug) || ''
  }
  return {
    term: (doc: { id: string; slug: string; glossary?: RelationValue }) =>
      fillUrlTemplate(ctx.baseUrl, ctx.urls['glossary-term'], {
        slug: doc.slug,
        id: doc.id,
        glossary: glossarySlug(doc.glossary),
        locale: ctx.locale,
      }),
    glossary: (glossary: RelationValue) =>
      fillUrlTemplate(ctx.baseUrl, ctx.urls.glossary, {
        id: idOf(glossary),
        glossary: glossarySlug(glossary),
        locale: ctx.locale,
      }),
    caseStudy: (doc: { id: string; slug: string }) =>
      fillUrlTemplate(ctx.baseUrl, ctx.urls['case-study'], { slug: doc.slug, id: doc.id, locale: ctx.locale }),
    playbook: (doc: { id: string; slug: string }) =>
      fillUrlTemplate(ctx.baseUrl, ctx.urls.playbook, { slug: doc.slug, id: doc.id, locale: ctx.locale }),
    /** For links inside rich text: only published targets resolve. */
    internal: (link: InternalLink): string | undefined => {
      const { lookups } = ctx
      if (link.relationTo === 'glossary-terms') {
        const term = lookups.terms.get(link.id)
        return term ? fillUrlTemplate(ctx.baseUrl, ctx.urls['glossary-term'], {
          slug: term.slug,
          id: link.id,
          glossary: glossarySlug(term.glossary),
          locale: ctx.locale,
        }) : undefined
      }
      if (link.relationTo === 'case-studies') {
        const doc = lookups.caseStudies.get(link.id)
        return doc ? fillUrlTemplate(ctx.baseUrl, ctx.urls['case-study'], { slug: doc.slug, id: link.id, locale: ctx.locale }) : undefined
      }
      if (link.relationTo === 'playbooks') {
        const doc = lookups.playbooks.get(link.id)
        return doc ? fillUrlTemplate(ctx.baseUrl, ctx.urls.playbook, { slug: doc.slug, id: link.id, locale: ctx.locale }) : undefined
      }
      return undefined
    },
  }
}

/** Related published terms, in the document's own order, then those that list it (terms only). */
const relatedTerms = (ctx: SerializeContext, ids: string[], selfId?: string) => {
  const picker = new LocalePicker(ctx.locale)
  const urls = storefrontUrls(ctx)
  const seen = new Set<string>()
  const terms: { id: string; slug: string; name: string; url: string }[] = []
  for (const id of ids) {
    if (id === selfId || seen.has(id)) continue
    const term = ctx.lookups.terms.get(id)
    if (!term) continue
    seen.add(id)
    terms.push({ id, slug: term.slug, name: text(picker.pick('term', term.term)) ?? term.slug, url: urls.term({ ...term, id }) })
  }
  return terms
}

/**
 * The renderer for one document's rich texts. One mention linker serves all of them, so a term is linked
 * at its first mention in the whole document (a playbook's intro, steps and closing together).
 */
const documentRenderer = async (
  ctx: SerializeContext,
  doc: { id: string; slug: string; noAutoLinksInside?: boolean | null },
  self: boolean,
): Promise<(value: RichText) => Promise<string> | string> => {
  const custom = ctx.renderHtml
  if (custom) return (value) => custom(value, { ...(self ? { selfSlug: doc.slug } : {}), locale: ctx.locale })
  const urls = storefrontUrls(ctx)
  const linker = ctx.mentionLinker && doc.noAutoLinksInside !== true ? await ctx.mentionLinker({ locale: ctx.locale, ...(self ? { selfId: doc.id } : {}) }) : undefined
  const linkMentions: LinkMentions | undefined = linker
    ? (text) =>
        linker(text).map(({ start, end, term }) => ({
          start,
          end,
          slug: term.slug,
          summary: term.summary,
          href: fillUrlTemplate(ctx.baseUrl, ctx.urls['glossary-term'], { slug: term.slug, id: term.id, glossary: term.glossary, locale: ctx.locale }),
        }))
    : undefined
  return (value) => renderRichTextHtml(value, { resolveInternalLink: urls.internal, linkMentions })
}

const listHtml = (heading: string, texts: string[]): string =>
  texts.length === 0
    ? ''
    : `<h2>${escapeText(heading)}</h2><ul>${texts.map((text) => `<li>${escapeText(text)}</li>`).join('')}</ul>`

const listText = (heading: string, texts: string[]): string =>
  texts.length === 0 ? '' : `${heading}\n${texts.map((text) => `- ${text}`).join('\n')}`

const joinText = (parts: string[]): string => parts.filter((part) => part.trim() !== '').join('\n\n')

export const serializeTerm = async (doc: TermSource, ctx: SerializeContext): Promise<FeedItem> => {
  const picker = new LocalePicker(ctx.locale)
  const labels = LABELS[ctx.locale]
  const urls = storefrontUrls(ctx)
  const render = await documentRenderer(ctx, doc, true)
  const title = text(picker.pick('term', doc.term)) ?? doc.slug
  const summary = text(picker.pick('summary', doc.summary))
  const englishName = text(doc.englishName)
  const reading = text(doc.reading)
  const body = picker.pick('body', doc.body)
  const glossaryId = idOf(doc.glossary)
  const glossary = glossaryId ? ctx.lookups.glossaries.get(glossaryId) : undefined
  const glossaryName = (glossary && text(picker.pick('glossary', glossary.name))) ?? glossary?.slug ?? ''
  const url = urls.term(doc)
  const aliases = unique(listOf(doc.aliases))
  const tags = idsOf(doc.tags)
    .map((id) => ctx.lookups.tags.get(id))
    .filter((tag): tag is { slug: string; name: string } => Boolean(tag))
  const broaderId = idOf(doc.broader)
  const broader = broaderId && broaderId !== doc.id ? ctx.lookups.terms.get(broaderId) : undefined
  const related = relatedTerms(ctx, [...idsOf(doc.related), ...(ctx.lookups.reverseRelated.get(doc.id) ?? [])], doc.id)
  const seo = seoOf(picker, doc.meta)

  const names = [
    englishName ? `${labels.english}: ${englishName}` : '',
    reading ? `${labels.reading}: ${reading}` : '',
    aliases.length > 0 ? `${labels.aliases}: ${aliases.join(labels.list)}` : '',
  ].filter(Boolean)
  const bodyHtml = body ? await render(body) : ''
  const bodyText = richTextToPlainText(body)
  const contentHtml = [
    names.length > 0 ? `<p class="hub-term-names">${names.map(escapeText).join(escapeText(labels.separator))}</p>` : '',
    bodyHtml || (summary ? `<p>${escapeText(summary)}</p>` : ''),
  ].join('')
  const contentText = joinText([names.join(labels.separator), bodyText || summary || ''])

  return {
    id: itemId('glossary-term', doc.id),
    url,
    title,
    content_html: contentHtml,
    content_text: contentText,
    ...(summary || bodyText ? { summary: summary?.trim() || shorten(bodyText) } : {}),
    date_published: iso(doc.createdAt),
    date_modified: iso(doc.updatedAt),
    ...(tags.length > 0 ? { tags: unique(tags.map((tag) => tag.name)) } : {}),
    language: picker.fallback.includes('term') ? 'ja' : ctx.locale,
    _hub: {
      type: 'glossary-term',
      id: doc.id,
      slug: doc.slug,
      glossary: glossary?.slug ?? null,
      glossary_name: glossaryName || null,
      english_name: englishName ?? null,
      reading: reading ?? null,
      aliases,
      tag_slugs: tags.map((tag) => tag.slug),
      related: related.map((term) => term.slug),
      broader: broader?.slug ?? null,
      excerpt: Boolean(doc.excerpt),
      cache_tags: cacheTagsFor({ type: 'glossary-term', slug: doc.slug, glossary: glossary?.slug, tags: tags.map((tag) => tag.slug) }),
      seo,
      ...(picker.fallback.length > 0 ? { fallback: [...picker.fallback] } : {}),
      jsonld: definedTermJsonLd({
        url,
        name: title,
        slug: doc.slug,
        description: seo.description ?? (summary?.trim() || shorten(bodyText)),
        englishName,
        aliases,
        locale: ctx.locale,
        glossary: { url: urls.glossary(doc.glossary), name: glossaryName },
      }),
    },
  }
}

export const serializeCaseStudy = async (doc: CaseStudySource, ctx: SerializeContext): Promise<FeedItem> => {
  const picker = new LocalePicker(ctx.locale)
  const labels = LABELS[ctx.locale]
  const urls = storefrontUrls(ctx)
  const render = await documentRenderer(ctx, doc, false)
  const title = text(picker.pick('title', doc.title)) ?? doc.slug
  const industry = text(picker.pick('industry', doc.industry))
  const scenario = picker.pick('scenario', doc.scenario)
  const tactics = unique(listOf<{ text?: unknown }>(picker.pick('tactics', doc.tactics)).map((row) => row?.text))
  const outcomes = unique(listOf<{ text?: unknown }>(picker.pick('outcomes', doc.outcomes)).map((row) => row?.text))
  const personaName = text(doc.persona?.name)
  const romanized = text(doc.persona?.romanized)
  const persona = personaName ? `${personaName}${romanized ? ` (${romanized})` : ''}`
    : ''
  const personaLine = [persona, industry ?? ''].filter(Boolean).join(labels.separator)
  const related = relatedTerms(ctx, idsOf(doc.relatedTerms))
  const url = urls.caseStudy(doc)
  const scenarioHtml = scenario ? await render(scenario) : ''
  const scenarioText = richTextToPlainText(scenario)
  const channels = unique(listOf(doc.channels))
  const summary = shorten(scenarioText) ?? shorten(outcomes.join(' '))
  const playbookSteps = listOf<{ playbook?: RelationValue; stepKey?: string | null }>(doc.playbookSteps)
    .map((row) => {
      const id = idOf(row?.playbook)
      const playbook = id ? ctx.lookups.playbooks.get(id) : undefined
      return playbook && text(row?.stepKey) ? { playbook: playbook.slug, step: row.stepKey! } : undefined
    })
    .filter((row): row is { playbook: string; step: string } => Boolean(row))
  const tags = unique([...channels, industry])
  const datePublished = iso(doc.createdAt)
  const dateModified = iso(doc.updatedAt)
  const seo = seoOf(picker, doc.meta)

  return {
    id: itemId('case-study', doc.id),
    url,
    title,
    content_html: [
      personaLine ? `<p class="hub-persona">${escapeText(personaLine)}</p>` : '',
      scenarioHtml,
      listHtml(labels.tactics, tactics),
      listHtml(labels.outcomes, outcomes),
    ].join(''),
    content_text: joinText([personaLine, scenarioText, listText(labels.tactics, tactics), listText(labels.outcomes, outcomes)]),
    ...(summary ? { summary } : {}),
    date_published: datePublished,
    date_modified: dateModified,
    ...(tags.length > 0 ? { tags } : {}),
    language: picker.fallback.includes('title') ? 'ja' : ctx.locale,
    _hub: {
      type: 'case-study',
      id: doc.id,
      slug: doc.slug,
      related: related.map((term) => term.slug),
      persona: personaName ? { name: personaName, romanized: romanized ?? null } : null,
      industry: industry ?? null,
      channels,
      playbook_steps: playbookSteps,
      cache_tags: cacheTagsFor({ type: 'case-study', slug: doc.slug }),
      seo,
      ...(picker.fallback.length > 0 ? { fallback: [...picker.fallback] } : {}),
      jsonld: articleJsonLd({
        url,
        headline: seo.title ?? title,
        description: seo.description ?? summary,
        locale: ctx.locale,
        datePublished,
        dateModified,
        keywords: tags,
        about: related,
        publisher: ctx.publisher,
      }),
    },
  }
}

/** Step anchors come from keys that are slugs already; anything else is dropped rather than escaped. */
const stepAnchor = (key: string | null | undefined): string | undefined =>
  key && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(key) ? `step-${key}` : undefined

export const serializePlaybook = async (doc: PlaybookSource, ctx: SerializeContext): Promise<FeedItem> => {
  const picker = new LocalePicker(ctx.locale)
  const urls = storefrontUrls(ctx)
  const render = await documentRenderer(ctx, doc, false)
  const title = text(picker.pick('title', doc.title)) ?? doc.slug
  const summaryField = text(picker.pick('summary', doc.summary))
  const intro = picker.pick('intro', doc.intro)
  const closing = picker.pick('closing', doc.closing)
  const url = urls.playbook(doc)
  // In reading order: the first mention of a term in the document is the one linked.
  const introHtml = intro ? await render(intro) : ''
  const steps = await Promise.all(
    listOf<PlaybookStepSource>(doc.steps).map(async (step) => {
      const stepTitle = text(picker.pick('steps.title', step?.title)) ?? ''
      const body = picker.pick('steps.body', step?.body)
      return {
        key: text(step?.key) ?? null,
        title: stepTitle,
        html: body ? await render(body) : '',
        text: richTextToPlainText(body),
        channels: unique(listOf(step?.channels)),
        relatedTerms: idsOf(step?.relatedTerms),
      }
    }),
  )
  const closingHtml = closing ? await render(closing) : ''
  const introText = richTextToPlainText(intro)
  const related = relatedTerms(ctx, [...idsOf(doc.relatedTerms), ...steps.flatMap((step) => step.relatedTerms)])
  const channels = unique(steps.flatMap((step) => step.channels))
  const tags = unique([text(doc.stage), ...channels])
  const summary = summaryField?.trim() || shorten(introText)
  const datePublished = iso(doc.createdAt)
  const dateModified = iso(doc.updatedAt)
  const seo = seoOf(picker, doc.meta)
  const stepsHtml =
    steps.length === 0
      ? ''
      : `<ol class="hub-steps">${steps
          .map((step) => {
            const anchor = stepAnchor(step.key)
            return `<li${anchor ? ` id="${anchor}"` : ''}><h2>${escapeText(step.title)}</h2>${step.html}</li>`
          })
          .join('')}</ol>`

  return {
    id: itemId('playbook', doc.id),
    url,
    title,
    content_html: [introHtml, stepsHtml, closingHtml].join(''),
    content_text: joinText([
      introText,
      ...steps.map((step, index) => joinText([`${index + 1}. ${step.title}`, step.text])),
      richTextToPlainText(closing),
    ]),
    ...(summary ? { summary } : {}),
    date_published: datePublished,
    date_modified: dateModified,
    ...(tags.length > 0 ? { tags } : {}),
    language: picker.fallback.includes('title') ? 'ja' : ctx.locale,
    _hub: {
      type: 'playbook',
      id: doc.id,
      slug: doc.slug,
      related: related.map((term) => term.slug),
      stage: text(doc.stage) ?? null,
      steps: steps.map((step) => ({ key: step.key, title: step.title })),
      cache_tags: cacheTagsFor({ type: 'playbook', slug: doc.slug }),
      seo,
      ...(picker.fallback.length > 0 ? { fallback: [...picker.fallback] } : {}),
      jsonld: articleJsonLd({
        url,
        headline: seo.title ?? title,
        description: seo.description ?? summary,
        locale: ctx.locale,
        datePublished,
        dateModified,
        keywords: tags,
        about: related,
        publisher: ctx.publisher,
      }),
    },
  }
}

/**
 * What is served for a document the serialisers could not read (malformed stored data): its identity and
 * dates, so storefronts still know it exists, flagged `_hub.render_error` for the logs to explain.
 */
export const unrenderableItem = (source: SourceDoc, ctx: SerializeContext): FeedItem => {
  const { doc, type } = source
  const slug = typeof doc.slug === 'string' ? doc.slug : doc.id
  const url = fillUrlTemplate(ctx.baseUrl, ctx.urls[type], { slug, id: doc.id, glossary: '', locale: ctx.locale })
  const date = (value: unknown) => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? iso(value) : new Date(0).toISOString())
  return {
    id: itemId(type, doc.id),
    url,
    title: slug,
    content_html: '',
    content_text: '',
    date_published: date(doc.createdAt),
    date_modified: date(doc.updatedAt),
    language: ctx.locale,
    _hub: { type, id: doc.id, slug, related: [], cache_tags: cacheTagsFor({ type, slug }), render_error: true } as unknown as HubItemExtension,
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
