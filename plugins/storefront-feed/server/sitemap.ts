import { getPayload, type Payload, type SanitizedConfig } from 'payload'

import { cacheControl, computeEtag, ifNoneMatchHits } from '../core/http'
import { emptyLookups, idOf, type RelationValue, storefrontUrls } from '../core/items'
import type { CachedPage } from '../core/pageCache'
import { buildSitemapXml, SITEMAP_CONTENT_TYPE, type SitemapEntry } from '../core/sitemap'
import type { FeedLocale, SanitizedFeedOptions } from '../types'
import { findDocs } from './db'
import { readHead } from './journalStore'
import { feedOptionsOf } from './preview'
import { feedRuntime } from './runtime'
import { notModifiedHeaders } from './serve'

type Listed = { id: string | number; slug: string; updatedAt: string; glossary?: RelationValue }

const latest = (a: Date | undefined, b: Date): Date => (a && a > b ? a : b)

/** Every published page: terms, case studies, playbooks, and the glossaries that have a published term. */
const sitemapEntries = async (payload: Payload, options: SanitizedFeedOptions): Promise<SitemapEntry[]> => {
  const lookups = emptyLookups()
  const listed = await Promise.all(
    options.contentTypes.map(async (type) => ({
      type,
      docs: await findDocs<Listed>(payload, {
        collection: options.collections[type],
        publishedOnly: true,
        select: { slug: true, updatedAt: true, ...(type === 'glossary-term' ? { glossary: true } : {}) },
      }),
    })),
  )
  const glossaries = await findDocs<{ id: string | number; slug: string; updatedAt: string }>(payload, {
    collection: options.collections.glossary,
    select: { slug: true, updatedAt: true },
  })
  for (const glossary of glossaries)
    lookups.glossaries.set(String(glossary.id), { slug: glossary.slug, name: glossary.slug })

  const urlsIn = (locale: FeedLocale) =>
    storefrontUrls({ ...options, defaultLocale: options.localization.defaultLocale, locale, lookups })
  const byLocale = Object.fromEntries(options.localization.locales.map((locale) => [locale, urlsIn(locale)])) as Record<
    FeedLocale,
    ReturnType<typeof urlsIn>
  >
  const each = (url: (locale: FeedLocale) => string) =>
    Object.fromEntries(options.localization.locales.map((locale) => [locale, url(locale)])) as Record<
      FeedLocale,
      string
    >

  const entries: SitemapEntry[] = []
  const glossaryLastmod = new Map<string, Date>()
  for (const { type, docs } of listed) {
    for (const doc of docs) {
      const id = String(doc.id)
      const lastmod = new Date(doc.updatedAt)
      if (type === 'glossary-term') {
        const glossary = idOf(doc.glossary)
        // A term whose glossary is gone has no page to list (its URL would have an empty segment).
        if (!glossary || !lookups.glossaries.has(glossary)) continue
        glossaryLastmod.set(glossary, latest(glossaryLastmod.get(glossary), lastmod))
        entries.push({ urls: each((l) => byLocale[l].term({ id, slug: doc.slug, glossary: doc.glossary })), lastmod })
      } else if (type === 'case-study') {
        entries.push({ urls: each((l) => byLocale[l].caseStudy({ id, slug: doc.slug })), lastmod })
      } else {
        entries.push({ urls: each((l) => byLocale[l].playbook({ id, slug: doc.slug })), lastmod })
      }
    }
  }
  for (const glossary of glossaries) {
    const termsLastmod = glossaryLastmod.get(String(glossary.id))
    if (!termsLastmod) continue
    entries.push({
      urls: each((l) => byLocale[l].glossary(String(glossary.id))),
      lastmod: latest(termsLastmod, new Date(glossary.updatedAt)),
    })
  }
  return entries
}

const SITEMAP_KEY = 'sitemap.xml'

/**
 * `GET /sitemap.xml`, cached in the feed's page cache (so every edit the feed sees invalidates it too), with
 * the same strong ETag / 304 and Cache-Control as feed pages.
 */
export const serveSitemap = async (
  payload: Payload,
  options: SanitizedFeedOptions,
  request: Request,
): Promise<Response> => {
  const runtime = feedRuntime(payload, options)
  let page: CachedPage | undefined = runtime.cache.get(SITEMAP_KEY)
  if (!page) {
    runtime.observeHead(await readHead(payload, options.changesCollection))
    const generation = runtime.cache.generation
    const { xml, truncated } = buildSitemapXml(await sitemapEntries(payload, options), options.localization)
    if (truncated)
      payload.logger.warn('storefront-feed: more than 50,000 storefront URLs; the sitemap lists the first 50,000')
    const body = new TextEncoder().encode(xml)
    const etag = computeEtag(body)
    page = {
      status: 200,
      body,
      etag,
      headers: {
        'Content-Type': SITEMAP_CONTENT_TYPE,
        'Cache-Control': cacheControl(options.cache.maxAge, options.cache.staleWhileRevalidate),
        ETag: etag,
        'X-Content-Type-Options': 'nosniff',
      },
    }
    runtime.cache.set(SITEMAP_KEY, page, generation)
  }
  if (ifNoneMatchHits(request.headers.get('if-none-match'), page.etag)) {
    return new Response(null, { status: 304, headers: notModifiedHeaders(page) })
  }
  return new Response(request.method === 'HEAD' ? null : page.body, { status: 200, headers: page.headers })
}

/** A Next.js route handler for `/sitemap.xml` (GET and HEAD), for the app to mount at its root. */
export const storefrontSitemapRoute =
  (config: Promise<SanitizedConfig> | SanitizedConfig) =>
  async (request: Request): Promise<Response> => {
    const payload = await getPayload({ config })
    const options = feedOptionsOf(payload)
    if (!options || options.disabled) return new Response('Not found', { status: 404 })
    try {
      return await serveSitemap(payload, options, request)
    } catch (error) {
      payload.logger.error({ err: error, msg: 'storefront-feed: could not build the sitemap' })
      return Response.json(
        { errors: [{ parameter: '', message: 'the sitemap could not be read right now; try again shortly' }] },
        { status: 503, headers: { 'Retry-After': '5', 'Cache-Control': 'no-store' } },
      )
    }
  }
