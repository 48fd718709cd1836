/**
 * Word boundaries for mention matching, read from the original text.
 *
 * Latin: a label edge that is a Latin letter or digit must not touch another one (`AI` is not in `said`).
 * Japanese: where both sides of an edge are Japanese script, the edge must be a word boundary of
 * `Intl.Segmenter('ja', { granularity: 'word' })` (ICU's dictionary segmenter, built into Node).
 *
 * The compound rule: a label that is one whole segment, or a whole run of consecutive segments, counts;
 * a label that starts or ends inside a segment does not. What Node 20's ICU does (tested in
 * `boundaries.test.ts`): `クーポン|コード`, `商品|レビュー`, `宅配|送料`, `ギフト|カード` split, so `クーポン`,
 * `レビュー` and `送料` count inside them and `配送` (straddling `宅配|送料`) does not; `ペンギン`, `タグボート`,
 * `カートリッジ` stay whole, so `ペン`, `タグ`, `カート` do not count inside them.
 *
 * One refinement: for a katakana word it does not know, ICU falls back to cutting the run into pieces
 * (`サブ|スク|リ|プ|ション`, `リ|ピーター`, `ライブ|コ|マース|アプリ`). A piece no word is made of or starts
 * with is a fragment: one starting with ン, ッ, ー or a small kana joins the piece before it (`カス|タマー|サポート`),
 * a lone character joins both sides (`リピーター`, `ライブコマース|アプリ`), so `サブスク` does not count inside
 * `サブスクリプション`.
 */
import { isJapaneseScript, isKatakana } from './normalize'

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' })

/** Latin letters (incl. accented and full-width) and digits: what an English word is made of. */
export const isLatinWordChar = (code: number): boolean =>
  (code >= 0x30 && code <= 0x39) ||
  (code >= 0x41 && code <= 0x5a) ||
  (code >= 0x61 && code <= 0x7a) ||
  (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) ||
  (code >= 0xff10 && code <= 0xff19) ||
  (code >= 0xff21 && code <= 0xff3a) ||
  (code >= 0xff41 && code <= 0xff5a)

const isDigit = (code: number): boolean => (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19)
const isLatinLetter = (code: number): boolean => isLatinWordChar(code) && !isDigit(code)
const isKanji = (code: number): boolean =>
  (code >= 0x3400 && code <= 0x4dbf) ||
  (code >= 0x4e00 && code <= 0x9fff) ||
  (code >= 0xf900 && code <= 0xfaff) ||
  code === 0x3005

// ン ッ ー and small kana (ァィゥェォャュョヮヵヶ, half-width ｧ–ｯ ﾝ ｰ) never start a word.
const NO_WORD_START = /^[ンッーァィゥェォャュョヮヵヶｧ-ｯﾝｰ]/
/** A piece that cannot start a word continues the one before it. */
const continuesPrevious = (piece: string): boolean => NO_WORD_START.test(piece)
/** A lone character is no word either: it could belong to either side. */
const isLone = (piece: string): boolean => piece.length === 1 && !continuesPrevious(piece)

const isHiragana = (code: number): boolean => code >= 0x3041 && code <= 0x309f

/**
 * Between two hiragana (`ぽいんと|が`, `この|くーぽん`), a word boundary is where a particle or the verb
 * する follows the word, or a particle precedes it; `ぺん|ぎん` and `ゆーざ|びりてぃ` are not boundaries.
 * Tested on the two characters around the edge: the one before, the one after.
 */
const PARTICLE_EDGE = /^(?:[ぁ-ゟ][がをにはのでともへやかしすさせだなねよ]|[のをにはがとでもへやかねよ][ぁ-ゟ])$/u

const isJapanese = (code: number): boolean => isJapaneseScript(code) || code === 0x30fc || code === 0xff70

/**
 * The word boundaries of one text, computed lazily per run of Japanese script (the segmenter's
 * work is proportional to what is asked, not to the whole text).
 */
export class WordBoundaries {
  readonly #text: string
  /** run start → boundary offsets inside that run (absolute). */
  readonly #runs = new Map<number, Set<number>>()

  constructor(text: string) {
    this.#text = text
  }

  /** Whether a match may start at `start`. */
  startsWord(start: number): boolean {
    if (start <= 0) return true
    return this.#isBoundary(start, this.#text.charCodeAt(start - 1), this.#text.charCodeAt(start))
  }

  /** Whether a match may end at `end` (exclusive). */
  endsWord(end: number): boolean {
    if (end >= this.#text.length) return true
    return this.#isBoundary(end, this.#text.charCodeAt(end - 1), this.#text.charCodeAt(end))
  }

  /**
   * Whether a kanji label whose one edge fails (`保証` in `保証書`, `決済` in `未決済`) is still a word of
   * its compound: a kanji compound is made of kanji words, so a label that is the head or the tail of one
   * segment counts, as long as no segment boundary lies inside the label itself. A label crossing a
   * boundary straddles two words (`京都` in `東京|都`, `売上` in `販売|上`) and never counts.
   */
  kanjiAffix(start: number, end: number): boolean {
    const text = this.#text
    for (let i = start; i < end; i++) if (!isKanji(text.charCodeAt(i))) return false
    if (end - start < 2) return false
    const startOk = this.startsWord(start)
    const endOk = this.endsWord(end)
    if (startOk === endOk) return false
    const edge = startOk ? end : start
    if (!isKanji(text.charCodeAt(edge - 1)) || !isKanji(text.charCodeAt(edge))) return false
    const boundaries = this.#japaneseBoundaries(start)
    for (let i = start + 1; i < end; i++) if (boundaries.has(i)) return false
    return true
  }

  #isBoundary(at: number, before: number, after: number): boolean {
    // A version or model number after a word starts a new token (`API2.0`, `iPhone15`).
    if (isLatinLetter(before) && isDigit(after)) return true
    if (isLatinWordChar(before) && isLatinWordChar(after)) return false
    if (!isJapanese(before) || !isJapanese(after)) return true
    // Katakana against kanji or hiragana is a change of script: ICU always cuts there (`クーポン|券`, `ペン|先`).
    if (isKatakana(before) !== isKatakana(after)) return true
    // Between two hiragana, ICU cuts unknown words (a loanword spelt in hiragana) into pieces: a particle decides.
    if (isHiragana(before) && isHiragana(after)) return PARTICLE_EDGE.test(this.#text.slice(at - 1, at + 1))
    return this.#japaneseBoundaries(at).has(at)
  }

  #japaneseBoundaries(at: number): Set<number> {
    const text = this.#text
    let start = at
    while (start > 0 && isJapanese(text.charCodeAt(start - 1))) start--
    const cached = this.#runs.get(start)
    if (cached) return cached
    let end = at
    while (end < text.length && isJapanese(text.charCodeAt(end))) end++
    const boundaries = segmentRun(text.slice(start, end), start)
    this.#runs.set(start, boundaries)
    return boundaries
  }
}

/** ICU's boundaries inside one run of Japanese script, with the katakana refinement above. */
const segmentRun = (run: string, offset: number): Set<number> => {
  const pieces: { start: number; text: string }[] = []
  for (const { segment, index } of segmenter.segment(run)) pieces.push({ start: index, text: segment })
  const boundaries = new Set<number>()
  let i = 0
  while (i < pieces.length) {
    let j = i
    while (j < pieces.length && allKatakana(pieces[j]!.text)) j++
    if (j === i) {
      boundaries.add(offset + pieces[i]!.start)
      i++
      continue
    }
    // A stretch of consecutive all-katakana pieces: fragments join their neighbours.
    for (let k = i; k < j; k++) {
      const piece = pieces[k]!.text
      const joinsBefore = k > i && (continuesPrevious(piece) || isLone(piece) || isLone(pieces[k - 1]!.text))
      if (!joinsBefore) boundaries.add(offset + pieces[k]!.start)
    }
    i = j
  }
  boundaries.add(offset + run.length)
  return boundaries
}

const allKatakana = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (!isKatakana(text.charCodeAt(i))) return false
  return text.length > 0
}

// URLs (with a scheme or www.), e-mail addresses and bare host names: nothing inside them is a mention.
const URL_LIKE =
  /(?:[a-z][a-z0-9+.-]*:\/\/(?:[-\p{L}\p{N}]+\.)*[-\p{L}\p{N}]+[-A-Za-z0-9._~:/?#[\]@!$&'()*+,;=%]*|\/\/(?:[-A-Za-z0-9]+\.)+[A-Za-z]{2,}[-A-Za-z0-9._~:/?#[\]@!$&'()*+,;=%]*|\bwww\.[-A-Za-z0-9._~:/?#[\]@!$&'()*+,;=%]+)|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|\b(?:[A-Za-z0-9-]+\.)+(?:com|net|org|jp|io|co|shop|store|example|dev|app|info|biz)\b(?:\/[-A-Za-z0-9._~:/?#[\]@!$&'()*+,;=%]*)?/giu

/** Ranges [start, end) of URLs, e-mail addresses and host names in a text (empty when there are none). */
export const urlRanges = (text: string): [number, number][] => {
  // Cheap pre-check: most sentences hold none.
  if (!text.includes('.') && !text.includes('@')) return []
  const out: [number, number][] = []
  URL_LIKE.lastIndex = 0
  for (let m = URL_LIKE.exec(text); m; m = URL_LIKE.exec(text)) {
    let end = m.index + m[0].length
    // Non-ASCII path segments (`/ランプ/セール`): a segment right after a slash belongs to the URL when it runs
    // up to another delimiter, white space or the end of the text (not when Japanese prose follows a path).
    while (text.charCodeAt(end - 1) === 0x2f || (end > m.index && /[^\x00-\x7f]/.test(text[end] ?? ''))) {
      const rest = /^[^\s/?#。、「」（）『』！？]+/.exec(text.slice(end))
      if (!rest) break
      const after = text[end + rest[0].length]
      if (after !== undefined && !/[\s/?#]/.test(after)) break
      end += rest[0].length
      const more = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*/.exec(text.slice(end))
      end += more ? more[0].length : 0
      if (text.charCodeAt(end - 1) !== 0x2f) break
    }
    out.push([m.index, end])
    URL_LIKE.lastIndex = Math.max(URL_LIKE.lastIndex, end)
  }
  return out
}
