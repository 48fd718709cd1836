import type { DefaultServerCellComponentProps, Payload, SanitizedCollectionConfig } from 'payload'
import { cache } from 'react'

type Named = { id: string | number; [field: string]: unknown }

/**
 * One batched read per related collection and request: every cell of the page asks within the same tick,
 * so a 100-row list costs one query instead of the admin's per-cell client fetches (and their "Loading…").
 */
const namesLoader = cache((payload: Payload, collection: string) => {
  const config = (payload.collections as Record<string, { config: SanitizedCollectionConfig } | undefined>)[collection]
    ?.config
  const titleField = config?.admin?.useAsTitle ?? 'id'
  let pending: Map<string, ((name: string | undefined) => void)[]> | undefined
  const flush = async (batch: Map<string, ((name: string | undefined) => void)[]>) => {
    const found = await payload
      .find({
        collection: collection as never,
        where: { id: { in: [...batch.keys()] } },
        depth: 0,
        limit: 0,
        pagination: false,
        select: { [titleField]: true } as never,
      })
      .then((result) => result.docs as unknown as Named[])
      .catch(() => [] as Named[])
    const names = new Map(found.map((doc) => [String(doc.id), String(doc[titleField] ?? doc.id)]))
    for (const [id, waiting] of batch) for (const resolve of waiting) resolve(names.get(id))
  }
  return (id: string): Promise<string | undefined> =>
    new Promise((resolve) => {
      if (!pending) {
        pending = new Map()
        const batch = pending
        setTimeout(() => {
          pending = undefined
          void flush(batch)
        }, 0)
      }
      pending.set(id, [...(pending.get(id) ?? []), resolve])
    })
})

const idOf = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number'
    ? String(value)
    : value && typeof value === 'object' && 'id' in value
      ? String((value as { id: unknown }).id)
      : undefined

/** A relationship column rendered on the server with the related documents' titles already in it. */
export const RelationNamesCell = async ({ cellData, field, payload }: DefaultServerCellComponentProps) => {
  const relationTo = (field as { relationTo?: unknown }).relationTo
  const ids = (Array.isArray(cellData) ? cellData : [cellData]).map(idOf).filter((id): id is string => Boolean(id))
  if (typeof relationTo !== 'string' || ids.length === 0) return <span className="relationship-cell">—</span>
  const load = namesLoader(payload, relationTo)
  const names = await Promise.all(ids.map(async (id) => (await load(id)) ?? `ID: ${id}`))
  return <span className="relationship-cell">{names.join(', ')}</span>
}
