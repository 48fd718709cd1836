import { toHiragana } from 'wanakana'

/**
 * Suggested readings (hiragana). Kana headwords read as themselves; headwords with kanji read as the
 * analyser's token readings joined; headwords without Japanese script (English names, acronyms) have none.
 */

const KANJI = /[\u3005-\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u
const KANA = /[\u3041-\u30ff\u31f0-\u31ff\uff66-\uff9f]/u

/** What reading a headword needs: none, itself (kana only), or the analyser's. */
export const readingNeed = (term: string): 'none' | 'self' | 'analyse' => {
  const text = term.normalize('NFKC')
  if (KANJI.test(text)) return 'analyse'
  return KANA.test(text) ? 'self' : 'none'
}

/** Katakana → hiragana, keeping ー (a reading's long vowel is written as spoken, not as あ/い…). */
export const asHiragana = (text: string): string =>
  toHiragana(text.normalize('NFKC'), { convertLongVowelMark: false, passRomaji: true })

/** One analysed token: its text and, when the dictionary knows it, its reading in katakana. */
export type ReadingToken = { surface: string; reading?: string }

/**
 * The reading of a headword from its tokens; undefined when a kanji token has no known reading (a guess
 * would be worse than an empty field an editor sees).
 */
export const readingFromTokens = (tokens: ReadingToken[]): string | undefined => {
  let reading = ''
  for (const token of tokens) {
    if (KANJI.test(token.surface)) {
      if (!token.reading || token.reading === '*') return undefined
      reading += token.reading
    } else reading += token.surface
  }
  return asHiragana(reading).replace(/\s+/g, ' ').trim() || undefined
}

/** The suggestion for a headword, given an analyser to call only when kanji need it. */
export const suggestReading = async (
  term: string,
  analyse: (text: string) => Promise<ReadingToken[]>,
): Promise<string | undefined> => {
  const need = readingNeed(term)
  if (need === 'none') return undefined
  if (need === 'self') return asHiragana(term).trim() || undefined
  return readingFromTokens(await analyse(term.normalize('NFKC')))
}
