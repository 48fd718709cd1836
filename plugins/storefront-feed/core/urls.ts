import type { FeedLocale } from '../types'

export const TEMPLATE_PLACEHOLDERS = ['slug', 'id', 'glossary', 'locale', 'localePrefix'] as const

export type TemplateValues = { slug?: string; id?: string; glossary?: string; locale: FeedLocale }

/**
 * A storefront URL from a template such as `/glossary/{glossary}/{slug}`: values are percent-encoded so a
 * slug can never add path segments, a query or a scheme; relative templates resolve against `baseUrl`.
 */
export const fillUrlTemplate = (baseUrl: string, template: string, values: TemplateValues): string => {
  const filled = template.replace(/\{(slug|id|glossary|locale|localePrefix)\}/g, (_, name: string) => {
    if (name === 'localePrefix') return values.locale === 'ja' ? '' : `/${values.locale}`
    const value = values[name as 'slug' | 'id' | 'glossary' | 'locale']
    return encodeURIComponent(value ?? '')
  })
  if (/^https?:\/\//i.test(filled)) return filled
  return `${baseUrl}${filled.startsWith('/') ? '' : '/'}${filled}`
}
