import { definedSubject, parseGlossaryLink, parseTeaserHeader, type GlossaryLink } from './names'
import { findPlaybookBlock, type PlaybookBlock } from './playbook'
import { isBannerLine, type SiteTemplate } from './template'
import { collapse, isAscii, isSentence, normalizeText } from './text'
import type { Layout } from './types'

/**
 * Cuts a page dump into its parts: header (site header with blurb, an author byline, or nothing), title
 * and tag lines, body, footer (glossary links, the playbook, banners, the blurb again) and the
 * recommended-columns list. Knows the site's template and what the corpus repeats, never one page.
 */
export interface Segmented {
  lines: string[]
  layout: Layout
  title: string | null
  /** Whether the title line came back after the tag line (single-term pages of the first glossary). */
  titleRepeated: boolean
  tags: string[]
  /** [bodyStart, bodyEnd) in `lines`: the body up to the footer (a guide inside it is cut out later, if it is one). */
  bodyStart: number
  bodyEnd: number
  /** What the footer holds ("glossary links", "banners", …), for --explain. */
  footerHolds: string[]
  /** Every line is one the corpus repeats: the page was read again without the learned template. */
  onlyCorpusTemplate: boolean
  /** Index of the recommended-columns heading, or lines.length. */
  recommendedStart: number
  /** Line indexes at or after the body start that would open a footer (links, banners, boilerplate). */
  footerMarks: number[]
  /** Glossary links in the footer, in order, with an English name when the next line gives one. */
  footerGlossaries: (GlossaryLink & { englishName: string | null })[]
  playbook: PlaybookBlock | null
  /** What the header held, for --explain. */
  header: string
}

export type SegmentResult = { ok: true; doc: Segmented } | { ok: false; reason: string }

interface NonBlank {
  index: number
  text: string
}

const MAX_HEADER_LINES = 12
/** An author byline is a name and a short bio: at most this many lines before the title. */
const MAX_BYLINE_LINES = 3
/** The blurb under a doubled company name is a paragraph or two. */
const MAX_BLURB_LINES = 4
/** A single repeated line this short ("まとめ") is a common heading, not template. */
const MIN_TEMPLATE_LINE = 12

/** A tag line: space-separated short words, no sentence, no glossary name glued to a word. */
export const isTagLine = (text: string, glossaryWord: string): boolean => {
  if (/[。、，,!?！？:：]/u.test(text) || /とは/u.test(text)) return false
  const tokens = text.split(' ')
  if (tokens.length > 20 || tokens.some((t) => [...t].length > 25)) return false
  return !tokens.some((t) => t !== glossaryWord && t.endsWith(glossaryWord))
}

/** A title line naming a glossary: "<English> (<ABBR>) <日本語> <glossary> 用語集 <slogan>". */
const isGlossaryTitle = (text: string, template: SiteTemplate): boolean =>
  !/[。、]/u.test(text) &&
  [...text].length <= 160 &&
  parseTeaserHeader(text, template.glossaryWord, () => false) !== null

export const segmentDocument = (
  rawText: string,
  template: SiteTemplate,
  learned: Set<string> = new Set(),
): SegmentResult => {
  const result = segmentWith(rawText, template, learned)
  if (result.ok || learned.size === 0) return result
  // A page the corpus repeats whole (saved several times) is still a page: read it without the learned template.
  const again = segmentWith(rawText, template, new Set())
  return again.ok ? { ok: true, doc: { ...again.doc, onlyCorpusTemplate: true } } : again
}

const segmentWith = (rawText: string, template: SiteTemplate, learned: Set<string>): SegmentResult => {
  const lines = normalizeText(rawText).split('\n')
  const nonBlank: NonBlank[] = lines
    .map((line, index) => ({ index, text: collapse(line) }))
    .filter((line) => line.text !== '')
  if (nonBlank.length === 0) return { ok: false, reason: 'empty file (only whitespace)' }

  const occurrences = new Map<string, number>()
  for (const line of nonBlank) occurrences.set(line.text, (occurrences.get(line.text) ?? 0) + 1)
  const isBoilerplatePhrase = (text: string) => template.boilerplate.some((phrase) => text.includes(phrase))
  // A site header: the company name twice, then its blurb up to the first blank line.
  const siteHeader = new Set<string>()
  if (nonBlank.length > 2 && nonBlank[0]?.text === nonBlank[1]?.text) {
    const blurbStart = (nonBlank[2] as NonBlank).index
    const blurbEnd = lines.findIndex((line, index) => index > blurbStart && line.trim() === '')
    const blurb = nonBlank.filter((line) => line.index >= blurbStart && (blurbEnd < 0 || line.index < blurbEnd))
    for (const line of blurb.slice(0, MAX_BLURB_LINES)) siteHeader.add(line.text)
  }
  const isChrome = (text: string) =>
    siteHeader.has(text) ||
    (occurrences.get(text) ?? 0) > 1 ||
    isBoilerplatePhrase(text) ||
    learned.has(text) ||
    isNavigation(text, template) ||
    isBannerLine(text)

  // Above a title there may be an author byline: a name line, then a line or two of bio.
  const bylineOnly = (above: NonBlank[]): boolean => {
    const own = above.filter((line) => !isChrome(line.text))
    if (own.length === 0) return true
    const [name] = own
    return (
      own.length <= MAX_BYLINE_LINES &&
      name !== undefined &&
      [...name.text].length <= 20 &&
      !/[。、.,:：]/u.test(name.text) &&
      own.every((line) => !parseGlossaryLink(line.text, template.glossaryWord))
    )
  }

  // The title: a line repeated after the tag line, else a line naming a glossary, within the header.
  let title: string | null = null
  let titleRepeated = false
  let tagLine: string | null = null
  let bodyFrom = -1
  let header = 'none'
  const limit = Math.min(nonBlank.length, MAX_HEADER_LINES)
  for (let k = 0; k < limit && bodyFrom < 0; k++) {
    const line = nonBlank[k] as NonBlank
    const next = nonBlank[k + 1]
    const after = nonBlank[k + 2]
    if (isBoilerplatePhrase(line.text) || learned.has(line.text)) continue
    // A title comes before the body: past a byline, this is prose already.
    if (!bylineOnly(nonBlank.slice(0, k))) break
    if (next && after && after.text === line.text && next.text !== line.text) {
      title = line.text
      tagLine = next.text
      bodyFrom = after.index + 1
      titleRepeated = true
    } else if (
      next &&
      next.text !== line.text &&
      next.text.endsWith(line.text) &&
      isTagLine(next.text.slice(0, -line.text.length).trim(), template.glossaryWord)
    ) {
      // The tag line ran straight into the repeated title.
      title = line.text
      tagLine = next.text.slice(0, -line.text.length).trim()
      bodyFrom = next.index + 1
      titleRepeated = true
    } else if (next && next.text === line.text && (occurrences.get(line.text) ?? 0) === 2 && k > 0) {
      title = line.text
      bodyFrom = next.index + 1
      titleRepeated = true
    }
    if (bodyFrom >= 0) header = headerKind(nonBlank.slice(0, k), isChrome)
  }
  if (bodyFrom < 0) {
    for (let k = 0; k < limit; k++) {
      const line = nonBlank[k] as NonBlank
      if (isChrome(line.text)) continue
      if (!bylineOnly(nonBlank.slice(0, k))) break
      if (!isGlossaryTitle(line.text, template)) continue
      const next = nonBlank[k + 1]
      const hasEnglish = isAscii(line.text.split(' ')[0] ?? '')
      const tagged = next !== undefined && isTagLine(next.text, template.glossaryWord)
      if (!hasEnglish && !tagged) continue
      title = line.text
      tagLine = tagged ? (next as NonBlank).text : null
      bodyFrom = (tagged ? (next as NonBlank).index : line.index) + 1
      header = headerKind(nonBlank.slice(0, k), isChrome)
      break
    }
  }
  const layout: Layout = title ? 'titled' : 'untitled'
  if (bodyFrom < 0) {
    // No title: the header is the run of template lines at the top (possibly none).
    const first = nonBlank.find((line) => !isChrome(line.text))
    if (!first) return { ok: false, reason: 'only boilerplate: site header, navigation and footer, no body text' }
    header = first === nonBlank[0] ? 'none' : 'site header'
    bodyFrom = first.index
    // An author byline (a name, a line of bio) above a page that opens with its defining sentence.
    const own = nonBlank
      .filter((line) => line.index >= first.index && !isChrome(line.text))
      .slice(0, MAX_BYLINE_LINES + 1)
    const opening = own.findIndex((line) => definedSubject(line.text) !== null)
    if (opening > 0 && bylineOnly(own.slice(0, opening))) {
      header = 'author byline'
      bodyFrom = (own[opening] as NonBlank).index
    }
  }

  const recommendedStart =
    nonBlank.find((line) => line.index >= bodyFrom && line.text.includes(template.recommendedHeading))?.index ??
    lines.length

  // Footer marks: glossary links, navigation, banners, teaser ends, lines the page or the corpus repeats.
  const isTemplateAt = (position: number): boolean => {
    const text = nonBlank[position]?.text ?? ''
    if ((occurrences.get(text) ?? 0) > 1 || isBoilerplatePhrase(text)) return true
    if (!learned.has(text)) return false
    return (
      [...text].length >= MIN_TEMPLATE_LINE ||
      learned.has(nonBlank[position + 1]?.text ?? '') ||
      learned.has(nonBlank[position - 1]?.text ?? '')
    )
  }
  const footerMarks: number[] = []
  nonBlank.forEach((line, position) => {
    if (line.index < bodyFrom || line.index >= recommendedStart) return
    if (
      parseGlossaryLink(line.text, template.glossaryWord) ||
      isNavigation(line.text, template) ||
      isBannerLine(line.text) ||
      line.text === template.teaserEnd ||
      isTemplateAt(position)
    ) {
      footerMarks.push(line.index)
    }
  })
  const bodyEnd = footerMarks[0] ?? recommendedStart
  const playbook = findPlaybookBlock(lines, bodyFrom, recommendedStart, template)
  const footerStart = playbook && playbook.start < bodyEnd && playbook.start >= bodyFrom ? playbook.start : bodyEnd

  const footerGlossaries: Segmented['footerGlossaries'] = []
  const footerLines = nonBlank.filter((line) => line.index >= footerStart && line.index < recommendedStart)
  const footerHolds = new Set<string>()
  for (const line of footerLines.filter((l) => l.index >= bodyEnd)) {
    if (parseGlossaryLink(line.text, template.glossaryWord)) footerHolds.add('glossary links')
    else if (isBannerLine(line.text)) footerHolds.add('banners')
    else if (isNavigation(line.text, template)) footerHolds.add('navigation')
    else if (isChrome(line.text)) footerHolds.add('lines other pages repeat')
    else footerHolds.add('text after the first footer line')
  }
  footerLines.forEach((line, position) => {
    if (isBannerLine(line.text)) return
    const link = parseGlossaryLink(line.text, template.glossaryWord)
    if (!link) return
    const next = footerLines[position + 1]?.text
    const englishName = next && isAscii(next) && /glossary$/i.test(next) ? next : null
    footerGlossaries.push({ ...link, englishName })
  })

  const tags = tagLine && isTagLine(tagLine, template.glossaryWord) ? tagLine.split(' ').filter(Boolean) : []
  return {
    ok: true,
    doc: {
      lines,
      layout,
      title,
      titleRepeated,
      tags,
      bodyStart: bodyFrom,
      bodyEnd,
      footerHolds: [...footerHolds],
      onlyCorpusTemplate: false,
      recommendedStart,
      footerMarks,
      footerGlossaries,
      playbook,
      header,
    },
  }
}

/** What stood above the title: template lines (site header), a name and bio (byline), or nothing. */
const headerKind = (above: NonBlank[], isChrome: (text: string) => boolean): string => {
  if (above.length === 0) return 'none'
  const own = above.filter((line) => !isChrome(line.text))
  if (own.length === 0) return 'site header'
  return own.some((line) => isSentence(line.text)) ? 'author byline with bio' : 'author byline'
}

export const isNavigation = (text: string, template: SiteTemplate) =>
  template.navigation.includes(text) || text === template.teaserEnd || text.includes(template.recommendedHeading)
