import { FEED_LOCALES, type FeedLocale } from '../types'
import { hasRichText, type RichText } from './richText'

/** A field read with `locale: 'all'`: one value per locale (or a bare value for unlocalized data). */
export type Localized<T> = Partial<Record<FeedLocale, T | null | undefined>> | T | null | undefined

export const isLocaleMap = (value: unknown): value is Partial<Record<FeedLocale, unknown>> => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false
  const keys = Object.keys(value)
  return keys.length > 0 && keys.every((key) => (FEED_LOCALES as readonly string[]).includes(key))
}

export const isBlank = (value: unknown): boolean => {
  if (value === null || value === undefined) return true
  if (typeof value === 'string') return value.trim() === ''
  if (Array.isArray(value)) return value.length === 0
  if (typeof value === 'object' && 'root' in value) return !hasRichText(value as RichText)
  // Payload answers {} for a localized array with no rows in any locale.
  if (typeof value === 'object') return Object.keys(value).length === 0
  return false
}

/**
 * Per-field fallback: the value in `locale` when it has content, else the default locale's.
 * `fellBack` tells the serialiser to list the field in `_hub.fallback`.
 */
export const pickLocale = <T>(
  value: Localized<T>,
  locale: FeedLocale,
  defaultLocale: FeedLocale,
): { value: T | undefined; fellBack: boolean } => {
  if (!isLocaleMap(value)) return { value: isBlank(value) ? undefined : (value as T), fellBack: false }
  const own = value[locale] as T | null | undefined
  if (!isBlank(own)) return { value: own as T, fellBack: false }
  const fallback = value[defaultLocale] as T | null | undefined
  if (locale !== defaultLocale && !isBlank(fallback)) return { value: fallback as T, fellBack: true }
  return { value: undefined, fellBack: false }
}

/** Picks several fields and remembers which of them fell back. */
export class LocalePicker {
  readonly fallback: string[] = []
  constructor(
    readonly locale: FeedLocale,
    readonly defaultLocale: FeedLocale,
  ) {}

  pick<T>(field: string, value: Localized<T>): T | undefined {
    const picked = pickLocale(value, this.locale, this.defaultLocale)
    if (picked.fellBack && !this.fallback.includes(field)) this.fallback.push(field)
    return picked.value
  }
}
