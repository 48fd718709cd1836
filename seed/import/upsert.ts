import type { FlattenedField, Payload } from 'payload'

import { SEED_FINGERPRINT } from '../../collections/fields/seedFingerprint'
import { formatFingerprint, hashOf, PENDING_FINGERPRINT, project, readFingerprint } from './fingerprint'
import type { SeedRecord } from './records'

export type Outcome = 'created' | 'updated' | 'unchanged' | 'skipped'

export interface RecordResult {
  collection: SeedRecord['collection']
  slug: string
  id: string
  outcome: Outcome
  /** Why a record was skipped or updated. */
  reason?: string
  /** Whether the record is published now (drafts collections), so feeds can be told. */
  published?: boolean
}

export interface UpsertOptions {
  /** Publish records that have drafts (not excerpt terms). */
  publish: boolean
  /** Overwrite records edited since the seed wrote them, and records the seed did not create. */
  force: boolean
  /** Only create a missing record; leave an existing one as it is (reported as unchanged). */
  createOnly?: boolean
  /** Passed to every hook (`req.context`), e.g. the plugins' bulk-import flags. */
  context?: Record<string, unknown>
}

type Doc = Record<string, unknown> & { id: string; _status?: 'draft' | 'published' }

const MAX_ATTEMPTS = 5

/** The database refused a second record with the same slug: another import created it first. */
const isSlugConflict = (error: unknown): boolean => {
  const data = (error as { data?: { errors?: { path?: string }[] } })?.data
  if (data?.errors?.some((e) => e.path === 'slug')) return true
  const message = error instanceof Error ? error.message : String(error)
  return /unique|duplicate key|E11000/i.test(message)
}

/**
 * A failure that may pass when retried: a lock (SQLite busy, MongoDB write conflicts), or a validation
 * error caused by another import rewriting the same record's rows at the same moment.
 */
const isTransient = (error: unknown): boolean => {
  if ((error as { name?: string })?.name === 'ValidationError') return true
  const message =
    error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? '')}` : String(error)
  return /SQLITE_BUSY|database is locked|WriteConflict|TransientTransactionError/i.test(message)
}

/** Another import is probably half-way through writing this record: give it a moment. */
const PENDING_GRACE_MS = 10_000

class WriteInProgress extends Error {}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const fieldsOf = (payload: Payload, record: SeedRecord): FlattenedField[] => {
  const collection = payload.collections[record.collection]
  if (!collection) throw new Error(`collection "${record.collection}" is not in the Payload config`)
  return collection.config.flattenedFields
}

const hasDrafts = (payload: Payload, record: SeedRecord): boolean =>
  Boolean(payload.collections[record.collection]?.config.versions?.drafts)

/** Hash of the seed-managed values of a record, either as the seed wants them or as a document holds them. */
const valuesHash = (fields: FlattenedField[], record: SeedRecord, doc?: Doc): string => {
  const part = (shape: Record<string, unknown> | null, locale: 'ja' | 'en') =>
    shape ? project(fields, shape, doc ?? shape, doc ? locale : null) : null
  return hashOf({ ja: part(record.ja, 'ja'), en: part(record.en, 'en') })
}

const findBySlug = async (payload: Payload, record: SeedRecord, drafts: boolean): Promise<Doc | undefined> => {
  const { docs } = await payload.find({
    collection: record.collection,
    where: { slug: { equals: record.slug } },
    limit: 1,
    depth: 0,
    locale: 'all',
    draft: drafts,
    showHiddenFields: true,
    overrideAccess: true,
    pagination: false,
  })
  return docs[0] as Doc | undefined
}

const findById = async (payload: Payload, record: SeedRecord, id: string, drafts: boolean): Promise<Doc> =>
  (await payload.findByID({
    collection: record.collection,
    id,
    depth: 0,
    locale: 'all',
    draft: drafts,
    showHiddenFields: true,
    overrideAccess: true,
  })) as unknown as Doc

/** Gives array rows the ids of the current rows with the same key, so their other-locale values survive. */
const withRowIds = (
  record: SeedRecord,
  values: Record<string, unknown>,
  current: Doc | undefined,
): Record<string, unknown> => {
  if (!current || !record.rowKeys) return values
  const data = { ...values }
  for (const [field, key] of Object.entries(record.rowKeys)) {
    const currentRows = Array.isArray(current[field]) ? (current[field] as Record<string, unknown>[]) : []
    const rows = Array.isArray(data[field]) ? (data[field] as Record<string, unknown>[]) : []
    data[field] = rows.map((row) => {
      const match = currentRows.find((old) => old[key] === row[key])
      return match?.id ? { ...row, id: match.id } : row
    })
  }
  return data
}

/**
 * Creates or updates one record by slug, never overwriting an editor's changes unless forced.
 * Safe to run concurrently with another import: a slug conflict on create is retried as an update.
 */
export const upsertRecord = async (
  payload: Payload,
  record: SeedRecord,
  options: UpsertOptions,
): Promise<RecordResult> => {
  const fields = fieldsOf(payload, record)
  const drafts = hasDrafts(payload, record)
  const input = valuesHash(fields, record)
  const target: 'draft' | 'published' = options.publish && record.publishable ? 'published' : 'draft'
  const hasEnglish = Boolean(record.en && Object.keys(record.en).length)

  const statusOf = (current: Doc | undefined) =>
    // Never unpublish: a published record stays published when the seed runs without --publish.
    target === 'published' || current?._status === 'published' ? 'published' : 'draft'
  const write = async (current: Doc | undefined): Promise<string> => {
    const status = statusOf(current)
    const common = {
      collection: record.collection,
      depth: 0,
      overrideAccess: true,
      context: { ...options.context },
      // Only the id is read back: no need to rebuild the whole document after every write.
      select: { id: true },
      ...(drafts ? { draft: status === 'draft' } : {}),
    }
    const statusData = drafts ? { _status: status } : {}
    const finished = formatFingerprint({ input, stored: input })
    const jaData = {
      ...withRowIds(record, record.ja, current),
      ...statusData,
      [SEED_FINGERPRINT]: hasEnglish ? PENDING_FINGERPRINT : finished,
    }
    const id = current
      ? ((await payload.update({ ...common, id: current.id, locale: 'ja', data: jaData } as never)) as unknown as Doc)
          .id
      : ((await payload.create({ ...common, locale: 'ja', data: jaData } as never)) as unknown as Doc).id
    if (hasEnglish && record.en) {
      // English rows must reuse the rows just written, or the Japanese values in them would be lost.
      const rows = record.rowKeys ? await findById(payload, record, id, drafts) : undefined
      await payload.update({
        ...common,
        id,
        locale: 'en',
        data: { ...withRowIds(record, record.en, rows), ...statusData, [SEED_FINGERPRINT]: finished },
      } as never)
    }
    // If a hook rewrote a value, remember what was stored so the next run does not mistake it for an edit.
    const stored = valuesHash(fields, record, await findById(payload, record, id, drafts))
    if (stored !== input) {
      await payload.update({
        ...common,
        id,
        locale: 'ja',
        data: { ...statusData, [SEED_FINGERPRINT]: formatFingerprint({ input, stored }) },
      } as never)
    }
    return id
  }

  for (let attempt = 1; ; attempt++) {
    try {
      const current = await findBySlug(payload, record, drafts)
      const base = { collection: record.collection, slug: record.slug }
      if (!current)
        return {
          ...base,
          id: await write(undefined),
          outcome: 'created',
          published: drafts && statusOf(undefined) === 'published',
        }
      if (options.createOnly)
        return { ...base, id: current.id, outcome: 'unchanged', published: current._status === 'published' }

      const fingerprint = readFingerprint(current[SEED_FINGERPRINT])
      if (fingerprint === null && !options.force) {
        return {
          ...base,
          id: current.id,
          outcome: 'skipped',
          reason: 'not created by the seed (use --force to take it over)',
        }
      }
      if (fingerprint === 'pending' && attempt < MAX_ATTEMPTS) {
        const updatedAt = Date.parse(String(current.updatedAt ?? ''))
        if (Date.now() - updatedAt < PENDING_GRACE_MS) throw new WriteInProgress()
      }
      if (fingerprint !== null && fingerprint !== 'pending') {
        const edited = valuesHash(fields, record, current) !== fingerprint.stored
        if (edited && !options.force) {
          return {
            ...base,
            id: current.id,
            outcome: 'skipped',
            reason: 'edited since the last seed (use --force to overwrite)',
          }
        }
        const needsPublish = drafts && target === 'published' && current._status !== 'published'
        if (!edited && fingerprint.input === input && !needsPublish) {
          return { ...base, id: current.id, outcome: 'unchanged' }
        }
      }
      return {
        ...base,
        id: await write(current),
        outcome: 'updated',
        published: drafts && statusOf(current) === 'published',
      }
    } catch (error) {
      if (attempt < MAX_ATTEMPTS && (error instanceof WriteInProgress || isSlugConflict(error) || isTransient(error))) {
        // Growing, jittered pauses so two imports fall out of step.
        await pause(50 * attempt * attempt + Math.random() * 50)
        continue
      }
      throw error
    }
  }
}
