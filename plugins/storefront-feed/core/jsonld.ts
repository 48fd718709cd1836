import type { ArticleLeaf, DefinedTermLeaf, WithContext } from 'schema-dts'

import type { FeedLocale } from '../types'

/**
 * schema.org structured data a storefront can place in a `<script type="application/ld+json">` as is
 * (serialise it with `<` escaped, as the feed itself does).
 */

/** schema.org's own definitions (schema-dts, types only), so a misspelt or misplaced property fails to compile. */
// schema.org defines `inLanguage` on creative works only; the feed has always sent it on terms too, so it is added here.
export type DefinedTermJsonLd = WithContext<DefinedTermLeaf> & { inLanguage: FeedLocale }
export type ArticleJsonLd = WithContext<ArticleLeaf>

const withoutBlanks = (values: (string | null | undefined)[], exclude: string): string[] | undefined => {
  const unique = [...new Set(values.map((v) => v?.trim()).filter((v): v is string => Boolean(v) && v !== exclude))]
  return unique.length > 0 ? unique : undefined
}

export const definedTermJsonLd = (term: {
  url: string
  name: string
  slug: string
  description?: string
  englishName?: string | null
  aliases?: string[] | null
  locale: FeedLocale
  glossary: { url: string; name: string }
}): DefinedTermJsonLd => {
  const alternateName = withoutBlanks([term.englishName, ...(term.aliases ?? [])], term.name)
  return {
    '@context': 'https://schema.org',
    '@type': 'DefinedTerm',
    '@id': term.url,
    url: term.url,
    name: term.name,
    termCode: term.slug,
    ...(term.description ? { description: term.description } : {}),
    ...(alternateName ? { alternateName } : {}),
    inLanguage: term.locale,
    inDefinedTermSet: {
      '@type': 'DefinedTermSet',
      '@id': term.glossary.url,
      url: term.glossary.url,
      name: term.glossary.name,
    },
  }
}

export const articleJsonLd = (article: {
  url: string
  headline: string
  description?: string
  locale: FeedLocale
  datePublished: string
  dateModified: string
  keywords?: string[]
  about: { url: string; name: string; slug: string }[]
  publisher: { name: string; url: string }
}): ArticleJsonLd => ({
  '@context': 'https://schema.org',
  '@type': 'Article',
  '@id': article.url,
  url: article.url,
  mainEntityOfPage: article.url,
  headline: article.headline,
  ...(article.description ? { description: article.description } : {}),
  inLanguage: article.locale,
  datePublished: article.datePublished,
  dateModified: article.dateModified,
  ...(article.keywords && article.keywords.length > 0 ? { keywords: article.keywords } : {}),
  ...(article.about.length > 0
    ? {
        about: article.about.map((term) => ({
          '@type': 'DefinedTerm' as const,
          '@id': term.url,
          url: term.url,
          name: term.name,
          termCode: term.slug,
        })),
      }
    : {}),
  publisher: { '@type': 'Organization', name: article.publisher.name, url: article.publisher.url },
})
