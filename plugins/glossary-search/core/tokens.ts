import { foldKana, normalizeLabel } from '../../related-term-graph/core/normalize'

/**
 * Tokens for the search index and the query plan that finds them, from raw text. The text is normalised
 * like mention labels, segmented, and only then kana-folded (ICU segments hiragana text far better than
 * the same text in katakana).
 *
 * - Words come from `Intl.Segmenter` (ICU's dictionary for Japanese, spaces and punctuation for Latin).
 * - Runs of Japanese script also give character bigrams plus the run's last character, so any substring of
 *   a Japanese word is found (`インフル` inside `インフルエンサ-`) without a morphological analyser.
 * - Query words in Latin script are prefix-matched (type-ahead) and, from 5 letters on, forgive one edit.
 */

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' })

/** Kana, the folded long-vowel/dash `-` between kana, iteration marks and CJK ideographs. */
const JAPANESE_RUN =
  /[\u3005-\u3007\u3041-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff](?:[-\u3005-\u3007\u3041-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])*/gu
const LATIN_WORD = /[\p{L}\p{N}]+/u
const HAS_JAPANESE = /[\u3005-\u3007\u3041-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u

/** Shortest Latin word that forgives a one-letter typo. */
export const FUZZY_MIN_LENGTH = 5

const bigramsInto = (run: string, into: Set<string>) => {
  const chars = [...run]
  if (chars.length === 1) {
    into.add(run)
    return
  }
  for (let i = 0; i + 1 < chars.length; i++) into.add(chars[i]! + chars[i + 1]!)
  into.add(chars[chars.length - 1]!)
}

/** Folded word tokens of normalised text (word-like segments only). */
const wordsOf = (normalized: string): string[] => {
  const found: string[] = []
  for (const { segment, isWordLike } of segmenter.segment(normalized)) if (isWordLike) found.push(foldKana(segment))
  return found
}

const japaneseRuns = (folded: string): string[] => folded.match(JAPANESE_RUN) ?? []

/**
 * Index tokens of folded text: Segmenter words, and with `ngrams` the bigrams of Japanese runs. Bodies skip
 * the n-grams (word level is enough there, and it keeps a 10,000-term index small).
 */
export const indexTokens = (text: string, ngrams: boolean): string[] => {
  const normalized = normalizeLabel(text)
  const tokens = new Set(wordsOf(normalized))
  if (ngrams) for (const run of japaneseRuns(foldKana(normalized))) bigramsInto(run, tokens)
  return [...tokens]
}

/** One part of a query: all parts must match. */
export type QueryPart =
  | { kind: 'japanese'; text: string; grams: string[]; prefix: boolean; words: string[] }
  | { kind: 'latin'; text: string; fuzzy: boolean }

/**
 * What a query asks for: each Japanese run (all of its bigrams, or a prefix for one character)
 * and each other word (prefix, plus one edit from 5 letters). Empty when nothing searchable is left.
 */
export const queryParts = (query: string): QueryPart[] => {
  const normalized = normalizeLabel(query)
  const folded = foldKana(normalized)
  const parts: QueryPart[] = []
  for (const match of folded.matchAll(JAPANESE_RUN)) {
    const run = match[0]
    const chars = [...run]
    // The run's words (segmented before kana folding, like the index) find it in bodies, which have no n-grams.
    const runWords = wordsOf(normalized.slice(match.index, match.index + run.length))
    if (chars.length === 1) parts.push({ kind: 'japanese', text: run, grams: [run], prefix: true, words: runWords })
    else {
      // Bigrams that tile the run (0–1, 2–3, …, and the last pair): every character is covered with half
      // the posting lists of all overlapping pairs, which is where a query's time goes.
      const grams = new Set<string>()
      for (let i = 0; i + 1 < chars.length; i += 2) grams.add(chars[i]! + chars[i + 1]!)
      grams.add(chars[chars.length - 2]! + chars[chars.length - 1]!)
      parts.push({ kind: 'japanese', text: run, grams: [...grams], prefix: false, words: runWords })
    }
  }
  for (const word of wordsOf(normalized.replace(JAPANESE_RUN, ' '))) {
    if (HAS_JAPANESE.test(word) || !LATIN_WORD.test(word)) continue
    parts.push({ kind: 'latin', text: word, fuzzy: [...word].length >= FUZZY_MIN_LENGTH })
  }
  return parts
}
