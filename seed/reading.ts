import { createRequire } from 'node:module'
import path from 'node:path'

import type { IpadicFeatures, Tokenizer } from 'kuromoji'

import type { ReadingOf } from './parse/slugs'

/**
 * Kana readings of Japanese names (kuromoji's IPA dictionary), so a term with no English name still
 * gets a romanized slug ("顧客生涯価値" → "kokyakushougaikachi"). Loading the dictionary takes about a
 * second, so the seed command only loads it when some term needs it.
 */
export const loadReading = async (): Promise<ReadingOf> => {
  const { default: kuromoji } = await import('kuromoji')
  const dicPath = path.join(path.dirname(createRequire(import.meta.url).resolve('kuromoji/package.json')), 'dict')
  const tokenizer = await new Promise<Tokenizer<IpadicFeatures>>((resolve, reject) =>
    kuromoji.builder({ dicPath }).build((error, built) => (error ? reject(error) : resolve(built))),
  )
  return (text) => {
    const tokens = tokenizer.tokenize(text)
    // A token the dictionary cannot read (a rare kanji) has no reading: no romanized slug then.
    if (tokens.some((token) => /\p{Script=Han}/u.test(token.surface_form) && !token.reading)) return null
    return tokens.map((token) => (token.reading && token.reading !== '*' ? token.reading : token.surface_form)).join('')
  }
}
