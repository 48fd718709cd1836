import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createGlossary } from '../../test/helpers/fixtures'
import { startPayload } from '../../test/helpers/payload'
import { findInPages, mapInPages } from './findInPages'

/** Start-up reads of whole collections, a page at a time, while other writers change the collection. */
let payload: Payload
const ids: string[] = []
let glossaryId: string

describe('findInPages', () => {
  beforeAll(async () => {
    payload = await startPayload()
    const glossary = await createGlossary(payload, 'orchards', '果樹園用語集')
    glossaryId = String(glossary.id)
    for (let i = 0; i < 11; i += 1) {
      const doc = await payload.create({
        collection: 'glossary-terms',
        data: { term: `接ぎ木 ${i}`, slug: `grafting-${i}`, glossary: glossary.id, _status: 'published' },
      })
      ids.push(String(doc.id))
    }
    // A newer draft of one term: the drafts read sees it, the published read keeps the published text.
    await payload.update({ collection: 'glossary-terms', id: ids[4]!, data: { term: '接ぎ木 下書き' }, draft: true })
  }, 120_000)
  afterAll(async () => {
    await payload?.destroy()
  })

  const orchard = { slug: { like: 'grafting-' } }

  it('reads every matching document once, in pages of the given size', async () => {
    const pages: number[] = []
    const seen: string[] = []
    for await (const page of findInPages(payload, { collection: 'glossary-terms', where: orchard, depth: 0 }, 4)) {
      pages.push(page.length)
      seen.push(...page.map((doc) => String(doc.id)))
    }
    expect(pages).toEqual([4, 4, 3])
    expect(seen).toEqual(ids)
  })

  it('neither skips nor repeats a document when another writer deletes one mid-read', async () => {
    const extra = await payload.create({
      collection: 'glossary-terms',
      data: { term: '剪定', slug: 'grafting-pruning', glossary: glossaryId, _status: 'published' },
    })
    const seen: string[] = []
    let deleted = false
    for await (const page of findInPages(payload, { collection: 'glossary-terms', where: orchard, depth: 0 }, 3)) {
      seen.push(...page.map((doc) => String(doc.id)))
      if (!deleted) {
        // An offset-paged read would now skip the fourth document.
        await payload.delete({ collection: 'glossary-terms', id: ids[0]! })
        deleted = true
      }
    }
    expect(seen).toEqual([...ids, String(extra.id)])
    expect(new Set(seen).size).toBe(seen.length)
  })

  it('reads the newest drafts when asked, one per document', async () => {
    const terms = await mapInPages(
      payload,
      { collection: 'glossary-terms', where: orchard, draft: true, depth: 0 },
      (doc) => String(doc.term),
      2,
    )
    expect(terms).toContain('接ぎ木 下書き')
    expect(terms.filter((term) => term.startsWith('接ぎ木'))).toHaveLength(10)
  })
})
