/**
 * 五十音 / A–Z index keys. A term files under the row of its reading's first kana (が → か, ぱ → は, small
 * kana → large, katakana → hiragana), else under the first Latin letter of its headword, else under others.
 */

/** The ten rows, in order, with the (plain, large) hiragana each one holds. */
export const KANA_ROWS = [
  ['あ', 'あいうえお'],
  ['か', 'かきくけこ'],
  ['さ', 'さしすせそ'],
  ['た', 'たちつてと'],
  ['な', 'なにぬねの'],
  ['は', 'はひふへほ'],
  ['ま', 'まみむめも'],
  ['や', 'やゆよ'],
  ['ら', 'らりるれろ'],
  ['わ', 'わゐゑをん'],
] as const

export type IndexGroupKey = (typeof KANA_ROWS)[number][0] | Uppercase<string> | 'other'

const ROW_OF = new Map<string, string>()
for (const [row, kana] of KANA_ROWS) for (const char of kana) ROW_OF.set(char, row)

// Small kana and their large forms (ゕゖ are small か け).
const SMALL = 'ぁぃぅぇぉっゃゅょゎゕゖ'
const LARGE = 'あいうえおつやゆよわかけ'

/** The first character, folded: NFKC, katakana → hiragana, voiced marks dropped, small → large. */
export const foldInitial = (text: string): string => {
  const first = [...text.normalize('NFKC').trim()][0] ?? ''
  let code = first.codePointAt(0) ?? 0
  if (code >= 0x30a1 && code <= 0x30f6) code -= 0x60
  // ヷ ヸ ヹ ヺ (voiced わ row): their plain forms.
  else if (code >= 0x30f7 && code <= 0x30fa) code = 'わゐゑを'.codePointAt(code - 0x30f7)!
  const plain = String.fromCodePoint(code)
    .normalize('NFD')
    .replace(/[\u3099\u309a]/g, '')
    .normalize('NFC')
  const small = SMALL.indexOf(plain)
  return small === -1 ? plain : LARGE[small]!
}

/** The index group of a term: its reading's kana row, else its headword's Latin letter, else 'other'. */
export const groupOf = (term: string, reading: string | undefined): IndexGroupKey => {
  for (const source of [reading, term]) {
    if (!source) continue
    const row = ROW_OF.get(foldInitial(source))
    if (row) return row as IndexGroupKey
  }
  const letter = foldInitial(term).toUpperCase()
  return /^[A-Z]$/.test(letter) ? (letter as IndexGroupKey) : 'other'
}

export const GROUP_ORDER: IndexGroupKey[] = [
  ...KANA_ROWS.map(([row]) => row),
  ...Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i) as IndexGroupKey),
  'other',
]

const collator = new Intl.Collator('ja', { sensitivity: 'base', numeric: true })

export type IndexEntryInput<T> = { term: string; reading?: string; value: T }

/** Every group in 五十音, A–Z, other order (empty ones too, so a storefront can show the whole bar), entries sorted by reading. */
export const groupByGojuon = <T>(entries: IndexEntryInput<T>[]): { key: IndexGroupKey; entries: T[] }[] => {
  const groups = new Map<IndexGroupKey, IndexEntryInput<T>[]>(GROUP_ORDER.map((key) => [key, []]))
  for (const entry of entries) groups.get(groupOf(entry.term, entry.reading))!.push(entry)
  return GROUP_ORDER.map((key) => ({
    key,
    entries: groups
      .get(key)!
      .sort((a, b) => collator.compare(a.reading || a.term, b.reading || b.term) || collator.compare(a.term, b.term))
      .map((entry) => entry.value),
  }))
}
