import { toRomaji } from 'wanakana'

import { slugify } from '../../collections/fields/slug'
import { keyOf, shortHash } from './text'

/** Reads a name aloud in kana ("顧客生涯価値" → "こきゃくしょうがいかち"), or null when it cannot. */
export type ReadingOf = (text: string) => string | null

/** Kana, with Latin letters and digits beside it ("ECサイト"): what toRomaji can spell out. */
const isSpellable = (text: string) =>
  /^[\p{Script=Hiragana}\p{Script=Katakana}ー A-Za-z0-9-]+$/u.test(text) &&
  /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)

const romanized = (text: string, reading?: ReadingOf): string => {
  const spaced = text.replace(/[・･\s]+/gu, ' ').trim()
  const kana = isSpellable(spaced) ? spaced : (reading?.(spaced) ?? null)
  return kana && isSpellable(kana.replace(/[・･]/gu, ' ')) ? slugify(toRomaji(kana.replace(/[・･]/gu, ' '))) : ''
}

/**
 * A readable slug for a term: from its English name when the page gives one, else romanized from the
 * reading (kana names directly; kanji through `reading`), and `term-<hash>` only as a last resort.
 */
export const termSlug = (term: string, englishName: string | null, reading?: ReadingOf): string =>
  (englishName ? slugify(englishName) : '') || romanized(term, reading) || `term-${shortHash(keyOf(term))}`
