import { type CollectionSlug, type Payload, type PayloadRequest, ValidationError } from 'payload'

import { itemId } from '../core/items'
import type { ContentType } from '../types'
import { findRows } from './db'

/** Row kinds: feed items, plus markers for glossaries and tags (they move the head so caches drop). */
export type JournalType = ContentType | 'glossary' | 'tag'
export type JournalAction = 'upsert' | 'delete'

export type JournalChange = { type: JournalType; docId: string; action: JournalAction; slug?: string }

export type JournalRow = {
  sequence: number
  itemId: string
  type: JournalType
  docId: string
  action: JournalAction
  slug?: string | null
  at: string
}

export type JournalHead = { sequence: number; at?: string }

/** The latest journal row: one indexed read, used per cold page and by the poller. */
export const readHead = async (payload: Payload, journal: string, req?: PayloadRequest): Promise<JournalHead> => {
  const [row] = await findRows<JournalRow>(payload, {
    collection: journal,
    sort: '-sequence',
    limit: 1,
    select: { sequence: true, at: true },
    req,
  })
  return row ? { sequence: row.sequence, at: row.at } : { sequence: 0 }
}

/** What the journal last told storefronts about an item, if anything. */
export const lastAction = async (
  payload: Payload,
  journal: string,
  id: string,
  req?: PayloadRequest,
): Promise<JournalAction | undefined> => {
  const [row] = await findRows<JournalRow>(payload, {
    collection: journal,
    where: { itemId: { equals: id } },
    sort: '-sequence',
    limit: 1,
    select: { action: true },
    req,
  })
  return row?.action
}

const MAX_SEQUENCE_RETRIES = 5

const isUniqueViolation = (error: unknown): boolean =>
  error instanceof ValidationError ||
  /unique|duplicate key|E11000/i.test(error instanceof Error ? error.message : String(error))

/**
 * Appends rows with consecutive sequences after the current head. The caller holds the journal lock, so
 * within one instance sequences never collide; across instances the unique index turns a collision into
 * an error, and the rows not yet written are retried on a re-read head.
 */
export const appendChanges = async (
  payload: Payload,
  journal: string,
  changes: JournalChange[],
  req: PayloadRequest,
): Promise<number> => {
  let pending = changes
  let last = 0
  for (let attempt = 0; pending.length > 0; attempt += 1) {
    const head = await readHead(payload, journal, req)
    let sequence = head.sequence
    try {
      while (pending.length > 0) {
        const change = pending[0]!
        sequence += 1
        await payload.create({
          collection: journal as CollectionSlug,
          data: {
            sequence,
            itemId:
              change.type === 'glossary' || change.type === 'tag'
                ? `${change.type}:${change.docId}`
                : itemId(change.type, change.docId),
            type: change.type,
            docId: change.docId,
            action: change.action,
            slug: change.slug ?? null,
            at: new Date().toISOString(),
          } as never,
          depth: 0,
          overrideAccess: true,
          req,
        })
        last = sequence
        pending = pending.slice(1)
      }
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= MAX_SEQUENCE_RETRIES) throw error
    }
  }
  return last
}

/** Journal rows in (after, upTo], oldest first, for the given row types. */
export const readChanges = (
  payload: Payload,
  journal: string,
  args: { after: number; upTo: number; types: JournalType[]; limit: number },
): Promise<JournalRow[]> =>
  findRows<JournalRow>(payload, {
    collection: journal,
    where: {
      and: [
        { sequence: { greater_than: args.after } },
        { sequence: { less_than_equal: args.upTo } },
        { type: { in: args.types } },
      ],
    },
    sort: 'sequence',
    limit: args.limit,
    select: { sequence: true, itemId: true, type: true, docId: true, action: true, at: true },
  })

/** Of these items, those with a row in (after, upTo]: a later row will carry them. */
export const itemsChangedLater = async (
  payload: Payload,
  journal: string,
  args: { itemIds: string[]; after: number; upTo: number },
): Promise<Set<string>> => {
  if (args.itemIds.length === 0 || args.after >= args.upTo) return new Set()
  const rows = await findRows<JournalRow>(payload, {
    collection: journal,
    where: {
      and: [
        { itemId: { in: args.itemIds } },
        { sequence: { greater_than: args.after } },
        { sequence: { less_than_equal: args.upTo } },
      ],
    },
    select: { itemId: true },
  })
  return new Set(rows.map((row) => row.itemId))
}

/** The sequence just before the first change at or after `date` (or the head when there is none). */
export const sequenceBefore = async (payload: Payload, journal: string, date: Date, head: number): Promise<number> => {
  const [row] = await findRows<JournalRow>(payload, {
    collection: journal,
    where: { at: { greater_than_equal: date.toISOString() } },
    sort: 'sequence',
    limit: 1,
    select: { sequence: true },
  })
  return row ? row.sequence - 1 : head
}
