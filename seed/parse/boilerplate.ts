import { collapse, normalizeText } from './text'

/**
 * Boilerplate learned from the corpus itself: a line that many documents repeat word for word
 * (site header, company blurb, banners, footer links) is the site's template, not a page's content.
 * Nothing here knows the site: give it other pages and it learns their header and footer.
 */

/** Share of documents a line must appear in to count as template, and at least three documents (two may be one page saved twice). */
const MIN_SHARE = 0.3
const MIN_DOCUMENTS = 3

export const documentLines = (text: string): string[] =>
  normalizeText(text)
    .split('\n')
    .map(collapse)
    .filter((line) => line !== '')

/** Lines that at least 30% of the documents (three or more) contain. */
export const learnBoilerplate = (documents: string[][]): Set<string> => {
  const frequency = new Map<string, number>()
  for (const lines of documents) for (const line of new Set(lines)) frequency.set(line, (frequency.get(line) ?? 0) + 1)
  const needed = Math.max(MIN_DOCUMENTS, Math.ceil(documents.length * MIN_SHARE))
  return new Set([...frequency.entries()].filter(([, count]) => count >= needed).map(([line]) => line))
}
