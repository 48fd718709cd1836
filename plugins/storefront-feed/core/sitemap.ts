import type { FeedLocale, FeedLocalization } from '../types'

export const SITEMAP_CONTENT_TYPE = 'application/xml; charset=utf-8'

/** The sitemaps protocol's limit per file. */
export const SITEMAP_MAX_URLS = 50_000

/** One page of the storefront, in every locale it is served in. */
export type SitemapEntry = { urls: Partial<Record<FeedLocale, string>>; lastmod: Date }

const escapeXml = (text: string): string =>
  text.replace(/[<>&'"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char]!)

/**
 * A sitemap with one `<url>` per page and locale, each naming all its language versions as `hreflang`
 * alternates (Google's rule: every version lists every version, itself included) plus `x-default` for the
 * default locale. Entries past the protocol's 50,000 URLs are left out; `truncated` says so.
 */
export const buildSitemapXml = (
  entries: SitemapEntry[],
  { locales, defaultLocale }: FeedLocalization,
): { xml: string; truncated: boolean } => {
  const perEntry = locales.length
  const kept = entries.slice(0, Math.floor(SITEMAP_MAX_URLS / perEntry))
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  ]
  for (const entry of kept) {
    const lastmod = entry.lastmod.toISOString()
    const alternates = [
      ...locales.map(
        (locale) => `<xhtml:link rel="alternate" hreflang="${locale}" href="${escapeXml(entry.urls[locale] ?? '')}"/>`,
      ),
      `<xhtml:link rel="alternate" hreflang="x-default" href="${escapeXml(entry.urls[defaultLocale] ?? '')}"/>`,
    ].join('')
    for (const locale of locales) {
      lines.push(
        `<url><loc>${escapeXml(entry.urls[locale] ?? '')}</loc><lastmod>${lastmod}</lastmod>${alternates}</url>`,
      )
    }
  }
  lines.push('</urlset>', '')
  return { xml: lines.join('\n'), truncated: kept.length < entries.length }
}
