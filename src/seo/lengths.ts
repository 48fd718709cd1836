import stringWidth from 'string-width'

/**
 * Search result snippets are cut by rendered width, not by characters: a full-width character (kana, kanji,
 * full-width punctuation) takes two columns, a Latin letter one. These budgets are in columns.
 */
export const SEO_WIDTH = {
  /** ≈30 full-width or 60 half-width characters. */
  title: { max: 60 },
  /** 60–120 full-width or 120–240 half-width characters. */
  description: { min: 120, max: 240 },
} as const

export const displayWidth = (text: string): number => stringWidth(text)

const ELLIPSIS = '…'

const graphemes = (text: string): string[] =>
  [...new Intl.Segmenter('ja', { granularity: 'grapheme' }).segment(text)].map((s) => s.segment)

const flatten = (text: string): string => text.replace(/\s+/g, ' ').trim()

/** The text if it fits in `max` columns, else its longest prefix that fits with a trailing "…". */
export const truncateToWidth = (text: string, max: number): string => {
  const flat = flatten(text)
  if (displayWidth(flat) <= max) return flat
  let width = displayWidth(ELLIPSIS)
  let out = ''
  for (const piece of graphemes(flat)) {
    const next = displayWidth(piece)
    if (width + next > max) break
    out += piece
    width += next
  }
  return `${out.trimEnd()}${ELLIPSIS}`
}

// A sentence ends at 。！？ (full-width) or at . ! ? followed by a space or the end.
const SENTENCE = /[^。！？!?.]*(?:[。！？]|[!?.](?=\s|$))|[^。！？!?.]+$/gu

/**
 * A description of at most `max` columns: whole sentences while they fit (so a snippet does not stop
 * mid-sentence), or a cut with "…" when the first sentences fall short of `min`.
 */
export const describeWithinWidth = (text: string, { min, max }: { min: number; max: number }): string => {
  const flat = flatten(text)
  if (displayWidth(flat) <= max) return flat
  let out = ''
  for (const sentence of flat.match(SENTENCE) ?? []) {
    const candidate = `${out}${sentence}`.trim()
    if (displayWidth(candidate) > max) break
    out = `${out}${sentence}`
  }
  out = out.trim()
  return displayWidth(out) >= min ? out : truncateToWidth(flat, max)
}
