import path from 'node:path'

import { DEFAULT_URL_TEMPLATES } from '../../storefront-feed/core/options'
import { TEMPLATE_PLACEHOLDERS } from '../../storefront-feed/core/urls'
import type { GlossarySearchConfig, SanitizedGlossarySearchConfig } from '../types'

// Where npm puts kuromoji's dictionary, from the working directory so a bundler cannot move it.
const DEFAULT_DICTIONARY_PATH = path.join(process.cwd(), 'node_modules', 'kuromoji', 'dict')

const fail = (message: string): never => {
  throw new Error(`glossarySearch: ${message}`)
}

const wholeNumber = (value: number, name: string): number => {
  if (!Number.isInteger(value) || value < 0) fail(`${name} must be a whole number ≥ 0 (got ${value})`)
  return value
}

/** Every default filled once; options that would break at request time fail here, with the fix. */
export const sanitizeOptions = (options: GlossarySearchConfig): SanitizedGlossarySearchConfig => {
  const baseUrl = options?.storefront?.baseUrl
  if (typeof baseUrl !== 'string' || !/^https?:\/\/[^/]/i.test(baseUrl)) {
    fail('storefront.baseUrl must be an absolute http(s) URL such as "https://shop.example.com"')
  }
  const urls = { ...DEFAULT_URL_TEMPLATES, ...options.storefront.urls }
  for (const [kind, template] of Object.entries(urls)) {
    for (const [, name] of template.matchAll(/\{([^}]*)\}/g)) {
      if (!(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name!)) {
        fail(
          `storefront.urls['${kind}'] uses {${name}}; use only ${TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
        )
      }
    }
  }
  return {
    disabled: options.disabled ?? false,
    baseUrl: baseUrl!.replace(/\/+$/, ''),
    urls,
    collections: {
      'glossary-term': 'glossary-terms',
      'case-study': 'case-studies',
      playbook: 'playbooks',
      glossary: 'glossaries',
      ...options.collections,
    },
    journalSlug: options.journalSlug ?? 'feed-changes',
    pollIntervalMs: wholeNumber(options.pollIntervalMs ?? 1000, 'pollIntervalMs'),
    cache: {
      maxAge: wholeNumber(options.cache?.maxAge ?? 60, 'cache.maxAge'),
      staleWhileRevalidate: wholeNumber(options.cache?.staleWhileRevalidate ?? 300, 'cache.staleWhileRevalidate'),
      maxEntries: Math.max(1, wholeNumber(options.cache?.maxEntries ?? 2000, 'cache.maxEntries')),
    },
    suggestReadings: options.suggestReadings ?? true,
    dictionaryPath: options.dictionaryPath ?? DEFAULT_DICTIONARY_PATH,
    buildOnInit: options.buildOnInit ?? true,
  }
}
