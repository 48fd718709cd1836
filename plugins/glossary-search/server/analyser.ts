import kuromoji from 'kuromoji'

import type { ReadingToken } from '../core/reading'

let loading: Promise<kuromoji.Tokenizer<kuromoji.IpadicFeatures>> | undefined

/**
 * kuromoji with the IPA dictionary that ships in its package (offline), loaded once, on the first kanji
 * headword (about 1 s and 100 MB of dictionary), never at start-up. A failed load is retried next time.
 */
export const analyser =
  (dictionaryPath: string) =>
  async (text: string): Promise<ReadingToken[]> => {
    loading ??= new Promise<kuromoji.Tokenizer<kuromoji.IpadicFeatures>>((resolve, reject) =>
      kuromoji
        .builder({ dicPath: dictionaryPath })
        .build((error, tokenizer) => (error ? reject(error) : resolve(tokenizer))),
    ).catch((error: unknown) => {
      loading = undefined
      throw error
    })
    const tokenizer = await loading
    return tokenizer.tokenize(text).map((token) => ({ surface: token.surface_form, reading: token.reading }))
  }
