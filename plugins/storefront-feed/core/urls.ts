import type { FeedLocale, FeedLocalization } from '../types'

export const TEMPLATE_PLACEHOLDERS = ['slug', 'id', 'glossary', 'locale', 'localePrefix'] as const

export type TemplateValues = { slug?: string; id?: string; glossary?: string; locale: FeedLocale }

/**
 * A storefront URL from a template such as `/glossary/{glossary}/{slug}`: values are percent-encoded so a
 * slug can never add path segments, a query or a scheme; relative templates resolve against `baseUrl`.
 * `{localePrefix}` is empty for the default locale.
 */
export const fillUrlTemplate = (
  baseUrl: string,
  template: string,
  values: TemplateValues,
  defaultLocale: FeedLocale,
): string => {
  const filled = template.replace(/\{(slug|id|glossary|locale|localePrefix)\}/g, (_, name: string) => {
    if (name === 'localePrefix') return values.locale === defaultLocale ? '' : `/${values.locale}`
    const value = values[name as 'slug' | 'id' | 'glossary' | 'locale']
    return encodeURIComponent(value ?? '')
  })
  if (/^https?:\/\//i.test(filled)) return filled
  return `${baseUrl}${filled.startsWith('/') ? '' : '/'}${filled}`
}

/** A template's path: absolute templates lose their origin, so the hub can serve the same path itself. */
export const templatePath = (template: string): string => {
  const path = template.replace(/^https?:\/\/[^/]*/i, '')
  // `{localePrefix}` brings its own slash (or nothing, for the default locale).
  return path.startsWith('/') || path.startsWith('{localePrefix}') ? path : `/${path}`
}

export type MatchedUrl = { slug?: string; id?: string; glossary?: string; locale?: FeedLocale }

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The values a path was filled with, read back through the same template (the preview route is the
 * storefront's path under the hub's own prefix). Undefined when the path does not fit the template.
 */
export const matchUrlTemplate = (
  template: string,
  pathname: string,
  { locales, defaultLocale }: FeedLocalization,
): MatchedUrl | undefined => {
  const names: string[] = []
  const pattern = templatePath(template)
    .split(/(\{(?:slug|id|glossary|locale|localePrefix)\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1]
      if (!name) return escapeRegExp(part)
      names.push(name)
      if (name === 'locale') return `(${locales.join('|')})`
      if (name === 'localePrefix') return `((?:/(?:${locales.filter((l) => l !== defaultLocale).join('|')}))?)`
      return '([^/?#]+)'
    })
    .join('')
  const match = new RegExp(`^${pattern}/?$`).exec(pathname)
  if (!match) return undefined
  const found: MatchedUrl = {}
  try {
    names.forEach((name, index) => {
      const value = decodeURIComponent(match[index + 1] ?? '')
      if (name === 'localePrefix') found.locale = (value.slice(1) || defaultLocale) as FeedLocale
      else if (name === 'locale') found.locale = value as FeedLocale
      else found[name as 'slug' | 'id' | 'glossary'] = value
    })
  } catch {
    return undefined // a malformed percent-escape names no document
  }
  return found
}
