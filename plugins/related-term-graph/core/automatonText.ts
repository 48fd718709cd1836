/**
 * The automaton's alphabet. modern-ahocorasick walks non-ASCII text grapheme by grapheme through
 * `Intl.Segmenter`, which cost more than all the rest of a full rebuild; ASCII text it walks directly.
 * Folded text has no grapheme clusters left that matter (NFKC-composed, marks joined), so patterns and
 * texts are spelt in ASCII: printable ASCII as itself, any other UTF-16 unit as a control-character marker
 * plus two base-64 characters. The code is prefix-free, so a hit that starts on a unit starts the same
 * units in the folded text; hits starting inside a unit's spelling are dropped.
 * (Measured on the 10,000-term bench: the scan fell from about a quarter of a full rebuild to a twentieth.)
 */

// 16 markers: control characters folding never leaves in a text (no tab, line feed or carriage return).
const MARKERS = [1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18, 19, 20, 21].map((code) => String.fromCharCode(code))
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+/'

const isPrintable = (unit: number): boolean => unit >= 0x20 && unit <= 0x7e

// Spellings by unit, filled as units are met (an array: faster to read than a Map).
const SPELLING: string[] = new Array<string>(0x10000)
const spell = (unit: number): string => {
  let spelt = SPELLING[unit]
  if (spelt === undefined) {
    spelt = isPrintable(unit)
      ? String.fromCharCode(unit)
      : `${MARKERS[unit >> 12]}${DIGITS[(unit >> 6) & 63]}${DIGITS[unit & 63]}`
    SPELLING[unit] = spelt
  }
  return spelt
}

/** A pattern (folded label) in the automaton's alphabet. */
export const spellPattern = (folded: string): string => {
  let out = ''
  for (let i = 0; i < folded.length; i++) out += spell(folded.charCodeAt(i))
  return out
}

/** A folded text in the automaton's alphabet, and for each spelt position the folded unit it starts (-1: none). */
export const spellText = (folded: string): { spelt: string; unitAt: Int32Array } => {
  let length = folded.length
  for (let i = 0; i < folded.length; i++) if (!isPrintable(folded.charCodeAt(i))) length += 2
  const unitAt = new Int32Array(length + 1).fill(-1)
  const parts = new Array<string>(folded.length)
  let at = 0
  for (let i = 0; i < folded.length; i++) {
    const unit = folded.charCodeAt(i)
    unitAt[at] = i
    parts[i] = spell(unit)
    at += isPrintable(unit) ? 1 : 3
  }
  unitAt[length] = folded.length
  return { spelt: parts.join(''), unitAt }
}
