/**
 * A list at depth 1 populates many related documents at once, and each one's own relations (bare ids)
 * are checked for readability. Those checks share one query per collection: the answer must still be
 * right for every document, and the number of reads must not grow with the size of the page.
 */
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createGlossary } from '../../test/helpers/fixtures'
import { startPayload } from '../../test/helpers/payload'

let payload: Payload
const drafts: string[] = []
const neighbours: string[] = []

const term = (slug: string, status: 'draft' | 'published', glossary: string, related: string[] = []) =>
  payload.create({
    collection: 'glossary-terms',
    data: { term: `${slug} 用語`, slug, glossary, related, _status: status },
    draft: status === 'draft',
  })

beforeAll(async () => {
  payload = await startPayload()
  const glossary = await createGlossary(payload, 'batch', 'バッチ用語集')
  for (let i = 0; i < 6; i += 1) drafts.push(String((await term(`hidden-${i}`, 'draft', String(glossary.id))).id))
  // Each published neighbour lists one draft and the neighbour before it.
  for (let i = 0; i < 6; i += 1) {
    const related = [drafts[i]!, ...(i > 0 ? [neighbours[i - 1]!] : [])]
    neighbours.push(String((await term(`neighbour-${i}`, 'published', String(glossary.id), related)).id))
  }
  // The listed terms populate every neighbour at depth 1.
  for (let i = 0; i < 4; i += 1) await term(`listed-${i}`, 'published', String(glossary.id), neighbours)
})

afterAll(async () => {
  await payload?.destroy()
})

type Doc = { slug: string; related?: (string | Doc)[] }

const anonymousList = async () => {
  const req = await createLocalReq({}, payload)
  const calls = { count: 0 }
  const find = payload.db.find
  payload.db.find = function (this: unknown, args) {
    // Only this request's reads: the plugins' background work reads too.
    if (args.req?.context === req.context) calls.count += 1
    return find.call(this, args)
  } as typeof find
  try {
    const page = await payload.find({
      collection: 'glossary-terms',
      where: { slug: { like: 'listed-' } },
      limit: 50,
      depth: 1,
      // A populated term carries link fields by default; ask for its own relations too.
      populate: { 'glossary-terms': { slug: true, related: true } },
      overrideAccess: false,
      req,
    })
    return { docs: page.docs as unknown as Doc[], reads: calls.count }
  } finally {
    payload.db.find = find
  }
}

describe('hidden relations of populated documents', () => {
  it("keeps each populated document's readable ids and drops its drafts", async () => {
    const { docs } = await anonymousList()
    expect(docs).toHaveLength(4)
    for (const listed of docs) {
      const populated = listed.related as Doc[]
      expect(populated.map((doc) => doc.slug)).toEqual(neighbours.map((_, i) => `neighbour-${i}`))
      for (const [i, neighbour] of populated.entries()) {
        expect(neighbour.related, neighbour.slug).toEqual(i > 0 ? [neighbours[i - 1]] : [])
      }
    }
    expect(JSON.stringify(docs)).not.toMatch(new RegExp(drafts.join('|')))
  })

  it('checks readability with one read per collection, not one per populated document', async () => {
    const { reads } = await anonymousList()
    // The page, its related terms, their glossary and the readability of the ids they list.
    expect(reads).toBeLessThanOrEqual(5)
  })
})
