import type { CollectionAfterReadHook, CollectionSlug, FlattenedField, PayloadRequest } from 'payload'

import { isStaffRequest } from '../access/roles'
import { readAccessOf } from './readerQueries'

/**
 * Why this exists: Payload populates only the related documents a reader may read and leaves the
 * others as bare ids, and at depth 0 (or below the populated depth) every relation is a bare id; so
 * a public document listed the ids of drafts and unpublished documents. For readers who are not
 * staff, a bare id stays only when the reader could read that document itself.
 */

type Relation = { slug: string; id: string; drop: () => void }

const idOf = (value: unknown): string | null =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : null

/** Every bare-id relation in `data`, through groups, arrays, tabs and blocks, with a way to remove it. */
const collectRelations = (fields: FlattenedField[], data: Record<string, unknown>, found: Relation[]) => {
  for (const field of fields) {
    if (!('name' in field)) continue
    const value = data[field.name]
    if (value === undefined || value === null) continue
    if ((field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string') {
      const slug = field.relationTo
      if (Array.isArray(value)) {
        const list = value
        for (const item of list) {
          const id = idOf(item)
          if (id) found.push({ slug, id, drop: () => list.splice(list.indexOf(item), 1) })
        }
      } else {
        const id = idOf(value)
        if (id) found.push({ slug, id, drop: () => (data[field.name] = null) })
      }
    } else if (field.type === 'array' && Array.isArray(value)) {
      for (const row of value) if (row && typeof row === 'object') collectRelations(field.flattenedFields, row, found)
    } else if (field.type === 'blocks' && Array.isArray(value)) {
      for (const row of value) {
        const block = field.blocks.find((b) => typeof b !== 'string' && b.slug === row?.blockType)
        if (block && typeof block !== 'string') collectRelations(block.flattenedFields, row, found)
      }
    } else if ((field.type === 'group' || field.type === 'tab') && typeof value === 'object') {
      collectRelations(field.flattenedFields, value as Record<string, unknown>, found)
    }
  }
}

type Lookups = {
  /** Per id, whether the reader may read it: settled, or waiting for the batch it joined. */
  known: Map<string, Promise<boolean>>
  /** Ids asked for this turn, with how to answer each; one query reads them all. */
  batch?: Map<string, (readable: boolean | Error) => void>
}

/** One query for every id asked for since the batch opened (sibling documents' hooks of one find). */
const flush = async (slug: string, lookups: Lookups, req: PayloadRequest) => {
  const batch = lookups.batch!
  lookups.batch = undefined
  const ids = [...batch.keys()]
  try {
    const { docs } = await req.payload.find({
      collection: slug as CollectionSlug,
      where: { id: { in: ids } },
      req,
      overrideAccess: false,
      draft: false,
      depth: 0,
      pagination: false,
      limit: ids.length,
      select: {},
    })
    const found = new Set(docs.map((doc) => String(doc.id)))
    for (const [id, answer] of batch) answer(found.has(id))
  } catch (error) {
    for (const answer of batch.values()) answer(error instanceof Error ? error : new Error(String(error)))
  }
}

/**
 * Which of `ids` in `slug` the reader may read, remembered for the rest of the request. A populated
 * list runs this hook for each of its documents at once (150 related terms of a 50-term page at depth 1):
 * ids asked for in the same turn wait for one query together instead of one query per document.
 */
const readableSet = async (slug: string, ids: string[], req: PayloadRequest): Promise<Set<string>> => {
  const bySlug = ((req.context.hubReadableIds as Map<string, Lookups> | undefined) ??= new Map())
  const lookups = bySlug.get(slug) ?? { known: new Map() }
  bySlug.set(slug, lookups)
  for (const id of new Set(ids)) {
    if (lookups.known.has(id)) continue
    if (!lookups.batch) {
      lookups.batch = new Map()
      setImmediate(() => void flush(slug, lookups, req))
    }
    const batch: NonNullable<Lookups['batch']> = lookups.batch
    lookups.known.set(
      id,
      new Promise<boolean>((resolve, reject) =>
        batch.set(id, (readable: boolean | Error) =>
          readable instanceof Error ? reject(readable) : resolve(readable),
        ),
      ),
    )
  }
  const readable = await Promise.all(ids.map(async (id) => [id, await lookups.known.get(id)!] as const))
  return new Set(readable.filter(([, ok]) => ok).map(([id]) => id))
}

export const dropHiddenRelations: CollectionAfterReadHook = async ({ collection, doc, overrideAccess, req }) => {
  if (overrideAccess === true || isStaffRequest(req) || !doc || typeof doc !== 'object') return doc
  const relations: Relation[] = []
  collectRelations(collection.flattenedFields, doc, relations)
  const bySlug = new Map<string, Relation[]>()
  for (const relation of relations) bySlug.set(relation.slug, [...(bySlug.get(relation.slug) ?? []), relation])
  for (const [slug, list] of bySlug) {
    const access = await readAccessOf(slug, req)
    if (access === true) continue
    const readable =
      access === false
        ? new Set<string>()
        : await readableSet(
            slug,
            list.map((r) => r.id),
            req,
          )
    for (const relation of list) if (!readable.has(relation.id)) relation.drop()
  }
  return doc
}
