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

const SPELLING = new Map<number, string>()
const spell = (unit: number): string => {
  if (unit >= 0x20 && unit <= 0x7e) return String.fromCharCode(unit)
  let spelt = SPELLING.get(unit)
  if (spelt === undefined) {
    spelt = `${MARKERS[unit >> 12]}${DIGITS[(unit >> 6) & 63]}${DIGITS[unit & 63]}`
    SPELLING.set(unit, spelt)
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
  const parts: string[] = []
  let length = 0
  for (let i = 0; i < folded.length; i++) {
    const spelt = spell(folded.charCodeAt(i))
    parts.push(spelt)
    length += spelt.length
  }
  const unitAt = new Int32Array(length + 1).fill(-1)
  let at = 0
  for (let i = 0; i < parts.length; i++) {
    unitAt[at] = i
    at += (parts[i] as string).length
  }
  unitAt[length] = folded.length
  return { spelt: parts.join(''), unitAt }
}
