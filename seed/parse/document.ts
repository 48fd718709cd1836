import { parseBlocks } from './blocks'
import { extractCaseStudies, type RawCaseStudy } from './caseStudies'
import { toPlainText } from './lexical'
import {
  definitionSubject,
  parseTeaserHeader,
  readName,
  splitTeaserDefinition,
  splitTitle,
  type GlossaryLink,
} from './names'
import type { PlaybookBlock } from './playbook'
import type { Segmented } from './segment'
import type { SiteTemplate } from './template'
import { collapse, keyOf, splitSentences } from './text'
import type { Block, Layout } from './types'

/** What one page says, before pages are merged into one corpus. */
export interface DocumentTerm {
  term: string
  aliases: string[]
  glossary: string
  summary: string
  blocks: Block[]
  headings: string[]
  text: string
}

export interface DocumentTeaser {
  term: string
  englishName: string | null
  aliases: string[]
  glossary: string
  /** Text after the glossary's name in the teaser header. */
  glossarySlogan: string | null
  summary: string
}

export interface DocumentItems {
  layout: Layout
  title: string
  term: DocumentTerm | null
  tags: string[]
  teasers: DocumentTeaser[]
  recommendedArticles: number
  cases: RawCaseStudy[]
  playbook: PlaybookBlock | null
  /** Every glossary the page names: its own, footer links, teasers. */
  glossaries: (GlossaryLink & { englishName: string | null })[]
  warnings: string[]
}

export type DocumentResult = { ok: true; items: DocumentItems } | { ok: false; reason: string }

/** Summary: the defining first sentence, and the second too when the first is short. */
const SHORT_SENTENCE = 60

const summaryOf = (blocks: Block[]): { summary: string; firstSentence: string | null } => {
  const paragraph = blocks.find((block): block is Extract<Block, { type: 'paragraph' }> => block.type === 'paragraph')
  const sentences = paragraph ? paragraph.lines.flatMap(splitSentences) : []
  const [first, second] = sentences
  if (!first) return { summary: '', firstSentence: null }
  const summary = [...first].length < SHORT_SENTENCE && second ? `${first}${second}` : first
  return { summary, firstSentence: first }
}

const parseTeasers = (
  seg: Segmented,
  template: SiteTemplate,
  isKnownGlossary: (key: string) => boolean,
): { teasers: DocumentTeaser[]; articles: number } => {
  const teasers: DocumentTeaser[] = []
  let articles = 0
  let chunk: string[] = []
  const flush = (closed: boolean) => {
    const [header, ...rest] = chunk
    chunk = []
    if (!header || !closed) return
    const lines = rest[0] === header ? rest.slice(1) : rest
    const parsed = parseTeaserHeader(header, template.glossaryWord, isKnownGlossary)
    if (!parsed) {
      articles++
      return
    }
    const { subject, definition } = splitTeaserDefinition(lines.join(' '))
    const aliases = [...parsed.aliases]
    if (subject) {
      const subjectName = readName(subject)
      aliases.push(...subjectName.aliases)
      for (const part of subjectName.name.split(/[:：]/u).map((p) => p.trim())) {
        if (part) aliases.push(part)
      }
    }
    teasers.push({
      term: parsed.japaneseName,
      englishName: parsed.englishName,
      aliases,
      glossary: parsed.glossary,
      glossarySlogan: parsed.slogan,
      summary: definition,
    })
  }
  for (const raw of seg.lines.slice(seg.recommendedStart + 1)) {
    const line = collapse(raw)
    if (line === '') continue
    if (line === template.teaserEnd) {
      flush(true)
      continue
    }
    if (template.navigation.includes(line)) {
      flush(false)
      continue
    }
    chunk.push(line)
  }
  flush(false)
  return { teasers, articles }
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

export const readDocument = (
  seg: Segmented,
  template: SiteTemplate,
  isKnownGlossary: (key: string) => boolean,
): DocumentResult => {
  const warnings: string[] = []
  const blocks = parseBlocks(seg.lines.slice(seg.bodyStart, seg.bodyEnd))
  const { cases, warnings: caseWarnings } = extractCaseStudies(blocks, template)
  warnings.push(...caseWarnings)
  const { teasers, articles } = parseTeasers(seg, template, isKnownGlossary)
  const glossaries = [...seg.footerGlossaries]
  const { summary, firstSentence } = summaryOf(blocks)
  const subject = firstSentence ? definitionSubject(firstSentence) : null

  let term: DocumentTerm | null = null
  let title = seg.title ?? ''
  const termFrom = (name: string, glossary: string, extraAliases: string[]): DocumentTerm => {
    const read = readName(name)
    return {
      term: read.name,
      aliases: cleanAliases(read.name, [...read.aliases, ...extraAliases]),
      glossary,
      summary,
      blocks,
      headings: blocks.flatMap((block) => (block.type === 'heading' ? [block.text] : [])),
      text: toPlainText(blocks),
    }
  }

  if (seg.layout === 'titled' && seg.title) {
    const split = splitTitle(seg.title, template.glossaryWord, isKnownGlossary)
    if (split) {
      const subjectAliases = subject ? [subject, ...readName(subject).aliases] : []
      term = termFrom(split.term, split.glossary, subjectAliases)
      glossaries.unshift({ name: split.glossary, slogan: null, englishName: null })
    }
  } else if (subject) {
    const own = seg.footerGlossaries[0]
    if (!own) {
      return {
        ok: false,
        reason: `the page defines "${subject}" but names no glossary (no "…用語集" line after the body)`,
      }
    }
    term = termFrom(subject, own.name, [])
    title = term.term
  } else if (cases.length === 0) {
    return {
      ok: false,
      reason: 'a page without a title line must open with a defining sentence ("<term>は、…") or hold case studies',
    }
  }
  if (term && term.summary === '') warnings.push(`no defining sentence found for "${term.term}"`)

  for (const teaser of teasers) glossaries.push({ name: teaser.glossary, slogan: teaser.glossarySlogan, englishName: null })
  if (!term && cases.length === 0 && teasers.length === 0 && !seg.playbook) {
    warnings.push('article with nothing to import but its tags')
  }
  return {
    ok: true,
    items: {
      layout: seg.layout,
      title: title || (term?.term ?? ''),
      term,
      tags: seg.tags,
      teasers,
      recommendedArticles: articles,
      cases,
      playbook: seg.playbook,
      glossaries,
      warnings,
    },
  }
}
