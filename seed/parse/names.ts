import { collapse, isAscii, keyOf } from './text'

/**
 * Reading names out of lines: glossary links ("オムニチャネル コマース用語集"), title lines
 * ("<term> <glossary>"), teaser headers ("<English> <Japanese> <glossary> 用語集 <slogan>") and
 * the bracketed notes beside a name ("(PII)", "(旧称 Twitter)").
 */

export interface GlossaryLink {
  /** The glossary's name with the space before the glossary word dropped: "コンポーザブルコマース用語集". */
  name: string
  /** Text after the glossary word ("オムニチャネルコマースでの活用方法を踏まえて"), if any. */
  slogan: string | null
}

/** The spelling used for a glossary name: whitespace collapsed, none before the glossary word. */
export const glossaryName = (prefix: string, word: string): string => `${collapse(prefix)}${word}`

/** A line that links to a glossary: "<name> 用語集 [slogan]", with no sentence punctuation in the name. */
export const parseGlossaryLink = (line: string, word: string): GlossaryLink | null => {
  const text = collapse(line)
  const at = text.indexOf(word)
  if (at <= 0) return null
  const after = text.slice(at + word.length)
  if (after !== '' && !after.startsWith(' ')) return null
  const prefix = text.slice(0, at).trim()
  if (prefix === '' || [...prefix].length > 40 || /[。、「」『』!?！？]/u.test(prefix)) return null
  const slogan = after.trim()
  return { name: glossaryName(prefix, word), slogan: slogan === '' ? null : slogan }
}

/**
 * Splits "<words…> <glossary> 用語集" into the words before and the glossary's name. The glossary is
 * the longest run of trailing words that names a known glossary, else the last word.
 */
export const splitGlossarySuffix = (
  beforeWord: string,
  word: string,
  isKnownGlossary: (key: string) => boolean,
): { rest: string; glossary: string } | null => {
  const tokens = collapse(beforeWord).split(' ').filter(Boolean)
  if (tokens.length === 0) return null
  let take = 1
  for (let n = tokens.length; n >= 1; n--) {
    if (isKnownGlossary(keyOf(tokens.slice(-n).join('') + word))) {
      take = n
      break
    }
  }
  return { rest: tokens.slice(0, -take).join(' '), glossary: glossaryName(tokens.slice(-take).join(' '), word) }
}

/** A title line "<term> <glossary>用語集": the term and the glossary, or null when no glossary is named. */
export const splitTitle = (
  title: string,
  word: string,
  isKnownGlossary: (key: string) => boolean,
): { term: string; glossary: string } | null => {
  const text = collapse(title)
  if (!text.endsWith(word)) return null
  const split = splitGlossarySuffix(text.slice(0, -word.length), word, isKnownGlossary)
  if (!split || split.rest === '') return null
  return { term: split.rest, glossary: split.glossary }
}

/** Capitals and digits with at least one capital: "PII", "3PL", "B2B", "D2C" (not a year: "2006"). */
const ABBREVIATION = /^(?=[0-9&.-]*[A-Z])[A-Z0-9][A-Z0-9&.-]{1,9}$/

/** What the brackets beside a name say: an abbreviation ("(PII)") or a former name ("(旧称 Twitter)"). */
export interface NameParts {
  name: string
  aliases: string[]
}

/**
 * Reads a name with bracketed notes: "Net Promoter Score (NPS)" → name + alias NPS;
 * "X (旧称 Twitter) ハンドル" → "X/Twitter ハンドル" with aliases "X ハンドル", "Twitter ハンドル".
 */
export const readName = (raw: string): NameParts => {
  const text = collapse(raw)
  const former = /^(.*?)\s*[(（]\s*(?:旧称|旧名|旧|formerly)\s*[:：]?\s*([^)）]+?)\s*[)）]\s*(.*)$/iu.exec(text)
  if (former) {
    const [, current = '', old = '', rest = ''] = former
    const tail = rest ? ` ${rest}` : ''
    return { name: `${current}/${old}${tail}`, aliases: [`${current}${tail}`, `${old}${tail}`] }
  }
  const aliases: string[] = []
  const name = collapse(
    text.replace(/\s*[(（]\s*([^)）]+?)\s*[)）]/gu, (match, inner: string) => {
      if (ABBREVIATION.test(inner)) {
        aliases.push(inner)
        return ''
      }
      return match
    }),
  )
  return { name: name || text, aliases }
}

export interface TeaserHeader {
  englishName: string | null
  japaneseName: string
  aliases: string[]
  glossary: string
  slogan: string | null
}

/**
 * A teaser header: "Data Warehouse データウェアハウス 顧客デジタルエクスペリエンス 用語集 <slogan>".
 * English words come first; then the Japanese name; then the glossary. Null when no glossary is named.
 */
export const parseTeaserHeader = (
  line: string,
  word: string,
  isKnownGlossary: (key: string) => boolean,
): TeaserHeader | null => {
  const tokens = collapse(line).split(' ')
  const at = tokens.findIndex((token) => token.endsWith(word))
  if (at < 0) return null
  const glossaryToken = tokens[at] ?? ''
  const before = [...tokens.slice(0, at), glossaryToken.slice(0, -word.length)].filter(Boolean).join(' ')
  const split = splitGlossarySuffix(before, word, isKnownGlossary)
  if (!split || split.rest === '') return null
  const slogan = tokens
    .slice(at + 1)
    .join(' ')
    .trim()

  const name = splitBilingualName(split.rest)
  if (name.japaneseName === '') return null
  return { ...name, glossary: split.glossary, slogan: slogan === '' ? null : slogan }
}

/** The subject of a sentence shaped "<subject>は、…": "クラウドソーシングは、…" → クラウドソーシング. */
export const definitionSubject = (sentence: string): string | null => {
  const match = /^(.{1,60}?)\s*(?:とは|は)\s*[、,，]/u.exec(collapse(sentence))
  return match?.[1]?.trim() || null
}

/** A predicate in the past ("…になりました。", "…でした。"): the sentence tells what happened. */
const PAST_PREDICATE = /(?:ました|でした|だった|かった|した)[。．！!]?$/u
/** Wording that defines whatever the tense ("…のことで、2006年に広まりました。"). */
const DEFINING_WORDS = /のこと|を指し|を指す|を意味|と呼ば|とは/u

/** A sentence that narrates (a blog or customer-voice opening) instead of saying what its subject is. */
export const isNarration = (sentence: string): boolean => {
  const text = collapse(sentence)
  return PAST_PREDICATE.test(text) && !DEFINING_WORDS.test(text)
}

/** The subject a defining sentence defines: "<subject>は、…です。", never a narration's subject. */
export const definedSubject = (sentence: string): string | null =>
  isNarration(sentence) ? null : definitionSubject(sentence)

/** "ターゲットオーディエンス:対象者とは <definition>" → subject and definition (without a trailing "..."). */
export const splitTeaserDefinition = (text: string): { subject: string | null; definition: string } => {
  const collapsed = collapse(text)
  const match = /^(.{1,60}?)\s*とは\s+(\S[\s\S]*)$/u.exec(collapsed)
  const definition = (match ? (match[2] ?? '') : collapsed).replace(/\s*(?:\.{2,}|…+|・{3,})\s*$/u, '').trim()
  return { subject: match?.[1]?.trim() || null, definition }
}

/** A single English word that can stand as a name by itself: letters only, not a bare acronym ("UTM"). */
const isStandaloneEnglishWord = (word: string): boolean =>
  /^[A-Za-z][A-Za-z'-]{3,}$/.test(word) && word !== word.toUpperCase()

/**
 * Splits "<English name> (<ABBR>) <Japanese name>" (either part optional) into its parts. The English
 * part is the leading run of ASCII words; one ASCII word alone only counts when it reads as a word
 * ("Influencer"), so "UTM コード" stays one Japanese name.
 */
export const splitBilingualName = (
  raw: string,
): { englishName: string | null; japaneseName: string; aliases: string[] } => {
  const words = collapse(raw).split(' ').filter(Boolean)
  let englishEnd = 0
  while (englishEnd < words.length && isAscii(words[englishEnd] ?? '')) englishEnd++
  const englishWords = words.slice(0, englishEnd).filter((w) => !/^[(（].*[)）]$/u.test(w))
  const japaneseLeft = englishEnd < words.length
  const englishOk =
    englishEnd > 0 &&
    (!japaneseLeft ||
      englishWords.length >= 2 ||
      englishWords.some((w) => isStandaloneEnglishWord(w)) ||
      words.slice(0, englishEnd).some((w) => /^[(（]/u.test(w)))
  if (!englishOk) {
    const whole = readName(words.join(' '))
    return { englishName: null, japaneseName: whole.name, aliases: whole.aliases }
  }
  const english = readName(words.slice(0, englishEnd).join(' '))
  const japanese = readName(words.slice(englishEnd).join(' '))
  return {
    englishName: english.name || null,
    japaneseName: japanese.name || english.name,
    aliases: [...english.aliases, ...japanese.aliases],
  }
}

/** The name a definition heading introduces: "顧客生涯価値額とは" / "スプリットテストとは何ですか" → the name. */
export const definitionHeadingName = (heading: string): string | null => {
  const match = /^(.{1,40}?)\s*とは(?:\s*何(?:ですか|でしょうか)?)?\s*[?？]?$/u.exec(collapse(heading))
  return match?.[1]?.trim() || null
}

/**
 * Other names a body gives its term: 「〇〇」とも呼ばれます, and the brackets right after the name
 * in a sentence ("顧客生涯価値(CLV)は" / "(Customer Lifetime Value:CLV)").
 */
export const namesStatedInBody = (text: string, names: string[]): { aliases: string[]; englishName: string | null } => {
  const aliases: string[] = []
  let englishName: string | null = null
  for (const match of text.matchAll(/「([^」]{1,30})」\s*(?:とも|と)(?:呼ばれ|言われ|いわれ|略され)/gu))
    aliases.push(collapse(match[1] ?? ''))
  for (const name of names.filter(Boolean)) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s*')
    const bracket = new RegExp(`${escaped}\\s*[(（]([^)）]{1,60})[)）]`, 'u').exec(text)
    if (!bracket) continue
    for (const part of (bracket[1] ?? '').split(/[:：、,，/]/u).map((p) => p.trim())) {
      if (ABBREVIATION.test(part)) aliases.push(part)
      else if (isAscii(part) && /^[A-Za-z][A-Za-z '-]+$/.test(part) && part.includes(' ')) englishName ??= part
    }
  }
  return { aliases, englishName }
}

/** Drops aliases that only repeat the name (ignoring spaces and width) and duplicates. */
export const cleanAliases = (name: string, aliases: string[], englishName: string | null = null): string[] => {
  const seen = new Set([keyOf(name), ...(englishName ? [keyOf(englishName)] : [])])
  const kept: string[] = []
  for (const alias of aliases.map(collapse)) {
    const key = keyOf(alias)
    if (!alias || seen.has(key)) continue
    seen.add(key)
    kept.push(alias)
  }
  return kept
}
