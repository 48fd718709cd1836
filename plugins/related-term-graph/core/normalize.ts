/**
 * Folding for mention matching (never for display): labels and texts go through the same function,
 * so spellings a Japanese editor treats as one word meet in one folded form:
 *
 * - Unicode NFKC: full-width Latin → ASCII, half-width katakana → full-width (`ＵＴＭ` = `UTM`, `ｶﾞｲﾄﾞ` = `ガイド`);
 * - hiragana → katakana (`ぽいんと` = `ポイント`);
 * - the long-vowel mark `ー` (and a dash used as one after katakana) is dropped (`ブラウザー` = `ブラウザ`);
 * - middle dots `・` and whitespace next to Japanese script disappear (`ライフ・タイム・バリュー` =
 *   `ライフタイムバリュー`, `UTM コード` = `UTMコード`); between Latin words they become one space;
 * - other hyphen and dash variants fold to `-`;
 * - Latin case is folded in `folded` and kept in `cased` (acronym labels are matched case-sensitively).
 *
 * Every folded UTF-16 unit remembers the range of the original text it came from; a dropped long-vowel
 * mark joins the range of the character before it, so a match on `ブラウザ` wraps the original `ブラウザー`.
 */

/** The character every hyphen and dash variant (other than a long-vowel mark) becomes. */
export const FOLDED_DASH = '-'
const DASH = 0x2d
const SPACE = 0x20
const LONG_VOWEL = 0x30fc

// - ‐ ‑ ‒ – — ― − ﹣ － ˗ ⁃ (ー ｰ are long-vowel marks: see isLongVowel)
const isDash = (code: number): boolean =>
  code === DASH ||
  (code > 0x7f &&
    (code === 0x2d7 ||
      (code >= 0x2010 && code <= 0x2015) ||
      code === 0x2043 ||
      code === 0x2212 ||
      code === 0xfe63 ||
      code === 0xff0d))

// ・ ･ · ‧ ⸱ ∙
const isMiddleDot = (code: number): boolean =>
  code > 0x7f &&
  (code === 0xb7 || code === 0x2027 || code === 0x2219 || code === 0x2e31 || code === 0x30fb || code === 0xff65)

const isLongVowel = (code: number): boolean => code === LONG_VOWEL || code === 0xff70

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

export const isKatakana = (code: number): boolean =>
  (code >= 0x30a1 && code <= 0x30fa) ||
  code === LONG_VOWEL ||
  (code >= 0x31f0 && code <= 0x31ff) ||
  (code >= 0xff66 && code <= 0xff9f)

/** Hiragana, katakana (incl. half-width), CJK ideographs and their compatibility/extension blocks. */
export const isJapaneseScript = (code: number): boolean =>
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

/** Hiragana → katakana (ぁ–ゖ, ゝゞ); everything else unchanged. */
const toKatakana = (code: number): number =>
  (code >= 0x3041 && code <= 0x3096) || code === 0x309d || code === 0x309e ? code + 0x60 : code

export type FoldedText = {
  /** The text as given. */
  original: string
  /** The folded text labels are matched against (Latin lower-cased). */
  folded: string
  /** The same folding with Latin case kept: `cased[i]` is `folded[i]` before lower-casing. */
  cased: string
  /** For each UTF-16 unit of `folded`: where its source starts in the original text. */
  offsets: Uint32Array
  /** For each UTF-16 unit of `folded`: where its source ends (exclusive) in the original text. */
  ends: Uint32Array
}

/** The folding's older shape (`text` = `folded`, `starts` = `offsets`), kept for existing callers. */
export type NormalizedText = FoldedText & { text: string; starts: Uint32Array }

const NO_MAP = new Uint32Array(0)

const grow = <A extends Uint16Array | Uint32Array>(from: A, to: A): A => (to.set(from), to)

/** One UTF-16 unit after NFKC and case: dashes to `-`, spaces, controls and middle dots to a space, kana to katakana. */
const foldCode = (code: number): number => {
  if (code < 0x80) return code === DASH ? DASH : code <= SPACE || code === 0x7f ? SPACE : code
  return isDash(code) ? DASH : isControl(code) || isSpaceCode(code) || isMiddleDot(code) ? SPACE : toKatakana(code)
}

/**
 * Fold a text for matching and keep the map back to the original: `offsets[i]`/`ends[i]` give the original
 * range of `folded[i]`; `originalRange(folded, start, end)` maps a whole match.
 */
export const foldForMatching = (original: string): NormalizedText => fold(original, true)

/** Same as `foldForMatching` (its earlier name). */
export const normalizeText = foldForMatching

/**
 * The scratch space of the folding passes, one entry per UTF-16 unit: one instance reused by every call
 * (folding is synchronous and never nested), so a fold allocates only its exact-size results.
 */
class FoldBuffer {
  lower = new Uint16Array(1024)
  cased = new Uint16Array(1024)
  starts = new Uint32Array(1024)
  ends = new Uint32Array(1024)
  size = 0
  capacity = 1024
  caseDiffers = false
  withMap = false

  reset(length: number, withMap: boolean): this {
    while (this.capacity < length + 16) this.#grow()
    this.size = 0
    this.caseDiffers = false
    this.withMap = withMap
    return this
  }

  emit(lowerCode: number, casedCode: number, start: number, end: number): void {
    const size = this.size
    // A long-vowel mark (or a dash after katakana) is part of the word before it: drop it, widen that unit.
    if (casedCode >= 0x2d && (isLongVowel(casedCode) || isDash(casedCode))) {
      const previous = size > 0 ? (this.lower[size - 1] as number) : SPACE
      if (previous !== SPACE && (isLongVowel(casedCode) || isKatakana(previous))) {
        if (this.withMap) this.ends[size - 1] = end
        return
      }
    }
    if (size === this.capacity) this.#grow()
    const folded = foldCode(lowerCode)
    this.lower[size] = folded
    if (lowerCode === casedCode) this.cased[size] = folded
    else {
      this.cased[size] = foldCode(casedCode)
      this.caseDiffers = true
    }
    if (this.withMap) {
      this.starts[size] = start
      this.ends[size] = end
    }
    this.size = size + 1
  }

  // NFKC can expand a character (e.g. ㍿ → 株式会社).
  #grow(): void {
    this.capacity *= 2
    this.lower = grow(this.lower, new Uint16Array(this.capacity))
    this.cased = grow(this.cased, new Uint16Array(this.capacity))
    this.starts = grow(this.starts, new Uint32Array(this.capacity))
    this.ends = grow(this.ends, new Uint32Array(this.capacity))
  }
}

const SCRATCH = new FoldBuffer()

const fold = (original: string, withMap: boolean): NormalizedText => {
  const length = original.length
  // Pass 1: NFKC, kana and dash folding, one entry per output UTF-16 unit; spaces and middle dots become SPACE.
  const buffer = SCRATCH.reset(length, withMap)
  let index = 0
  while (index < length) {
    const start = index
    const code = original.charCodeAt(index)
    const following = index + 1 < length ? original.charCodeAt(index + 1) : 0
    // Fast path: ASCII, kana and common kanji are NFKC-stable on their own.
    if ((code < 0x80 || isKanaOrKanji(code) || code === LONG_VOWEL) && !joinsPrevious(following)) {
      index++
      buffer.emit(code >= 0x41 && code <= 0x5a ? code + 32 : code, code, start, index)
      continue
    }
    // Gather a base character with the marks that join it, so NFKC can compose ｶﾞ → ガ.
    index += code >= 0xd800 && code <= 0xdbff && following >= 0xdc00 && following <= 0xdfff ? 2 : 1
    while (index < length && joinsPrevious(original.charCodeAt(index))) index++
    const nfkc = original.slice(start, index).normalize('NFKC')
    const lowered = nfkc.toLowerCase()
    // Lower-casing that changes the length (rare: İ) keeps the lower-cased form in both.
    const casedForm = lowered.length === nfkc.length ? nfkc : lowered
    for (let unit = 0; unit < lowered.length; unit++)
      buffer.emit(lowered.charCodeAt(unit), casedForm.charCodeAt(unit), start, index)
  }

  // Pass 2, in place: whitespace runs are dropped next to Japanese script or a dash, else kept as one space.
  const { lower, cased, starts, ends, size, caseDiffers } = buffer
  let kept = 0
  let i = 0
  while (i < size) {
    const code = lower[i] as number
    if (code !== SPACE) {
      lower[kept] = code
      cased[kept] = cased[i] as number
      if (withMap) {
        starts[kept] = starts[i] as number
        ends[kept] = ends[i] as number
      }
      kept++
      i++
      continue
    }
    const runStart = withMap ? (starts[i] as number) : 0
    while (i < size && lower[i] === SPACE) i++
    if (kept === 0 || i === size) continue
    const before = lower[kept - 1] as number
    const after = lower[i] as number
    if (before === DASH || after === DASH || isJapaneseScript(before) || isJapaneseScript(after)) continue
    lower[kept] = SPACE
    cased[kept] = SPACE
    if (withMap) {
      starts[kept] = runStart
      ends[kept] = ends[i - 1] as number
    }
    kept++
  }

  const folded = decode(lower.subarray(0, kept))
  // Most Japanese copy has no capitals: then the cased text is the folded one.
  const casedText = caseDiffers ? decode(cased.subarray(0, kept)) : folded
  const offsets = withMap ? starts.slice(0, kept) : NO_MAP
  const endMap = withMap ? ends.slice(0, kept) : NO_MAP
  return { original, folded, cased: casedText, offsets, ends: endMap, text: folded, starts: offsets }
}

const UTF16 = new TextDecoder('utf-16le')
const decode = (units: Uint16Array): string => (units.length < 64 ? String.fromCharCode(...units) : UTF16.decode(units))

/** A label folded for matching, case kept (`cased`) and lower-cased (`folded`); '' when nothing is left. */
export const foldLabel = (label: string): { folded: string; cased: string } => {
  const { folded, cased } = fold(label, false)
  return { folded, cased }
}

/** The folded (lower-cased) form of a label (term, English name, alias, reading); '' when nothing is left. */
export const normalizeLabel = (label: string): string => fold(label, false).folded

/** Map a range of the folded text back to the original text's range. */
export const originalRange = (
  folded: Pick<FoldedText, 'offsets' | 'ends'>,
  start: number,
  end: number,
): [number, number] => [folded.offsets[start] as number, folded.ends[end - 1] as number]

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
