import { parseBlocks } from './blocks'
import { toPlainText } from './lexical'
import { readName } from './names'
import { collapse, isHeadingLike, isSentence } from './text'
import type { Block } from './types'

/**
 * Multi-term glossary articles: one page, many entries under section headings. An entry heading names
 * the term in Japanese and English on its own line, in the shapes the site uses:
 * "日本語 English :ABBR", "日本語  English :ABBR" (two spaces) and "日本語:English".
 */
export interface EntryHeading {
  japanese: string
  english: string | null
  abbreviation: string | null
}

/** Japanese part: holds a non-ASCII character (its word may end in Latin letters or digits: "物流KPI"), no sentence punctuation or brackets. */
const JAPANESE = '([^:：。、「」()（）]{0,29}[^\\x00-\\x7F:：。、「」()（）][^\\s:：。、「」()（）]{0,10})'
const WITH_ABBREVIATION = new RegExp(
  `^${JAPANESE}\\s{1,2}([A-Za-z][A-Za-z0-9 '&/.+-]*?)\\s*[:：]\\s*([A-Za-z0-9][A-Za-z0-9&/.+-]{0,11})$`,
  'u',
)
const WITH_COLON = new RegExp(`^${JAPANESE}\\s*[:：]\\s*([A-Z][A-Za-z0-9 '&/.+()-]{1,60})$`, 'u')

export const parseEntryHeading = (line: string): EntryHeading | null => {
  if (/^\s*[-‐•・*]/u.test(line)) return null
  const text = collapse(line)
  const spaced = WITH_ABBREVIATION.exec(line.trim().replace(/\s{3,}/g, '  '))
  if (spaced) {
    const abbreviation = spaced[3] ?? ''
    // An abbreviation has a capital or a digit ("3PL", "SKU"); "例: &utm" and "ポイント: tips" do not.
    if (/[A-Z0-9]/.test(abbreviation)) {
      return { japanese: collapse(spaced[1] ?? ''), english: collapse(spaced[2] ?? ''), abbreviation }
    }
  }
  const colon = WITH_COLON.exec(text)
  if (colon && /[A-Za-z]{2}/.test(colon[2] ?? '')) {
    // "在庫管理単位:Stock Keeping Unit (SKU)": the bracket is the abbreviation.
    const english = readName(colon[2] ?? '')
    return { japanese: collapse(colon[1] ?? ''), english: english.name, abbreviation: english.aliases[0] ?? null }
  }
  return null
}

export interface GlossaryArticleEntry {
  heading: string
  name: EntryHeading
  section: string | null
  blocks: Block[]
  text: string
  /** Index of the heading line and the end of its body in the document's lines. */
  start: number
  end: number
}

export interface GlossaryArticle {
  entries: GlossaryArticleEntry[]
  sections: string[]
  /** Lines before the first section or entry (the H1 and the intro sentence). */
  intro: string[]
  rejected: { line: string; reason: string }[]
}

/** Fewest entry headings that make a page a glossary article rather than an article with a labelled line. */
export const MIN_ENTRIES = 3

const isSectionHeading = (text: string, nextIsEntry: boolean): boolean =>
  /^[A-Z]$/.test(text) || (nextIsEntry && isHeadingLike(text) && !isSentence(text))

/** Entries between `from` and `to`; the last entry's body stops at the first footer mark after its heading. */
export const readGlossaryArticle = (
  lines: string[],
  from: number,
  to: number,
  footerMarks: number[],
): GlossaryArticle => {
  const nonBlank = lines
    .map((line, index) => ({ index, raw: line, text: collapse(line) }))
    .filter((line) => line.text !== '' && line.index >= from && line.index < to)
  const headingAt = nonBlank.map((line) => parseEntryHeading(line.raw))
  const sections: string[] = []
  const entries: GlossaryArticleEntry[] = []
  const rejected: GlossaryArticle['rejected'] = []
  const intro: string[] = []
  let section: string | null = null
  let current: { heading: string; name: EntryHeading; section: string | null; start: number } | null = null
  const close = (end: number) => {
    if (!current) return
    const blocks = parseBlocks(lines.slice(current.start + 1, end))
    if (blocks.length === 0)
      rejected.push({ line: current.heading, reason: 'entry heading with no body before the next heading' })
    else
      entries.push({
        heading: current.heading,
        name: current.name,
        section: current.section,
        blocks,
        text: toPlainText(blocks),
        start: current.start,
        end,
      })
    current = null
  }
  for (let p = 0; p < nonBlank.length; p++) {
    const line = nonBlank[p] as (typeof nonBlank)[number]
    const name = headingAt[p]
    if (name) {
      close(line.index)
      current = { heading: line.text, name, section, start: line.index }
      continue
    }
    const nextIsEntry = Boolean(headingAt[p + 1])
    if (isSectionHeading(line.text, nextIsEntry)) {
      close(line.index)
      section = line.text
      sections.push(line.text)
      continue
    }
    if (!current) {
      intro.push(line.text)
      continue
    }
    // The last entry ends where the footer begins.
    const isLast = !headingAt.slice(p + 1).some(Boolean)
    if (isLast && footerMarks.some((mark) => mark === line.index)) {
      close(line.index)
      return { entries, sections, intro, rejected }
    }
  }
  close(to)
  return { entries, sections, intro, rejected }
}
