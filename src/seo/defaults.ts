import { richTextToPlainText, type RichText } from '../../plugins/storefront-feed/core/richText'
import { describeWithinWidth, SEO_WIDTH, truncateToWidth } from './lengths'

/* Default meta titles and descriptions, from a document as the admin form holds it (one locale). */

export type SeoLocale = 'ja' | 'en'

type Doc = Record<string, unknown>

const text = (value: unknown): string => (typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '')

const rich = (value: unknown): string => richTextToPlainText(value as RichText)

const SEPARATOR: Record<SeoLocale, string> = { ja: '｜', en: ' | ' }

/** "Term｜Glossary" when both fit the title width, else the term alone (cut if it must be). */
export const termTitle = (doc: Doc, glossaryName: string | undefined, locale: SeoLocale): string => {
  const term = text(doc.term) || text(doc.englishName) || text(doc.slug)
  const withGlossary = glossaryName ? `${term}${SEPARATOR[locale]}${glossaryName}` : term
  return truncateToWidth(withGlossary, SEO_WIDTH.title.max) === withGlossary
    ? withGlossary
    : truncateToWidth(term, SEO_WIDTH.title.max)
}

export const articleTitle = (doc: Doc): string =>
  truncateToWidth(text(doc.title) || text(doc.slug), SEO_WIDTH.title.max)

const join = (parts: string[]): string => parts.filter(Boolean).join(' ')

/** The summary first (it is written to define the term), then the body, fitted to the description width. */
export const termDescription = (doc: Doc): string =>
  describeWithinWidth(join([text(doc.summary), rich(doc.body)]), SEO_WIDTH.description)

export const caseStudyDescription = (doc: Doc): string => {
  const outcomes = Array.isArray(doc.outcomes) ? doc.outcomes.map((row) => text((row as Doc)?.text)) : []
  return describeWithinWidth(join([rich(doc.scenario), ...outcomes]), SEO_WIDTH.description)
}

/** Summary and intro, then the step titles in order (what a reader will find on the page). */
export const playbookDescription = (doc: Doc, locale: SeoLocale): string => {
  const steps = Array.isArray(doc.steps) ? doc.steps.map((row) => text((row as Doc)?.title)) : []
  const stepList = steps.filter(Boolean).join(locale === 'ja' ? '、' : ', ')
  return describeWithinWidth(join([text(doc.summary), rich(doc.intro), stepList]), SEO_WIDTH.description)
}
