import { parseGlossaryLink, type GlossaryLink } from './names'
import { findPlaybookBlock, type PlaybookBlock } from './playbook'
import { isBannerLine, type SiteTemplate } from './template'
import { collapse, isAscii, normalizeText } from './text'
import type { Layout } from './types'

/**
 * Cuts a page dump into its parts: site header (name + company blurb), title and tag lines (titled
 * layout only), body, footer (glossary links, the playbook, banners, the blurb again) and the
 * recommended-columns list. Knows the site's template, never one document's content.
 */
export interface Segmented {
  lines: string[]
  layout: Layout
  title: string | null
  tags: string[]
  /** [bodyStart, bodyEnd) in `lines`. */
  bodyStart: number
  bodyEnd: number
  /** Index of the recommended-columns heading, or lines.length. */
  recommendedStart: number
  /** Glossary links in the footer, in order, with an English name when the next line gives one. */
  footerGlossaries: (GlossaryLink & { englishName: string | null })[]
  playbook: PlaybookBlock | null
}

export type SegmentResult = { ok: true; doc: Segmented } | { ok: false; reason: string }

interface NonBlank {
  index: number
  text: string
}

const MAX_HEADER_LINES = 12

export const segmentDocument = (rawText: string, template: SiteTemplate): SegmentResult => {
  const lines = normalizeText(rawText).split('\n')
  const nonBlank: NonBlank[] = lines
    .map((line, index) => ({ index, text: collapse(line) }))
    .filter((line) => line.text !== '')
  if (nonBlank.length === 0) return { ok: false, reason: 'empty file (only whitespace)' }

  const occurrences = new Map<string, number>()
  for (const line of nonBlank) occurrences.set(line.text, (occurrences.get(line.text) ?? 0) + 1)
  const isBoilerplatePhrase = (text: string) => template.boilerplate.some((phrase) => text.includes(phrase))
  const isChrome = (text: string) => (occurrences.get(text) ?? 0) > 1 || isBoilerplatePhrase(text)

  // The header: boilerplate lines, then either a title/tags/title triple or the body straight away.
  let layout: Layout | null = null
  let title: string | null = null
  let tagLine: string | null = null
  let bodyFrom = -1
  const chrome = new Set<string>()
  for (let k = 0; k < Math.min(nonBlank.length, MAX_HEADER_LINES); k++) {
    const line = nonBlank[k] as NonBlank
    const middle = nonBlank[k + 1]
    const repeat = nonBlank[k + 2]
    if (middle && repeat && repeat.text === line.text && middle.text !== line.text && !isBoilerplatePhrase(line.text)) {
      layout = 'titled'
      title = line.text
      tagLine = middle.text
      bodyFrom = repeat.index + 1
      break
    }
    if (isChrome(line.text)) {
      chrome.add(line.text)
      continue
    }
    if (chrome.size > 0) {
      layout = 'untitled'
      bodyFrom = line.index
    }
    break
  }
  if (layout === null || bodyFrom < 0) {
    if (chrome.size > 0 && nonBlank.every((line) => isChrome(line.text) || isNavigation(line.text, template))) {
      return { ok: false, reason: 'only boilerplate: site header, navigation and footer, no body text' }
    }
    return {
      ok: false,
      reason:
        'neither layout: expected a title line, a tag line and the title again, or the site header (company blurb) followed by the body',
    }
  }

  const recommendedStart = nonBlank.find(
    (line) => line.index >= bodyFrom && line.text.includes(template.recommendedHeading),
  )?.index ?? lines.length

  // The footer opens at the first glossary link, navigation line, banner or repeated blurb.
  let footerStart = recommendedStart
  for (const line of nonBlank) {
    if (line.index < bodyFrom || line.index >= footerStart) continue
    if (
      parseGlossaryLink(line.text, template.glossaryWord) ||
      isNavigation(line.text, template) ||
      isBannerLine(line.text) ||
      line.text === template.teaserEnd ||
      chrome.has(line.text) ||
      isBoilerplatePhrase(line.text)
    ) {
      footerStart = line.index
      break
    }
  }
  const playbook = findPlaybookBlock(lines, bodyFrom, recommendedStart, template)
  if (playbook && playbook.start < footerStart) footerStart = playbook.start

  const hasBody = nonBlank.some((line) => line.index >= bodyFrom && line.index < footerStart)
  if (!hasBody) return { ok: false, reason: 'only boilerplate: site header, navigation and footer, no body text' }

  const footerGlossaries: Segmented['footerGlossaries'] = []
  const footerLines = nonBlank.filter((line) => line.index >= footerStart && line.index < recommendedStart)
  footerLines.forEach((line, position) => {
    if (isBannerLine(line.text)) return
    const link = parseGlossaryLink(line.text, template.glossaryWord)
    if (!link) return
    const next = footerLines[position + 1]?.text
    const englishName = next && isAscii(next) && /glossary$/i.test(next) ? next : null
    footerGlossaries.push({ ...link, englishName })
  })

  const tags = tagLine && !/[。、]/u.test(tagLine) ? tagLine.split(' ').filter(Boolean) : []
  return {
    ok: true,
    doc: {
      lines,
      layout,
      title,
      tags,
      bodyStart: bodyFrom,
      bodyEnd: footerStart,
      recommendedStart,
      footerGlossaries,
      playbook,
    },
  }
}

const isNavigation = (text: string, template: SiteTemplate) =>
  template.navigation.includes(text) || text === template.teaserEnd || text.includes(template.recommendedHeading)
