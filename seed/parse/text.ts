/** Small text helpers shared by the parser. Pure: no I/O, no Payload. */

/** The text as the parser sees it: no byte-order mark, LF line ends, NBSP as a space, no trailing blanks. */
export const normalizeText = (text: string): string =>
  text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/\t/g, '  ')
    .normalize('NFC')
    .split('\n')
    .map((line) => line.replace(/\s+$/u, ''))
    .join('\n')

/** Collapses runs of whitespace to one space and trims. */
export const collapse = (text: string): string => text.replace(/\s+/gu, ' ').trim()

/** Identity of a name: width-folded, lower-case, without any whitespace ("UTM コード" = "UTMコード"). */
export const keyOf = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '')

const isAsciiWordChar = (char: string | undefined): boolean => char !== undefined && /[a-z0-9]/.test(char)

/**
 * Text for substring matching: width-folded and lower-case, with the spaces Japanese web text puts
 * between words dropped wherever a non-ASCII character is next to them ("UTM パラメータ" → "utmパラメータ"),
 * and kept (as one space) between two ASCII words ("data warehouse").
 */
export const matchForm = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .replace(/ (?=[^\x00-\x7F])|(?<=[^\x00-\x7F]) /gu, '')
    .trim()

/** Whether `needle` (in match form) occurs in `haystack` (in match form) as a whole word where it is ASCII. */
export const findAll = (haystack: string, needle: string): number[] => {
  const found: number[] = []
  if (!needle) return found
  let from = 0
  for (;;) {
    const at = haystack.indexOf(needle, from)
    if (at < 0) return found
    const startsWord = !isAsciiWordChar(needle[0]) || !isAsciiWordChar(haystack[at - 1])
    const endsWord = !isAsciiWordChar(needle[needle.length - 1]) || !isAsciiWordChar(haystack[at + needle.length])
    if (startsWord && endsWord) found.push(at)
    from = at + 1
  }
}

const OPENING = '(（「『【'
const CLOSING = ')）」』】'
const STOP = '。！？!?'

/**
 * Splits Japanese (or English) prose after 。！？!? and keeps the punctuation; a full stop inside
 * brackets ("(…になっています。)が送られてきます。") does not end the sentence.
 */
export const splitSentences = (text: string): string[] => {
  const sentences: string[] = []
  let current = ''
  let depth = 0
  const chars = [...text]
  chars.forEach((char, index) => {
    current += char
    if (OPENING.includes(char)) depth++
    else if (CLOSING.includes(char)) depth = Math.max(0, depth - 1)
    const next = chars[index + 1]
    // "「冗談でしょう。」" ends a sentence; "(…になっています。)が送られてきます。" does not.
    const endsQuote =
      CLOSING.includes(char) &&
      depth === 0 &&
      STOP.includes(chars[index - 1] ?? '') &&
      (next === undefined || /\s/u.test(next))
    const endsSentence = STOP.includes(char) && depth === 0
    if ((endsSentence || endsQuote) && (next === undefined || !(STOP + CLOSING).includes(next))) {
      sentences.push(current.trim())
      current = ''
    }
  })
  if (current.trim() !== '') sentences.push(current.trim())
  return sentences.filter((s) => s !== '')
}

/** A line that reads as prose: it holds a full stop or ends like a sentence. */
export const isSentence = (line: string): boolean => /[。．]|[！？!?」』)）]$/u.test(line.trim())

/** A numbered line: "1. 注文確認", "5.アフターサービス:". */
export const NUMBERED = /^(\d{1,2})\s*[.．)）]\s*(\S.*)$/u

/** Ends in a particle or comma, so the next line continues the same sentence ("絵里奈は、" / "翔平は"). */
export const continuesOnNextLine = (line: string): boolean => /[、,，]$|[はがをにでとのもやへ]$/u.test(line.trim())

/**
 * Could be a section heading: short, no full stop, not ending in a colon or comma, not a URL,
 * bullet or quotation. A numbered heading ("3.顧客購買後体験で、…理由") may hold a comma.
 */
export const isHeadingLike = (line: string): boolean => {
  const text = line.trim()
  if (text === '' || [...text].length > 60) return false
  if (/[。．]/u.test(text)) return false
  if (/[:：、，,]$/u.test(text)) return false
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return false
  if (/^[「『(（•・*\-‐]/u.test(text)) return false
  if (!/\p{L}/u.test(text)) return false
  if (/[、，]/u.test(text) && !NUMBERED.test(text)) return false
  return true
}

/** Only ASCII printable characters: an English name or an English line. */
export const isAscii = (text: string): boolean => /^[\x20-\x7E]+$/.test(text)

/** Levenshtein distance, bounded: returns max+1 as soon as the distance must exceed max. */
export const editDistance = (a: string, b: string, max = 2): number => {
  const x = [...a]
  const y = [...b]
  if (Math.abs(x.length - y.length) > max) return max + 1
  let previous = Array.from({ length: y.length + 1 }, (_, i) => i)
  for (let i = 1; i <= x.length; i++) {
    const current = [i]
    let best = i
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost)
      current.push(value)
      best = Math.min(best, value)
    }
    if (best > max) return max + 1
    previous = current
  }
  return previous[y.length] ?? max + 1
}

/** A short stable hash (FNV-1a, base 36) for slugs of names with no Latin letters. */
export const shortHash = (value: string): string => {
  let hash = 2166136261
  for (const char of value) {
    hash ^= char.codePointAt(0) ?? 0
    hash = Math.imul(hash, 16777619)
  }
  return (hash >>> 0).toString(36)
}

const JAPANESE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u

/**
 * A document that stops mid-sentence (a truncated export): its last line is prose with no closing
 * punctuation. Headings, navigation, tags and URLs end pages without punctuation too, so a line only
 * counts when it is long or already holds a comma or a full stop.
 */
export const isCutOffLine = (line: string): boolean => {
  const text = line.trim()
  if (!JAPANESE_SCRIPT.test(text) || /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^[-‐•・]\s/u.test(text)) return false
  if (/[。．！？!?」』）)\]】:：…]$|\.{3}$/u.test(text)) return false
  return [...text].length >= 25 || /[、。，]/u.test(text)
}

/** The text up to its last whole sentence (the text itself when it holds none). */
export const toLastWholeSentence = (text: string): string => {
  const sentences = splitSentences(text)
  const whole = sentences.filter((sentence) => /[。．！？!?」』）)]$/u.test(sentence))
  if (whole.length === 0) return text.trim()
  const lastWhole = whole[whole.length - 1] as string
  return sentences.slice(0, sentences.lastIndexOf(lastWhole) + 1).join('')
}

/** Identity for merging terms across pages: keyOf without middle dots and hyphens ("スプリット・テスト"). */
export const mergeKeyOf = (text: string): string => keyOf(text).replace(/[・･\-‐_]/gu, '')
