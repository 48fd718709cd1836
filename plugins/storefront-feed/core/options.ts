import type { Config } from 'payload'

import {
  CONTENT_TYPES,
  type ContentType,
  FEED_LOCALES,
  type FeedLocale,
  type FeedLocalization,
  type SanitizedFeedOptions,
  type StorefrontFeedConfig,
  type UrlTemplates,
} from '../types'
import { TEMPLATE_PLACEHOLDERS } from './urls'

export const DEFAULT_URL_TEMPLATES: UrlTemplates = {
  'glossary-term': '{localePrefix}/glossary/{glossary}/{slug}',
  'case-study': '{localePrefix}/case-studies/{slug}',
  playbook: '{localePrefix}/playbooks/{slug}',
  glossary: '{localePrefix}/glossary/{glossary}',
}

export const DEFAULT_COLLECTIONS: SanitizedFeedOptions['collections'] = {
  'glossary-term': 'glossary-terms',
  'case-study': 'case-studies',
  playbook: 'playbooks',
  glossary: 'glossaries',
  tag: 'tags',
}

const fail = (message: string): never => {
  throw new Error(`storefrontFeed: ${message}`)
}

const isHttpUrl = (value: string): boolean => {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

const positiveInteger = (value: number, name: string, min = 1): number => {
  if (!Number.isInteger(value) || value < min) fail(`${name} must be an integer ≥ ${min} (got ${value})`)
  return value
}

const checkTemplate = (kind: keyof UrlTemplates, template: string): string => {
  for (const [, name] of template.matchAll(/\{([^}]*)\}/g)) {
    if (!TEMPLATE_PLACEHOLDERS.includes(name as (typeof TEMPLATE_PLACEHOLDERS)[number])) {
      fail(
        `storefront.urls['${kind}'] uses {${name}}; use only ${TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
      )
    }
    if (name === 'glossary' && kind !== 'glossary-term' && kind !== 'glossary') {
      fail(`storefront.urls['${kind}'] uses {glossary}, which only terms and glossaries have`)
    }
  }
  return template
}

export const DEFAULT_BREAKPOINTS = [
  { name: 'mobile', label: 'Mobile', width: 375, height: 667 },
  { name: 'tablet', label: 'Tablet', width: 768, height: 1024 },
  { name: 'desktop', label: 'Desktop', width: 1440, height: 900 },
]

const previewPath = (path: string): string => {
  const trimmed = path.replace(/\/+$/, '')
  if (!/^\/[a-z0-9][a-z0-9/_-]*$/i.test(trimmed) || trimmed.startsWith('/api') || trimmed.startsWith('/admin')) {
    fail(`preview.path "${path}" must be a path such as "/preview", outside /api and /admin`)
  }
  return trimmed
}

/** The config's locale codes and default; without localization, the serialisers' own (`ja` first). */
const feedLocalization = (localization: Config['localization']): FeedLocalization => {
  if (!localization) return { locales: FEED_LOCALES, defaultLocale: FEED_LOCALES[0] }
  const codes = localization.locales.map((locale) => (typeof locale === 'string' ? locale : locale.code))
  for (const code of codes) {
    if (!(FEED_LOCALES as readonly string[]).includes(code))
      fail(`localization has locale "${code}"; the feed's serialisers know ${FEED_LOCALES.join(', ')}`)
  }
  return { locales: codes as FeedLocale[], defaultLocale: localization.defaultLocale as FeedLocale }
}

/** Fills every default once, and rejects options that would produce broken URLs at request time. */
export const sanitizeOptions = (
  options: StorefrontFeedConfig,
  localization?: Config['localization'],
): SanitizedFeedOptions => {
  const baseUrl = options?.storefront?.baseUrl
  if (typeof baseUrl !== 'string' || !isHttpUrl(baseUrl)) {
    fail('storefront.baseUrl must be an absolute http(s) URL such as "https://shop.example.com"')
  }
  const trimmedBase = (baseUrl as string).replace(/\/+$/, '')
  const contentTypes = options.contentTypes ?? [...CONTENT_TYPES]
  for (const type of contentTypes) {
    if (!CONTENT_TYPES.includes(type)) fail(`contentTypes holds "${type}"; use ${CONTENT_TYPES.join(', ')}`)
  }
  if (contentTypes.length === 0) fail('contentTypes is empty; list at least one content type')
  const urls = { ...DEFAULT_URL_TEMPLATES, ...options.storefront.urls }
  for (const kind of Object.keys(urls) as (keyof UrlTemplates)[]) checkTemplate(kind, urls[kind])
  const pageDefault = positiveInteger(options.pageSize?.default ?? 50, 'pageSize.default')
  const pageMax = positiveInteger(options.pageSize?.max ?? 100, 'pageSize.max')
  if (pageDefault > pageMax) fail(`pageSize.default (${pageDefault}) exceeds pageSize.max (${pageMax})`)
  if (options.feedUrl !== undefined && !isHttpUrl(options.feedUrl)) {
    fail('feedUrl must be an absolute http(s) URL such as "https://hub.example.com/api/feed"')
  }
  const title = options.title ?? 'Commerce Content Hub'
  return {
    disabled: options.disabled ?? false,
    title,
    description: options.description,
    icon: options.icon,
    favicon: options.favicon,
    publisher: { name: options.publisher?.name ?? title, url: options.publisher?.url ?? trimmedBase },
    baseUrl: trimmedBase,
    urls,
    contentTypes: [...new Set(contentTypes)] as ContentType[],
    collections: { ...DEFAULT_COLLECTIONS, ...options.collections },
    changesCollection: options.changesCollection ?? options.journalSlug ?? 'feed-changes',
    localization: feedLocalization(localization),
    pollIntervalMs: positiveInteger(
      options.pollIntervalMs ?? options.cache?.pollIntervalMs ?? 1000,
      'pollIntervalMs',
      50,
    ),
    preview: {
      disabled: options.preview?.disabled ?? false,
      path: previewPath(options.preview?.path ?? '/preview'),
      breakpoints: options.preview?.breakpoints ?? DEFAULT_BREAKPOINTS,
    },
    pageSize: { default: pageDefault, max: pageMax },
    cache: {
      maxAge: positiveInteger(options.cache?.maxAge ?? 60, 'cache.maxAge', 0),
      staleWhileRevalidate: positiveInteger(
        options.cache?.staleWhileRevalidate ?? 300,
        'cache.staleWhileRevalidate',
        0,
      ),
      maxEntries: positiveInteger(options.cache?.maxEntries ?? 1000, 'cache.maxEntries'),
      onInvalidate: options.cache?.onInvalidate ?? (() => {}),
    },
    feedUrl: options.feedUrl?.replace(/\/+$/, ''),
  }
}
