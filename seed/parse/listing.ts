import { splitBilingualName, splitTeaserDefinition } from './names'
import type { SiteTemplate } from './template'
import { pageItems, type DocumentItems, type DocumentTerm } from './document'
import { RANK } from './terms'
import { collapse, isCutOffLine, normalizeText, toLastWholeSentence } from './text'
import type { Family } from './types'

/**
 * Listing pages (a glossary index and its per-tag filters): no site header, the first line is the
 * glossary word alone, entries are separated by a line holding only "-" (sometimes glued to the end of
 * the previous line as " -"), each entry is a heading "<English> (<ABBR>) <日本語>" and a teaser that
 * may hold "- " bullets or nothing, and the page ends with a tag cloud ("- AI", "- CRM", …).
 */
export interface ListingEntry {
  heading: string
  englishName: string | null
  term: string
  aliases: string[]
  /** The teaser without "<name>とは" and without a trailing ellipsis ('' when the heading has none). */
  teaser: string
}

export interface ListingPage {
  entries: ListingEntry[]
  dropped: { what: string; why: string }[]
}

export const isListingPage = (firstLine: string | undefined, template: SiteTemplate): boolean =>
  collapse(firstLine ?? '') === template.glossaryWord

const SEPARATOR = /^\s*[-‐]\s*$/u
const GLUED_SEPARATOR = /\s+[-‐]$/u
const BULLET = /^\s*[-‐]\s+(\S.*)$/u
/** A tag in the cloud: one short label, no sentence. */
const isTagBullet = (line: string) => {
  const match = BULLET.exec(line)
  const label = match?.[1]?.trim() ?? ''
  return label !== '' && [...label].length <= 25 && !/[。、，,:：]/u.test(label)
}

/** A name heading: a short line with letters, no sentence, not a bullet. */
const isNameHeading = (line: string) =>
  line !== '' && [...line].length <= 100 && /\p{L}/u.test(line) && !/[。．！？]/u.test(line) && !BULLET.test(line)

/** Splits the page into entry chunks on separator lines. */
const chunksOf = (lines: string[]): string[][] => {
  const chunks: string[][] = [[]]
  for (const line of lines) {
    if (SEPARATOR.test(line)) {
      chunks.push([])
      continue
    }
    // " -" glued to a line ends the entry whatever the line is: a heading, teaser text or a teaser's last bullet.
    if (GLUED_SEPARATOR.test(line)) {
      chunks[chunks.length - 1]?.push(line.replace(GLUED_SEPARATOR, ''))
      chunks.push([])
      continue
    }
    chunks[chunks.length - 1]?.push(line)
  }
  return chunks.map((chunk) => chunk.filter((line) => line.trim() !== '')).filter((chunk) => chunk.length > 0)
}

export const readListingPage = (text: string, template: SiteTemplate): ListingPage => {
  const all = normalizeText(text).split('\n')
  const firstIndex = all.findIndex((line) => line.trim() !== '')
  const chunks = chunksOf(all.slice(firstIndex + 1))
  const dropped: ListingPage['dropped'] = [{ what: template.glossaryWord, why: 'page heading of a listing' }]

  // The tag cloud closes the page: a trailing run of short one-label bullets.
  const last = chunks[chunks.length - 1]
  if (last) {
    let cut = last.length
    while (cut > 0 && isTagBullet(last[cut - 1] ?? '')) cut--
    const run = last.length - cut
    if (run > 0 && (cut === 0 || run >= 3)) {
      dropped.push({
        what: last
          .slice(cut)
          .map((line) => collapse(line))
          .join(' '),
        why: 'tag cloud at the end of the listing',
      })
      last.splice(cut)
      if (last.length === 0) chunks.pop()
    }
  }

  const entries: ListingEntry[] = []
  for (const chunk of chunks) {
    const lines = chunk.map((line) => collapse(line))
    // A label above the first entry (a tag filter's name) is not the entry: the heading is the bilingual line.
    const bilingual = lines
      .slice(0, 3)
      .findIndex(
        (line) => isNameHeading(line) && splitBilingualName(line).englishName !== null && /[^\x00-\x7F]/u.test(line),
      )
    const at = bilingual > 0 ? bilingual : 0
    for (const label of lines.slice(0, at))
      dropped.push({ what: label, why: 'label above the first entry of the listing' })
    const [heading = '', ...teaserLines] = lines.slice(at)
    if (!isNameHeading(heading)) {
      dropped.push({ what: heading, why: 'a listing entry opens with a name heading; this line is not one' })
      continue
    }
    const name = splitBilingualName(heading)
    const { subject, definition } = splitTeaserDefinition(teaserLines.join(' '))
    // Pagination and stray labels have neither an English name nor a teaser.
    if (!name.englishName && definition === '') {
      dropped.push({ what: heading, why: 'neither an English name nor a teaser: not a listing entry' })
      continue
    }
    entries.push({
      heading,
      englishName: name.englishName,
      term: name.japaneseName,
      aliases: [...name.aliases, ...(subject ? subject.split(/[:：]/u).map((part) => part.trim()) : [])].filter(
        Boolean,
      ),
      teaser: definition,
    })
  }
  return { entries, dropped }
}

/** A listing page as the corpus reads it: every heading an excerpt term with no glossary of its own. */
export const listingItems = (text: string, template: SiteTemplate): DocumentItems => {
  const page = readListingPage(text, template)
  const lines = normalizeText(text)
    .split('\n')
    .filter((line) => line.trim() !== '')
  const cutOff = isCutOffLine(lines[lines.length - 1] ?? '')
  const entries: DocumentTerm[] = page.entries.map((entry, index) => {
    const cut = cutOff && index === page.entries.length - 1
    return {
      term: entry.term,
      englishName: entry.englishName,
      aliases: entry.aliases,
      glossary: null,
      summary: cut ? toLastWholeSentence(entry.teaser) : entry.teaser,
      blocks: null,
      headings: [],
      text: '',
      rank: RANK.teaser,
      excerpt: true,
    }
  })
  const family: Family = entries.length > 0 ? 'listing page' : 'nothing importable'
  return pageItems({
    family,
    title: template.glossaryWord,
    entries,
    explanation: {
      family,
      why: `first line is "${template.glossaryWord}" alone and entries are separated by "-" lines (${entries.length} headings)`,
      header: 'none',
      entries: page.entries.map((entry, index) => ({
        heading: entry.heading,
        term: entry.term,
        reason:
          entry.teaser === ''
            ? 'listing heading without a teaser (excerpt)'
            : cutOff && index === page.entries.length - 1
              ? 'cut off: summary to the last whole sentence'
              : 'listing teaser (excerpt)',
      })),
      dropped: page.dropped,
    },
  })
}
