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

const ABBREVIATION = /^[A-Z][A-Z0-9&.\-]{1,9}$/

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
  const slogan = tokens.slice(at + 1).join(' ').trim()

  const words = split.rest.split(' ')
  let englishEnd = 0
  while (englishEnd < words.length && isAscii(words[englishEnd] ?? '')) englishEnd++
  const english = readName(words.slice(0, englishEnd).join(' '))
  const japanese = readName(words.slice(englishEnd).join(' '))
  if (japanese.name === '' && english.name === '') return null
  return {
    englishName: english.name || null,
    japaneseName: japanese.name || english.name,
    aliases: [...english.aliases, ...japanese.aliases],
    glossary: split.glossary,
    slogan: slogan === '' ? null : slogan,
  }
}

/** The subject of a defining sentence: "クラウドソーシングは、…" → クラウドソーシング. */
export const definitionSubject = (sentence: string): string | null => {
  const match = /^(.{1,60}?)\s*(?:とは|は)\s*[、,，]/u.exec(collapse(sentence))
  return match?.[1]?.trim() || null
}

/** "ターゲットオーディエンス:対象者とは <definition>" → subject and definition (without a trailing "..."). */
export const splitTeaserDefinition = (text: string): { subject: string | null; definition: string } => {
  const collapsed = collapse(text)
  const match = /^(.{1,60}?)\s*とは\s+(\S[\s\S]*)$/u.exec(collapsed)
  const definition = (match ? (match[2] ?? '') : collapsed).replace(/\s*(?:\.{2,}|…+|・{3,})\s*$/u, '').trim()
  return { subject: match?.[1]?.trim() || null, definition }
}
