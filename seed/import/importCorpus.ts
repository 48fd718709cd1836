import type { Payload } from 'payload'

import type { ParsedCorpus } from '../parse/types'
import {
  caseStudyRecord,
  glossaryRecord,
  playbookRecord,
  SEED_COLLECTIONS,
  tagRecord,
  termRecord,
  type IdMap,
  type SeedCollection,
  type SeedRecord,
} from './records'
import { upsertRecord, type Outcome, type RecordResult } from './upsert'

export interface CollectionCounts {
  created: number
  updated: number
  unchanged: number
  skipped: number
}

export interface ImportProgress {
  collection: SeedCollection
  slug: string
  label: string
  outcome: Outcome
  reason?: string
  /** Records handled so far and in all. */
  done: number
  total: number
}

export interface ImportOptions {
  /** Publish full terms, case studies and playbooks (excerpt terms stay drafts). Default false. */
  publish?: boolean
  /** Overwrite records edited since the last seed. Default false. */
  force?: boolean
  /** Called after each record. */
  onProgress?: (progress: ImportProgress) => void
}

export interface ImportResult {
  counts: Record<SeedCollection, CollectionCounts>
  records: RecordResult[]
  /** True when every record was unchanged. */
  unchanged: boolean
}

/** A write failed; records before it are in the database (the import is safe to re-run). */
export class SeedImportError extends Error {
  override name = 'SeedImportError'
  constructor(
    message: string,
    readonly record: { collection: SeedCollection; slug: string },
    readonly partial: ImportResult,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

const emptyCounts = (): Record<SeedCollection, CollectionCounts> =>
  Object.fromEntries(
    SEED_COLLECTIONS.map((collection) => [collection, { created: 0, updated: 0, unchanged: 0, skipped: 0 }]),
  ) as Record<SeedCollection, CollectionCounts>

/**
 * Writes a parsed corpus through Payload's Local API: glossaries, tags, terms (created first, then
 * linked to each other), playbooks, case studies. Idempotent: unchanged records are not written,
 * records edited since the last seed are skipped unless `force`.
 */
export const importCorpus = async (
  payload: Payload,
  corpus: ParsedCorpus,
  options: ImportOptions = {},
): Promise<ImportResult> => {
  const upsertOptions = { publish: options.publish ?? false, force: options.force ?? false }
  const ids: IdMap = new Map(SEED_COLLECTIONS.map((collection) => [collection, new Map<string, string>()]))
  const counts = emptyCounts()
  const records: RecordResult[] = []
  const total =
    corpus.glossaries.length + corpus.tags.length + corpus.terms.length + corpus.playbooks.length + corpus.caseStudies.length
  const result = (): ImportResult => ({
    counts,
    records,
    unchanged: records.every((record) => record.outcome === 'unchanged'),
  })

  const report = (record: SeedRecord, outcome: RecordResult, countAs: Outcome = outcome.outcome) => {
    ids.get(record.collection)?.set(record.slug, outcome.id)
    counts[record.collection][countAs]++
    records.push({ ...outcome, outcome: countAs })
    options.onProgress?.({
      collection: record.collection,
      slug: record.slug,
      label: record.label,
      outcome: countAs,
      reason: outcome.reason,
      done: records.length,
      total,
    })
  }

  const run = async (build: () => SeedRecord, createOnly = false): Promise<RecordResult> => {
    let record: SeedRecord | undefined
    try {
      record = build()
      return await upsertRecord(payload, record, { ...upsertOptions, createOnly })
    } catch (error) {
      const where = record ? `${record.collection} "${record.slug}"` : 'a record'
      const message = error instanceof Error ? error.message : String(error)
      throw new SeedImportError(
        `Could not write ${where}: ${message}`,
        { collection: record?.collection ?? 'glossaries', slug: record?.slug ?? '' },
        result(),
        { cause: error },
      )
    }
  }

  for (const glossary of corpus.glossaries) {
    const record = glossaryRecord(glossary)
    report(record, await run(() => record))
  }
  for (const tag of corpus.tags) {
    const record = tagRecord(tag)
    report(record, await run(() => record))
  }

  // Terms link to each other: create the missing ones unlinked first, then write every term in full.
  const createdTerms = new Set<string>()
  for (const term of corpus.terms) {
    const outcome = await run(() => termRecord(term, corpus, ids, { withRelated: false }), true)
    ids.get('glossary-terms')?.set(term.slug, outcome.id)
    if (outcome.outcome === 'created') createdTerms.add(term.slug)
  }
  for (const term of corpus.terms) {
    const outcome = await run(() => termRecord(term, corpus, ids))
    const record = termRecord(term, corpus, ids)
    report(record, outcome, createdTerms.has(term.slug) ? 'created' : outcome.outcome)
  }

  for (const playbook of corpus.playbooks) {
    const outcome = await run(() => playbookRecord(playbook, ids))
    report(playbookRecord(playbook, ids), outcome)
  }
  for (const study of corpus.caseStudies) {
    const outcome = await run(() => caseStudyRecord(study, ids))
    report(caseStudyRecord(study, ids), outcome)
  }
  return result()
}
