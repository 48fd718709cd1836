import { foldKana, normalizeLabel, normalizeText } from '../../related-term-graph/core/normalize'

/**
 * The one folding, shared with mention matching (NFKC, width, case, long vowels, dashes, dots, spaces
 * next to Japanese), plus hiragana → katakana: `いんふるえんさー` and `インフルエンサー` fold alike.
 */
export const foldForSearch = (text: string): string => foldKana(normalizeLabel(text))

/** The folded text with, per UTF-16 unit, the range of the original it came from (for highlighting). */
export const foldWithMap = (text: string) => {
  const normalized = normalizeText(text)
  return { ...normalized, text: foldKana(normalized.text) }
}
