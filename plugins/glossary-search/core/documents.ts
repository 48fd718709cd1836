import { lexicalPlainText } from '../../related-term-graph/core/text'
import {
  idOf,
  listOf,
  type CaseStudySource,
  type PlaybookSource,
  type TermSource,
} from '../../storefront-feed/core/items'
import { pickLocale, type Localized } from '../../storefront-feed/core/localize'
import type { ContentType, FeedLocale } from '../../storefront-feed/types'

/** The searchable fields of a document; `_ja`/`_en` hold each locale's own text (no fallback). */
export const SEARCH_FIELDS = [
  'term_ja',
  'term_en',
  'alt',
  'reading',
  'summary_ja',
  'summary_en',
  'body_ja',
  'body_en',
] as const
export type SearchField = (typeof SEARCH_FIELDS)[number]

/** How a field ranks: a match in a name beats one in a summary, which beats one in a body. */
export const FIELD_TIER: Record<SearchField, 2 | 1 | 0> = {
  term_ja: 2,
  term_en: 2,
  alt: 2,
  reading: 2,
  summary_ja: 1,
  summary_en: 1,
  body_ja: 0,
  body_en: 0,
}

/** Names, aliases and readings go into the inverted index (words + n-grams); summaries and bodies are scanned. */
export const NAME_FIELDS = ['term_ja', 'term_en', 'alt', 'reading'] as const satisfies readonly SearchField[]

/** One published document as search holds it. */
export type SearchDocument = {
  /** `${type}:${id}`, unique across types. */
  key: string
  type: ContentType
  id: string
  slug: string
  /** Terms only: the glossary's id. */
  glossaryId?: string
  /** Terms only: the headword per locale (for the index) and the reading. */
  termReading?: string
  title: Record<FeedLocale, string>
  summary: Record<FeedLocale, string>
} & Record<SearchField, string>

// This plugin still assumes the hub's default locale (its `own` readers below do too), not the config's.
export const HUB_DEFAULT_LOCALE: FeedLocale = 'ja'

const text = (value: unknown): string => (typeof value === 'string' ? value : '')
const flat = (value: string) => value.replace(/\s+/g, ' ').trim()
const own = (value: Localized<string>, locale: FeedLocale): string => {
  if (value && typeof value === 'object') return text((value as Record<string, unknown>)[locale])
  return locale === 'ja' ? text(value) : ''
}
const shown = (value: Localized<string>, locale: FeedLocale): string =>
  text(pickLocale(value, locale, HUB_DEFAULT_LOCALE).value)
const richOwn = (value: unknown, locale: FeedLocale): string => {
  const picked =
    value && typeof value === 'object' && !('root' in value)
      ? (value as Record<string, unknown>)[locale]
      : locale === 'ja'
        ? value
        : undefined
  return lexicalPlainText(picked)
}
const both = <T>(fn: (locale: FeedLocale) => T): Record<FeedLocale, T> => ({ ja: fn('ja'), en: fn('en') })
const clip = (value: string, max = 200) => (value.length > max ? `${value.slice(0, max - 1)}…` : value)

export const termDocument = (doc: TermSource): SearchDocument => {
  const bodies = both((locale) => flat(richOwn(doc.body, locale)))
  return {
    key: `glossary-term:${doc.id}`,
    type: 'glossary-term',
    id: String(doc.id),
    slug: doc.slug,
    glossaryId: idOf(doc.glossary),
    termReading: text(doc.reading) || undefined,
    title: both((locale) => shown(doc.term, locale) || doc.slug),
    summary: both((locale) => flat(shown(doc.summary, locale))),
    term_ja: own(doc.term, 'ja'),
    term_en: own(doc.term, 'en'),
    alt: [text(doc.englishName), ...listOf<string>(doc.aliases).map(text)].filter(Boolean).join(' / '),
    reading: text(doc.reading),
    summary_ja: own(doc.summary, 'ja'),
    summary_en: own(doc.summary, 'en'),
    body_ja: bodies.ja,
    body_en: bodies.en,
  }
}

export const caseStudyDocument = (doc: CaseStudySource): SearchDocument => {
  const bodies = both((locale) =>
    flat(
      [
        richOwn(doc.scenario, locale),
        ...listOf<{ text?: string | null }>(pickOwnList(doc.tactics, locale)).map((row) => text(row?.text)),
        ...listOf<{ text?: string | null }>(pickOwnList(doc.outcomes, locale)).map((row) => text(row?.text)),
      ].join(' '),
    ),
  )
  const scenarioShown = both((locale) =>
    flat(lexicalPlainText(pickLocale(doc.scenario as Localized<unknown>, locale, HUB_DEFAULT_LOCALE).value)),
  )
  return {
    key: `case-study:${doc.id}`,
    type: 'case-study',
    id: String(doc.id),
    slug: doc.slug,
    title: both((locale) => shown(doc.title, locale) || doc.slug),
    summary: both((locale) => clip(scenarioShown[locale] || shown(doc.industry, locale))),
    term_ja: own(doc.title, 'ja'),
    term_en: own(doc.title, 'en'),
    alt: [text(doc.persona?.name), text(doc.persona?.romanized)].filter(Boolean).join(' / '),
    reading: '',
    summary_ja: own(doc.industry, 'ja'),
    summary_en: own(doc.industry, 'en'),
    body_ja: bodies.ja,
    body_en: bodies.en,
  }
}

const pickOwnList = (value: unknown, locale: FeedLocale): unknown => {
  if (Array.isArray(value)) return locale === 'ja' ? value : []
  return value && typeof value === 'object' ? (value as Record<string, unknown>)[locale] : []
}

export const playbookDocument = (doc: PlaybookSource): SearchDocument => {
  const bodies = both((locale) =>
    flat(
      [
        richOwn(doc.intro, locale),
        ...listOf<PlaybookSource['steps'] extends (infer S)[] | null | undefined ? S : never>(doc.steps).flatMap(
          (step) => [own(step.title, locale), richOwn(step.body, locale)],
        ),
        richOwn(doc.closing, locale),
      ].join(' '),
    ),
  )
  return {
    key: `playbook:${doc.id}`,
    type: 'playbook',
    id: String(doc.id),
    slug: doc.slug,
    title: both((locale) => shown(doc.title, locale) || doc.slug),
    summary: both((locale) => flat(shown(doc.summary, locale))),
    term_ja: own(doc.title, 'ja'),
    term_en: own(doc.title, 'en'),
    alt: '',
    reading: '',
    summary_ja: own(doc.summary, 'ja'),
    summary_en: own(doc.summary, 'en'),
    body_ja: bodies.ja,
    body_en: bodies.en,
  }
}
