import type { CollectionCounts, ImportProgress, ImportResult } from './import/importCorpus'
import { SEED_COLLECTIONS } from './import/records'
import type { DocumentExplanation, ParsedCorpus, ParsedDocumentSummary } from './parse/types'

/** Human-readable lines for the seed command. Pure: strings in, strings out. */

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

const pad = (text: string, width: number, right = false) => (right ? text.padStart(width) : text.padEnd(width))

/** One line per document: what the parser found in it. */
export const documentLine = (doc: ParsedDocumentSummary): string => {
  const parts: string[] = []
  if (doc.family === 'nothing importable') return `  – ${doc.name}: nothing importable (see --dry-run --explain)`
  if (doc.term) parts.push(`term ${doc.term}${doc.glossary ? ` (${doc.glossary})` : ''}`)
  else if (doc.family === 'article') parts.push(`article ${doc.title}`)
  else parts.push(doc.family)
  if (doc.entryTerms) parts.push(count(doc.entryTerms, 'entry term'))
  if (doc.teaserTerms) parts.push(count(doc.teaserTerms, 'teaser term'))
  if (doc.caseStudies) parts.push(count(doc.caseStudies, 'case study', 'case studies'))
  if (doc.playbookSteps) parts.push(`playbook of ${count(doc.playbookSteps, 'step')}`)
  if (doc.tags.length) parts.push(count(doc.tags.length, 'tag'))
  return `  ✓ ${doc.name} (${doc.layout}): ${parts.join(', ')}`
}

/** `--explain`: why a file was read as it was, entry by entry. */
export const explainLines = (explanation: DocumentExplanation): string[] => [
  `${explanation.file}: ${explanation.family} (header: ${explanation.header})`,
  `  why: ${explanation.why}`,
  ...explanation.entries.map((entry) =>
    entry.term === null
      ? `  ✗ ${entry.heading}${entry.reason ? ` — ${entry.reason}` : ''}`
      : `  → ${entry.heading} ⇒ ${entry.term}${entry.reason ? ` (${entry.reason})` : ''}`,
  ),
  ...explanation.dropped.map((block) => `  − dropped ${block.what} — ${block.why}`),
]

export const parseSummary = (corpus: ParsedCorpus): string => {
  const excerpt = corpus.terms.filter((term) => term.excerpt).length
  const steps = corpus.playbooks.reduce((sum, playbook) => sum + playbook.steps.length, 0)
  const rejected = corpus.errors.length ? `, ${corpus.errors.length} rejected` : ''
  const empty = corpus.documents.filter((doc) => doc.family === 'nothing importable').length
  const nothing = empty ? `, ${empty} with nothing importable` : ''
  return (
    `Parsed ${count(corpus.documents.length - empty, 'document')}${nothing}${rejected}: ` +
    `${count(corpus.terms.length, 'term')} (${corpus.terms.length - excerpt} full, ${excerpt} excerpt), ` +
    `${count(corpus.caseStudies.length, 'case study', 'case studies')}, ` +
    `${count(corpus.playbooks.length, 'playbook')} (${count(steps, 'step')}), ` +
    `${count(corpus.glossaries.length, 'glossary', 'glossaries')}, ${count(corpus.tags.length, 'tag')}`
  )
}

const COLUMNS = ['created', 'updated', 'unchanged', 'skipped'] as const

/** The closing table: created, updated, unchanged, skipped per collection. */
export const summaryTable = (counts: Record<string, CollectionCounts>): string => {
  const names = [...SEED_COLLECTIONS, 'total']
  const width = Math.max(...names.map((name) => name.length)) + 2
  const total = COLUMNS.reduce(
    (sum, column) => ({ ...sum, [column]: SEED_COLLECTIONS.reduce((n, c) => n + (counts[c]?.[column] ?? 0), 0) }),
    {} as CollectionCounts,
  )
  const row = (name: string, values: CollectionCounts) =>
    pad(name, width) + COLUMNS.map((column) => pad(String(values[column]), 11, true)).join('')
  const header = pad('collection', width) + COLUMNS.map((column) => pad(column, 11, true)).join('')
  const rule = '─'.repeat(header.length)
  return [
    header,
    rule,
    ...SEED_COLLECTIONS.map((collection) =>
      row(collection, counts[collection] ?? { created: 0, updated: 0, unchanged: 0, skipped: 0 }),
    ),
    rule,
    row('total', total),
  ].join('\n')
}

export const progressLine = (progress: ImportProgress): string =>
  `  [${progress.done}/${progress.total}] ${progress.collection} ${progress.slug}: ${progress.outcome}${progress.reason ? ` (${progress.reason})` : ''}`

/** Lines after the table: what was skipped and why, or that nothing changed. */
export const importFootnotes = (result: ImportResult): string[] => {
  if (result.unchanged) return ['Nothing changed: every record already matches the documents.']
  return result.records
    .filter((record) => record.outcome === 'skipped')
    .map((record) => `Skipped ${record.collection}/${record.slug}: ${record.reason ?? 'left as it is'}`)
}
