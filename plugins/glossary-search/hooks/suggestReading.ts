import type { CollectionBeforeChangeHook } from 'payload'

import { suggestReading, type ReadingToken } from '../core/reading'

/** Name of the checkbox that marks a reading as the analyser's suggestion. */
export const READING_SUGGESTED = 'readingSuggested'

const headwordOf = (data: Record<string, unknown>, locale: string | undefined): string | undefined => {
  const term = data.term
  if (typeof term === 'string') return term
  // Local API writes with locale 'all' carry every locale: the default (ja) one is the headword.
  if (term && typeof term === 'object') {
    const byLocale = term as Record<string, unknown>
    const value = byLocale.ja ?? (locale ? byLocale[locale] : undefined)
    return typeof value === 'string' ? value : undefined
  }
  return undefined
}

/**
 * Keeps `reading` filled and `readingSuggested` true while the reading is the analyser's:
 * - an empty reading gets a suggestion (flag true; false when there is none, e.g. an English headword);
 * - a suggested reading follows a changed headword;
 * - a reading that changed by hand is the editor's (flag false); an unchanged one keeps the flag as sent,
 *   so an editor confirms a suggestion by unticking it.
 * Only saves in the default locale suggest, so an English headword never replaces the Japanese reading.
 */
export const beforeChangeSuggestReading =
  (analyse: (text: string) => Promise<ReadingToken[]>, defaultLocale: string): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req }) => {
    const original = (originalDoc ?? {}) as Record<string, unknown>
    const locale = req.locale && req.locale !== 'all' ? req.locale : defaultLocale
    const reading =
      typeof data.reading === 'string'
        ? data.reading.trim()
        : data.reading === undefined
          ? String(original.reading ?? '')
          : ''
    const headword = headwordOf(data, locale)
    const wasSuggested = original[READING_SUGGESTED] === true && reading === (original.reading ?? '')
    const headwordChanged = headword !== undefined && headword !== headwordOf(original, locale)
    if (reading && !(wasSuggested && headwordChanged && locale === defaultLocale)) {
      const byHand = originalDoc !== undefined && data.reading !== undefined && reading !== (original.reading ?? '')
      return byHand ? { ...data, [READING_SUGGESTED]: false } : data
    }
    if (locale !== defaultLocale) return data
    const source = headword ?? headwordOf(original, locale)
    if (!source) return data
    try {
      const suggestion = await suggestReading(source, analyse)
      if (suggestion) return { ...data, reading: suggestion, [READING_SUGGESTED]: true }
    } catch (error) {
      // The dictionary could not load: the term saves without a reading rather than failing.
      req.payload.logger.warn({ err: error }, 'glossary-search: could not suggest a reading')
    }
    return { ...data, reading: reading || null, [READING_SUGGESTED]: false }
  }
