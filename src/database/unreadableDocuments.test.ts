import type { BaseDatabaseAdapter, Where } from 'payload'
import { describe, expect, it, vi } from 'vitest'

import { skipUnreadableInPages, skipUnreadableOne } from './unreadableDocuments'

// A shelf of jars; the one labelled 'cracked' cannot be read, as a row whose date column holds garbage.
const jars = ['apricot', 'cracked', 'damson', 'elder']

const idIn = (where: Where | undefined): string | undefined => {
  const and = (where?.and as Where[] | undefined) ?? (where ? [where] : [])
  for (const part of and) {
    const equals = (part.id as { equals?: string } | undefined)?.equals
    if (equals) return equals
  }
  return undefined
}

const shelfRead = vi.fn(async (args: { where?: Where; select?: Record<string, boolean> }) => {
  const only = idIn(args.where)
  const ids = only ? jars.filter((jar) => jar === only) : jars
  const idsOnly = args.select && Object.keys(args.select).join() === 'id'
  if (!idsOnly && ids.includes('cracked')) throw new RangeError('Invalid time value')
  return { docs: ids.map((id) => ({ id, ...(idsOnly ? {} : { label: id.toUpperCase() }) })), totalDocs: ids.length }
})

const adapter = { payload: { logger: { error: vi.fn() } } } as unknown as BaseDatabaseAdapter

describe('skipUnreadableInPages', () => {
  it('answers a page without the document it cannot read, and logs that one', async () => {
    const read = skipUnreadableInPages(shelfRead as never) as unknown as (
      args: object,
    ) => Promise<{ docs: { id: string }[]; totalDocs: number }>
    const page = await read.call(adapter, { collection: 'jars', limit: 10 })
    expect(page.docs.map((doc) => doc.id)).toEqual(['apricot', 'damson', 'elder'])
    expect(page.docs[0]).toEqual({ id: 'apricot', label: 'APRICOT' })
    expect(adapter.payload.logger.error).toHaveBeenCalledWith(
      expect.objectContaining({ msg: expect.stringContaining('jars document cracked') }),
    )
  })

  it('passes other errors through', async () => {
    const failing = skipUnreadableInPages((async () => {
      throw new Error('disk on fire')
    }) as never) as unknown as (args: object) => Promise<unknown>
    await expect(failing.call(adapter, { collection: 'jars' })).rejects.toThrow('disk on fire')
  })

  it('keeps the properties of the read it wraps', () => {
    const original = Object.assign(async () => ({ docs: [] }), { oneStep: 'kept' })
    expect((skipUnreadableInPages(original as never) as unknown as { oneStep: string }).oneStep).toBe('kept')
  })
})

describe('skipUnreadableOne', () => {
  it('treats a document it cannot read as absent', async () => {
    const findOne = skipUnreadableOne((async () => {
      throw new RangeError('Invalid time value')
    }) as never)
    await expect(
      findOne.call(adapter, { collection: 'jars', where: { id: { equals: 'cracked' } } } as never),
    ).resolves.toBeNull()
  })
})
