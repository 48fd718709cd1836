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
import { getTermGraphService, SKIP_TERM_GRAPH } from '../../plugins/related-term-graph'
import { journalBulkWrites, SKIP_FEED_JOURNAL, type BulkWrite } from '../../plugins/storefront-feed'

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

/** Every write skips the graph's and the feed's per-record hooks; both catch up once at the end. */
const BULK_CONTEXT: Record<string, unknown> = {
  ...SKIP_TERM_GRAPH,
  [SKIP_FEED_JOURNAL]: true,
}

/**
 * Writes a parsed corpus through Payload's Local API: glossaries, tags, terms (created first, then
 * linked to each other), playbooks, case studies. Idempotent: unchanged records are not written,
 * records edited since the last seed are skipped unless `force`. The related-term graph is rebuilt
 * once and the feed journal gets one batch at the end, instead of a hook storm per record.
 */
export const importCorpus = async (
  payload: Payload,
  corpus: ParsedCorpus,
  options: ImportOptions = {},
): Promise<ImportResult> => {
  const upsertOptions = {
    publish: options.publish ?? false,
    force: options.force ?? false,
    context: BULK_CONTEXT,
  }
  const ids: IdMap = new Map(SEED_COLLECTIONS.map((collection) => [collection, new Map<string, string>()]))
  const counts = emptyCounts()
  const records: RecordResult[] = []
  const writes: BulkWrite[] = []
  const total =
    corpus.glossaries.length +
    corpus.tags.length +
    corpus.terms.length +
    corpus.playbooks.length +
    corpus.caseStudies.length
  const result = (): ImportResult => ({
    counts,
    records,
    unchanged: records.every((record) => record.outcome === 'unchanged'),
  })

  const report = (record: SeedRecord, outcome: RecordResult, countAs: Outcome = outcome.outcome) => {
    ids.get(record.collection)?.set(record.slug, outcome.id)
    counts[record.collection][countAs]++
    records.push({ ...outcome, outcome: countAs })
    if (countAs === 'created' || countAs === 'updated') {
      writes.push({
        collection: record.collection,
        id: outcome.id,
        slug: record.slug,
        published: outcome.published ?? false,
        updated: countAs === 'updated',
      })
    }
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

  const failure = (error: unknown, where: { collection: SeedCollection; slug: string } | undefined) => {
    const message = error instanceof Error ? error.message : String(error)
    return new SeedImportError(
      `Could not write ${where ? `${where.collection} "${where.slug}"` : 'a record'}: ${message}`,
      {
        collection: where?.collection ?? 'glossaries',
        slug: where?.slug ?? '',
      },
      result(),
      { cause: error },
    )
  }
  /** Builds the record once, then writes it; a failure names the record. */
  const write = async (
    build: () => SeedRecord,
    createOnly = false,
  ): Promise<{ record: SeedRecord; outcome: RecordResult }> => {
    let record: SeedRecord | undefined
    try {
      record = build()
      return {
        record,
        outcome: await upsertRecord(payload, record, {
          ...upsertOptions,
          createOnly,
        }),
      }
    } catch (error) {
      throw failure(error, record)
    }
  }

  const writeAll = async () => {
    for (const glossary of corpus.glossaries) {
      const { record, outcome } = await write(() => glossaryRecord(glossary))
      report(record, outcome)
    }
    for (const tag of corpus.tags) {
      const { record, outcome } = await write(() => tagRecord(tag))
      report(record, outcome)
    }

    // Terms link to each other: a term whose related terms all have ids is written in full at once; the
    // others are created unlinked first and written in full once every term has an id.
    const termIds = ids.get('glossary-terms') as Map<string, string>
    const createdTerms = new Set<string>()
    const deferred: typeof corpus.terms = []
    for (const term of corpus.terms) {
      if (term.related.every((slug) => termIds.has(slug))) {
        const { record, outcome } = await write(() => termRecord(term, corpus, ids))
        report(record, outcome)
        continue
      }
      const { outcome } = await write(() => termRecord(term, corpus, ids, { withRelated: false }), true)
      termIds.set(term.slug, outcome.id)
      if (outcome.outcome === 'created') createdTerms.add(term.slug)
      deferred.push(term)
    }
    for (const term of deferred) {
      const { record, outcome } = await write(() => termRecord(term, corpus, ids))
      report(record, outcome, createdTerms.has(term.slug) ? 'created' : outcome.outcome)
    }

    for (const playbook of corpus.playbooks) {
      const { record, outcome } = await write(() => playbookRecord(playbook, ids))
      report(record, outcome)
    }
    for (const study of corpus.caseStudies) {
      const { record, outcome } = await write(() => caseStudyRecord(study, ids))
      report(record, outcome)
    }
  }

  // The graph and the feed learn about what was written even when a later write failed.
  const catchUp = async () => {
    if (writes.length === 0) return
    await getTermGraphService(payload)?.rebuild()
    await journalBulkWrites(payload, writes)
  }
  try {
    await writeAll()
  } catch (error) {
    await catchUp().catch((cause: unknown) =>
      payload.logger.error({ err: cause }, 'seed: could not update the term graph and feed journal'),
    )
    throw error
  }
  try {
    await catchUp()
  } catch (error) {
    throw failure(error, undefined)
  }
  return result()
}
