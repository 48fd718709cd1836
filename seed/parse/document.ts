import { parseBlocks } from './blocks'
import { extractCaseStudies, type RawCaseStudy } from './caseStudies'
import { MIN_ENTRIES, readGlossaryArticle } from './glossaryArticle'
import { toPlainText } from './lexical'
import {
  cleanAliases,
  definedSubject,
  definitionHeadingName,
  definitionSubject,
  namesStatedInBody,
  parseGlossaryLink,
  parseTeaserHeader,
  readName,
  splitTeaserDefinition,
  type GlossaryLink,
} from './names'
import type { PlaybookBlock } from './playbook'
import type { Segmented } from './segment'
import type { SiteTemplate } from './template'
import { collapse, isCutOffLine, keyOf, splitSentences, toLastWholeSentence } from './text'
import { RANK } from './terms'
import type { Block, DocumentExplanation, Family, Layout } from './types'

/** A term as one page gives it, before pages are merged into one corpus. */
export interface DocumentTerm {
  term: string
  englishName: string | null
  aliases: string[]
  /** The glossary's name as the page writes it, or null when the page names none. */
  glossary: string | null
  summary: string
  blocks: Block[] | null
  headings: string[]
  text: string
  rank: number
  excerpt: boolean
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
  family: Family
  title: string
  /** The page's own term (single-term pages). */
  term: DocumentTerm | null
  /** Terms of a glossary article's entries or a listing's headings. */
  entries: DocumentTerm[]
  tags: string[]
  teasers: DocumentTeaser[]
  recommendedArticles: number
  cases: RawCaseStudy[]
  playbook: PlaybookBlock | null
  /** Every glossary the page names: its own, footer links, teasers. */
  glossaries: (GlossaryLink & { englishName: string | null })[]
  /** Other names of the page's glossary (an H1 that differs from the title line). */
  glossaryAliases: string[]
  warnings: string[]
  explanation: Omit<DocumentExplanation, 'file'>
}

/** The body part of a page's own term: its text in every form the corpus needs, ranked as a full page unless cut off. */
const pageBody = (blocks: Block[], summary: string, cut: boolean) => ({
  summary,
  blocks,
  headings: headingsOf(blocks),
  text: toPlainText(blocks),
  rank: cut ? RANK.cutOff : RANK.page,
  excerpt: cut,
})

/** What a page holds when it gives only what `items` names (a listing's entries, or nothing at all). */
export const pageItems = (
  items: Pick<DocumentItems, 'family' | 'explanation'> & Partial<DocumentItems>,
): DocumentItems => ({
  layout: 'untitled',
  title: '',
  term: null,
  entries: [],
  tags: [],
  teasers: [],
  recommendedArticles: 0,
  cases: [],
  playbook: null,
  glossaries: [],
  glossaryAliases: [],
  warnings: [],
  ...items,
})

/** Summary: the defining first sentence, and the second too when the first is short. */
const SHORT_SENTENCE = 60

export const summaryOf = (blocks: Block[], cutOff = false): { summary: string; firstSentence: string | null } => {
  const paragraph = blocks.find((block): block is Extract<Block, { type: 'paragraph' }> => block.type === 'paragraph')
  const lines = paragraph?.lines ?? []
  const sentences = cutOff ? splitSentences(toLastWholeSentence(lines.join(''))) : lines.flatMap(splitSentences)
  const [first, second] = sentences
  if (!first) return { summary: '', firstSentence: null }
  const summary = [...first].length < SHORT_SENTENCE && second ? `${first}${second}` : first
  return { summary, firstSentence: first }
}

const headingsOf = (blocks: Block[]) => blocks.flatMap((block) => (block.type === 'heading' ? [block.text] : []))

const parseTeasers = (
  seg: Segmented,
  template: SiteTemplate,
  isKnownGlossary: (key: string) => boolean,
  cutOff: boolean,
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
      for (const part of subjectName.name.split(/[:：]/u).map((p) => p.trim())) if (part) aliases.push(part)
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
  // A cut-off dump keeps the teaser it stopped in.
  flush(cutOff)
  return { teasers, articles }
}

/** "ターゲットオーディエンス:対象者" / "個人を特定できる情報 (PII)": each spelling, without brackets. */
const variantNames = (variant: string): string[] =>
  variant.split(/[:：]/u).flatMap((part) => {
    const read = readName(part)
    return read.name ? [read.name, ...read.aliases] : []
  })

/** The last non-blank line of the page ends mid-sentence. */
const cutOffAt = (lines: string[]): number => {
  for (let i = lines.length - 1; i >= 0; i--) {
    if ((lines[i] ?? '').trim() === '') continue
    return isCutOffLine(lines[i] ?? '') ? i : -1
  }
  return -1
}

/** The blocks up to the next heading after the first: where a page states its term's other names. */
const openingText = (blocks: Block[]): string => {
  const firstHeading = blocks.findIndex((block, index) => index > 1 && block.type === 'heading')
  return toPlainText(firstHeading < 0 ? blocks : blocks.slice(0, firstHeading))
}

/** What the lines above the body held, as --explain reports them. */
const headerWhy = (seg: Segmented): string => {
  const parts = [
    ...(seg.header === 'none' ? [] : [seg.header]),
    ...(seg.title ? ['title line'] : []),
    ...(seg.tags.length > 0 ? ['tag line'] : []),
    ...(seg.titleRepeated ? ['the title again'] : []),
  ]
  return parts.length > 0 ? `header: ${parts.join(', ')}` : 'blank lines above the body'
}

/** The end of a sentence, to quote it: "…になりました。". */
const ending = (sentence: string) => [...sentence].slice(-8).join('')

/**
 * One page's terms, entries, teasers, case studies and playbook. `isGuide` tells whether the numbered
 * list the page holds is a playbook (the corpus decides: long enough, or repeated by other pages);
 * a list that is not one stays in the body.
 */
export const readDocument = (
  seg: Segmented,
  template: SiteTemplate,
  isKnownGlossary: (key: string) => boolean,
  isGuide: (block: PlaybookBlock) => boolean = () => true,
): DocumentItems => {
  const warnings: string[] = []
  const dropped: DocumentExplanation['dropped'] = []
  const explainEntries: DocumentExplanation['entries'] = []
  const cutLine = cutOffAt(seg.lines)
  const cutOff = cutLine >= 0
  const { teasers, articles } = parseTeasers(seg, template, isKnownGlossary, cutOff)
  const playbook = seg.playbook && isGuide(seg.playbook) ? seg.playbook : null
  const guideInBody = playbook !== null && playbook.start >= seg.bodyStart && playbook.start < seg.bodyEnd
  const glossaries = [...seg.footerGlossaries]
  const glossaryAliases: string[] = []
  let family: Family = 'article'
  let why = ''
  let term: DocumentTerm | null = null
  const entries: DocumentTerm[] = []
  let title = seg.title ?? ''

  // A glossary article: many entry headings between the title and the footer.
  const article = readGlossaryArticle(seg.lines, seg.bodyStart, seg.recommendedStart, seg.footerMarks)
  const namesGlossary = [title, ...article.intro].some((line) => line.includes(template.glossaryWord))
  const isGlossaryArticle =
    article.entries.length >= MIN_ENTRIES && (namesGlossary || article.entries.length >= 2 * MIN_ENTRIES)
  const bodyEnd = isGlossaryArticle
    ? (article.entries[article.entries.length - 1]?.end ?? seg.bodyEnd)
    : guideInBody
      ? playbook.start
      : seg.bodyEnd
  const blocks = isGlossaryArticle ? [] : parseBlocks(seg.lines.slice(seg.bodyStart, bodyEnd))
  const bodyCut = cutOff && cutLine >= seg.bodyStart && cutLine < bodyEnd
  const { cases, warnings: caseWarnings } = extractCaseStudies(blocks, template)
  warnings.push(...caseWarnings)

  if (isGlossaryArticle) {
    family = 'glossary article'
    const own = title.includes(template.glossaryWord) ? parseGlossaryLink(title, template.glossaryWord) : null
    const h1 = article.intro.map((line) => parseGlossaryLink(line, template.glossaryWord)).find(Boolean) ?? null
    // The H1 names the page's own glossary, though the footer search met it first as a link.
    const inPage = new Set(article.intro.flatMap((line) => parseGlossaryLink(line, template.glossaryWord)?.name ?? []))
    const footerOnly = glossaries.filter((link) => !inPage.has(link.name))
    glossaries.splice(0, glossaries.length, ...footerOnly)
    const glossary = own?.name ?? h1?.name ?? glossaries[0]?.name ?? null
    if (own && h1 && keyOf(h1.name) !== keyOf(own.name)) glossaryAliases.push(h1.name)
    if (glossary) glossaries.unshift({ name: glossary, slogan: null, englishName: null })
    why = `${article.entries.length} entry headings ("日本語 English :ABBR" / "日本語:English") under ${article.sections.length} section headings`
    if (article.intro.length)
      dropped.push({
        what: article.intro.join(' / '),
        why: 'title, H1 and intro of the glossary article, not an entry',
      })
    for (const section of article.sections) dropped.push({ what: section, why: 'section heading, not a term' })
    for (const rejected of article.rejected)
      explainEntries.push({ heading: rejected.line, term: null, reason: rejected.reason })
    article.entries.forEach((entry, index) => {
      const last = index === article.entries.length - 1
      const entryCut = last && cutOff && cutLine >= entry.start && cutLine < entry.end
      const { summary } = summaryOf(entry.blocks, entryCut)
      entries.push({
        term: entry.name.japanese,
        englishName: entry.name.english,
        aliases: entry.name.abbreviation ? [entry.name.abbreviation] : [],
        glossary,
        summary,
        blocks: entry.blocks,
        headings: headingsOf(entry.blocks),
        text: entry.text,
        rank: entryCut ? RANK.cutOff : RANK.entry,
        excerpt: entryCut,
      })
      explainEntries.push({
        heading: entry.heading,
        term: entry.name.japanese,
        ...(entryCut ? { reason: 'cut off: excerpt, summary to the last whole sentence' } : {}),
      })
    })
  } else if (seg.layout === 'titled' && seg.title) {
    const header = parseTeaserHeader(seg.title, template.glossaryWord, isKnownGlossary)
    if (header) {
      family = 'single-term page'
      const { summary, firstSentence } = summaryOf(blocks, bodyCut)
      const opening = blocks.find((block) => block.type === 'heading' || block.type === 'paragraph')
      const variant = opening?.type === 'heading' ? definitionHeadingName(opening.text) : null
      const subject = firstSentence ? definedSubject(firstSentence) : null
      const name = header.japaneseName || variant || ''
      const stated = namesStatedInBody(openingText(blocks), [name, variant ?? '', header.englishName ?? ''])
      term = {
        term: name,
        englishName: header.englishName ?? stated.englishName,
        aliases: cleanAliases(name, [
          ...header.aliases,
          ...(variant ? variantNames(variant) : []),
          ...(subject ? [readName(subject).name, ...readName(subject).aliases] : []),
          ...stated.aliases,
        ]),
        glossary: header.glossary,
        ...pageBody(blocks, summary, bodyCut),
      }
      glossaries.unshift({ name: header.glossary, slogan: header.slogan, englishName: null })
      why = `title line names the term and the glossary ("${header.glossary}")${seg.titleRepeated ? ', repeated after the tag line' : ''}${variant ? `; the body opens with "${opening?.type === 'heading' ? opening.text : ''}"` : ''}`
      explainEntries.push({
        heading: seg.title,
        term: name,
        ...(bodyCut ? { reason: 'cut off: excerpt, summary to the last whole sentence' } : {}),
      })
    } else {
      why = 'titled page whose title names no glossary: an article (case studies, playbook, tags only)'
    }
  } else {
    const { summary, firstSentence } = summaryOf(blocks, bodyCut)
    const opening = firstSentence ? definitionSubject(firstSentence) : null
    const subject = firstSentence ? definedSubject(firstSentence) : null
    const own = seg.footerGlossaries[0]
    if (subject && own) {
      family = 'single-term page'
      const read = readName(subject)
      term = {
        term: read.name,
        englishName: null,
        aliases: cleanAliases(read.name, read.aliases),
        glossary: own.name,
        ...pageBody(blocks, summary, bodyCut),
      }
      title = term.term
      why = `no title line; the body opens with a defining sentence ("${subject}は、…") and the footer names "${own.name}"`
      explainEntries.push({ heading: firstSentence ?? '', term: read.name })
    } else if (opening && !subject) {
      why = `no title line, and the opening sentence ("${opening}は、…${ending(firstSentence ?? '')}") tells what happened instead of defining "${opening}": no defining sentence, so an article (blog, column or customer voice), not a glossary page`
    } else if (subject) {
      why = `the page defines "${subject}" but names no glossary (no "…${template.glossaryWord}" line after the body)`
    } else {
      why = 'no title line and no defining sentence ("<term>は、…")'
    }
  }

  if (term && term.summary === '') warnings.push(`no defining sentence found for "${term.term}"`)
  for (const teaser of teasers)
    glossaries.push({ name: teaser.glossary, slogan: teaser.glossarySlogan, englishName: null })
  for (const teaser of teasers)
    explainEntries.push({
      heading: `${teaser.englishName ?? ''} ${teaser.term}`.trim(),
      term: teaser.term,
      reason: 'recommended-columns teaser (excerpt)',
    })
  if (cases.length > 0) why += `; case studies: ${cases.map((c) => `${c.heading} (${c.persona})`).join(', ')}`
  const nothing = !term && entries.length === 0 && cases.length === 0 && teasers.length === 0 && !playbook
  if (nothing && seg.tags.length === 0) {
    family = 'nothing importable'
    if (seg.onlyCorpusTemplate) {
      why =
        'every line is one most pages of the corpus repeat (site header, blurb, navigation, featured articles): the page has no content of its own'
    }
  } else if (nothing) warnings.push('article with nothing to import but its tags')

  if (seg.bodyStart > 0) dropped.push({ what: `lines 1–${seg.bodyStart}`, why: headerWhy(seg) })
  if (family === 'nothing importable' && !seg.onlyCorpusTemplate && bodyEnd > seg.bodyStart) {
    dropped.push({
      what: `lines ${seg.bodyStart + 1}–${bodyEnd}`,
      why: 'body with no term, glossary entry, case study or playbook in it',
    })
  }
  if (playbook)
    dropped.push({
      what: playbook.title,
      why: `step-by-step guide (${playbook.steps.length} steps): read as a playbook, not as body text`,
    })
  else if (seg.playbook)
    dropped.push({
      what: seg.playbook.title,
      why: `numbered list of ${seg.playbook.steps.length} items on one page only: not a playbook, kept as body text`,
    })
  if (seg.bodyEnd < seg.recommendedStart)
    dropped.push({
      what: `lines ${seg.bodyEnd + 1}–${seg.recommendedStart}`,
      why: `footer: ${seg.footerHolds.join(', ')}`,
    })
  if (articles > 0)
    dropped.push({ what: `${articles} recommended article teasers`, why: 'teasers of articles, not of glossary terms' })
  if (cutOff)
    dropped.push({
      what: collapse(seg.lines[cutLine] ?? '').slice(0, 40),
      why: 'the document stops mid-sentence here (cut-off dump)',
    })
  return {
    layout: seg.layout,
    family,
    title: title || (term?.term ?? ''),
    term,
    entries,
    tags: seg.tags,
    teasers,
    recommendedArticles: articles,
    cases,
    playbook,
    glossaries,
    glossaryAliases,
    warnings,
    explanation: { family, why, header: seg.header, entries: explainEntries, dropped },
  }
}
