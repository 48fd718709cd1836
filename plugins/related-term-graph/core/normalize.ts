/**
 * Text normalisation for mention matching: labels and texts go through the same
 * function, so `ＵＴＭ コード`, `utm-コード` and `UTMコード` all become `utmコ-ド`.
 *
 * - Unicode NFKC (full-width Latin → ASCII, half-width katakana → full-width);
 * - lower case (case-insensitive Latin);
 * - the long-vowel mark, hyphen/dash variants and middle dots fold to one character (`-`);
 * - whitespace next to Japanese script or a folded dash/dot is dropped
 *   (`UTM コード` = `UTMコード`, `ネット プロモーター スコア` = `ネットプロモータースコア`);
 *   other whitespace runs (and control characters) become one space (`Net  Promoter` = `Net Promoter`).
 *
 * Every normalised character remembers the range of the original text it came from,
 * so matches found in the normalised text map back to the original for evidence and links.
 */

/** The character every long-vowel mark, hyphen, dash and middle-dot variant becomes. */
export const FOLDED_DASH = '-'
const DASH = 0x2d
const SPACE = 0x20

// ー ｰ - ‐ ‑ ‒ – — ― − ﹣ － ˗ ⁃ and middle dots ・ ･ · ‧ ⸱ ∙
const isDashOrDot = (code: number): boolean =>
  code === DASH ||
  (code > 0x7f &&
    (code === 0xb7 ||
      code === 0x2d7 ||
      (code >= 0x2010 && code <= 0x2015) ||
      code === 0x2027 ||
      code === 0x2043 ||
      code === 0x2212 ||
      code === 0x2219 ||
      code === 0x2e31 ||
      code === 0x30fb ||
      code === 0x30fc ||
      code === 0xfe63 ||
      code === 0xff0d ||
      code === 0xff65 ||
      code === 0xff70))

const MARK = /^[\p{M}]$/u

/** Marks that join the previous character (combining marks, half-width (semi-)voiced sound marks). */
const joinsPrevious = (code: number): boolean => {
  if (code < 0x300) return false
  // Japanese blocks first (the common case), without a regex.
  if (code >= 0x3040 && code <= 0x30ff) return code === 0x3099 || code === 0x309a
  if (code >= 0x4e00 && code <= 0x9fff) return false
  if (code >= 0xff00 && code <= 0xffef) return code === 0xff9e || code === 0xff9f
  if (code >= 0x3000 && code <= 0x303f) return code >= 0x302a && code <= 0x302f
  return MARK.test(String.fromCharCode(code))
}

const isKanaOrKanji = (code: number): boolean =>
  (code >= 0x3041 && code <= 0x3096) || (code >= 0x30a1 && code <= 0x30fa) || (code >= 0x4e00 && code <= 0x9fff)

/** Hiragana, katakana (incl. half-width), CJK ideographs and their compatibility/extension blocks. */
const isJapaneseScript = (code: number): boolean =>
  (code >= 0x3005 && code <= 0x3007) ||
  (code >= 0x3040 && code <= 0x30ff) ||
  (code >= 0x31f0 && code <= 0x31ff) ||
  (code >= 0x3400 && code <= 0x4dbf) ||
  (code >= 0x4e00 && code <= 0x9fff) ||
  (code >= 0xf900 && code <= 0xfaff) ||
  (code >= 0xff66 && code <= 0xff9f)

// What `\s` matches: ASCII whitespace, NEL, NBSP, U+1680, U+2000–U+200A, line/paragraph separators, U+202F, U+205F, U+3000, BOM.
const isSpaceCode = (code: number): boolean =>
  code === SPACE ||
  (code >= 0x09 && code <= 0x0d) ||
  (code > 0x7f &&
    (code === 0x85 ||
      code === 0xa0 ||
      code === 0x1680 ||
      (code >= 0x2000 && code <= 0x200a) ||
      code === 0x2028 ||
      code === 0x2029 ||
      code === 0x202f ||
      code === 0x205f ||
      code === 0x3000 ||
      code === 0xfeff))

const isControl = (code: number): boolean => code < 0x20 || (code >= 0x7f && code <= 0x9f)

export type NormalizedText = {
  /** The normalised text that labels are matched against. */
  text: string
  /** For each UTF-16 unit of `text`: where its source starts in the original text. */
  starts: Uint32Array
  /** For each UTF-16 unit of `text`: where its source ends (exclusive) in the original text. */
  ends: Uint32Array
}

/** Normalise a text and keep the map back to the original. */
export const normalizeText = (original: string): NormalizedText => normalize(original, true)

const NO_MAP = new Uint32Array(0)

const normalize = (original: string, withMap: boolean): NormalizedText => {
  const length = original.length
  // Pass 1: NFKC + lower case + dash folding, one entry per output UTF-16 unit; spaces become SPACE.
  let capacity = length + 16
  let codes = new Uint16Array(capacity)
  let starts = withMap ? new Uint32Array(capacity) : NO_MAP
  let ends = withMap ? new Uint32Array(capacity) : NO_MAP
  let size = 0
  const emit = (code: number, start: number, end: number) => {
    if (size === capacity) {
      // NFKC can expand a character (e.g. ㍿ → 株式会社): grow.
      capacity *= 2
      const grow = <A extends Uint16Array | Uint32Array>(from: A, to: A): A => (to.set(from), to)
      codes = grow(codes, new Uint16Array(capacity))
      if (withMap) {
        starts = grow(starts, new Uint32Array(capacity))
        ends = grow(ends, new Uint32Array(capacity))
      }
    }
    codes[size] = isDashOrDot(code) ? DASH : isControl(code) || isSpaceCode(code) ? SPACE : code
    if (withMap) {
      starts[size] = start
      ends[size] = end
    }
    size++
  }

  let index = 0
  while (index < length) {
    const start = index
    const code = original.charCodeAt(index)
    const following = index + 1 < length ? original.charCodeAt(index + 1) : 0
    // Fast path: ASCII, kana and common kanji are NFKC-stable on their own.
    if ((code < 0x80 || isKanaOrKanji(code)) && !joinsPrevious(following)) {
      index++
      emit(code >= 0x41 && code <= 0x5a ? code + 32 : code, start, index)
      continue
    }
    // Gather a base character with the marks that join it, so NFKC can compose ｶﾞ → ガ.
    index += code >= 0xd800 && code <= 0xdbff && following >= 0xdc00 && following <= 0xdfff ? 2 : 1
    while (index < length && joinsPrevious(original.charCodeAt(index))) index++
    const cluster = original.slice(start, index).normalize('NFKC').toLowerCase()
    for (let unit = 0; unit < cluster.length; unit++) emit(cluster.charCodeAt(unit), start, index)
  }

  // Pass 2, in place: whitespace runs are dropped next to Japanese script or a dash/dot, else kept as one space.
  let kept = 0
  let i = 0
  while (i < size) {
    const code = codes[i] as number
    if (code !== SPACE) {
      codes[kept] = code
      if (withMap) {
        starts[kept] = starts[i] as number
        ends[kept] = ends[i] as number
      }
      kept++
      i++
      continue
    }
    const runStart = withMap ? (starts[i] as number) : 0
    while (i < size && codes[i] === SPACE) i++
    if (kept === 0 || i === size) continue
    const before = codes[kept - 1] as number
    const after = codes[i] as number
    if (before === DASH || after === DASH || isJapaneseScript(before) || isJapaneseScript(after)) continue
    codes[kept] = SPACE
    if (withMap) {
      starts[kept] = runStart
      ends[kept] = ends[i - 1] as number
    }
    kept++
  }

  const text = decode(codes.subarray(0, kept))
  return withMap ? { text, starts: starts.subarray(0, kept), ends: ends.subarray(0, kept) } : { text, starts: NO_MAP, ends: NO_MAP }
}

const UTF16 = new TextDecoder('utf-16le')
const decode = (units: Uint16Array): string => (units.length < 64 ? String.fromCharCode(...units) : UTF16.decode(units))

/** The normalised form of a label (term, English name, alias); '' when nothing is left. */
export const normalizeLabel = (label: string): string => normalize(label, false).text

/** Map a range of the normalised text back to the original text's range. */
export const originalRange = (normalized: NormalizedText, start: number, end: number): [number, number] => [
  normalized.starts[start] as number,
  normalized.ends[end - 1] as number,
]

/**
 * Hiragana folded to katakana (ぁ–ゖ → ァ–ヶ, ゝゞ → ヽヾ), one UTF-16 unit for one, so a map from
 * `normalizeText` stays valid: `いんふる` and `インフル` meet. Search applies it after `normalizeLabel`.
 */
export const foldKana = (text: string): string => {
  let out = ''
  let from = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if ((code >= 0x3041 && code <= 0x3096) || code === 0x309d || code === 0x309e) {
      out += text.slice(from, index) + String.fromCharCode(code + 0x60)
      from = index + 1
    }
  }
  return from === 0 ? text : out + text.slice(from)
}
