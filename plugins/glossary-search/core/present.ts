import { fillUrlTemplate } from '../../storefront-feed/core/urls'
import type { ContentType, FeedLocale, UrlTemplates } from '../../storefront-feed/types'
import type { SearchDocument } from './documents'
import { needlesOf, type RankedHit } from './engine'
import { foldForSearch } from './fold'
import { groupByGojuon, type IndexGroupKey } from './gojuon'
import { highlight } from './snippet'

export type UrlContext = {
  baseUrl: string
  urls: UrlTemplates
  locale: FeedLocale
  glossarySlug: (id: string | undefined) => string
}

/** The storefront URL of a document, from the feed's templates. */
export const documentUrl = (doc: SearchDocument, ctx: UrlContext): string =>
  fillUrlTemplate(
    ctx.baseUrl,
    ctx.urls[doc.type],
    {
      slug: doc.slug,
      id: doc.id,
      glossary: doc.type === 'glossary-term' ? ctx.glossarySlug(doc.glossaryId) : undefined,
      locale: ctx.locale,
    },
    'ja',
  ) // the hub's default locale: this plugin does not read the config's yet

export type SearchHit = {
  type: ContentType
  slug: string
  title: string
  summary: string
  url: string
  snippet: string
}

/** The text a snippet is cut from: the matched summary or body, else the summary. */
const snippetSource = (hit: RankedHit, locale: FeedLocale, needles: string[]): string => {
  const { doc, field } = hit
  const own = (ja: string, en: string) => (locale === 'en' && en ? en : ja)
  if (field === 'body') {
    const body = own(doc.body_ja, doc.body_en)
    // The part that matched may be in the other locale's text (the fallback): show the one that has it.
    return hasAny(body, needles) ? body : doc.body_ja
  }
  if (field === 'summary') {
    const summary = own(doc.summary_ja, doc.summary_en)
    return hasAny(summary, needles) ? summary : doc.summary_ja
  }
  return doc.summary[locale] || doc.title[locale]
}

const hasAny = (text: string, needles: string[]) => {
  const folded = foldForSearch(text)
  return needles.some((needle) => folded.includes(needle))
}

export const presentHit = (hit: RankedHit, ctx: UrlContext): SearchHit => {
  const needles = needlesOf(hit)
  return {
    type: hit.doc.type,
    slug: hit.doc.slug,
    title: hit.doc.title[ctx.locale],
    summary: hit.doc.summary[ctx.locale],
    url: documentUrl(hit.doc, ctx),
    snippet: highlight(snippetSource(hit, ctx.locale, needles), needles),
  }
}

export type GlossaryIndexEntry = { slug: string; term: string; reading: string | null; summary: string; url: string }
export type GlossaryIndexGroup = { key: IndexGroupKey; kind: 'kana' | 'latin' | 'other'; entries: GlossaryIndexEntry[] }

/** Published terms (optionally of one glossary) grouped by 五十音 row, then A–Z, then others. */
export const presentGlossaryIndex = (terms: SearchDocument[], ctx: UrlContext): GlossaryIndexGroup[] =>
  groupByGojuon(
    terms.map((doc) => ({
      term: doc.title[ctx.locale],
      // An English headword files under its letter; the (Japanese) reading files the Japanese one.
      reading: ctx.locale === 'ja' || !doc.term_en ? doc.termReading : undefined,
      value: {
        slug: doc.slug,
        term: doc.title[ctx.locale],
        reading: doc.termReading ?? null,
        summary: doc.summary[ctx.locale],
        url: documentUrl(doc, ctx),
      },
    })),
  ).map(({ key, entries }) => ({
    key,
    kind: key === 'other' ? 'other' : /^[A-Z]$/.test(key) ? 'latin' : 'kana',
    entries,
  }))
