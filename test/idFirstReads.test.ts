import type { Payload, Where } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { createGlossary } from './helpers/fixtures'
import { startPayload } from './helpers/payload'
import { testEngine } from './setup/testDatabase'

/**
 * On SQLite the hub reads pages ids first (src/database/idFirstReads.ts). Every page it answers must be
 * the one Payload's adapter answers in one step: same documents, order, counts and page numbers.
 */
let payload: Payload
type Find = Payload['db']['find']
let idsFirst: Find
let oneStep: Find

beforeAll(async () => {
  payload = await startPayload()
  idsFirst = payload.db.find
  oneStep = (idsFirst as Find & { oneStep?: Find }).oneStep!
  const glossary = await createGlossary(payload, 'orchard', '果樹園用語集')
  const tag = await payload.create({ collection: 'tags', data: { name: 'Stone fruit', slug: 'stone-fruit' } })
  const fruits = [
    'apricot',
    'bilberry',
    'cherry',
    'damson',
    'elderberry',
    'feijoa',
    'greengage',
    'huckleberry',
    'jujube',
    'kiwano',
    'lingonberry',
    'mirabelle',
  ]
  for (const [i, slug] of fruits.entries()) {
    await payload.create({
      collection: 'glossary-terms',
      data: {
        term: `${slug} 用語`,
        slug,
        englishName: slug.toUpperCase(),
        summary: `${slug} の要約`,
        glossary: glossary.id,
        tags: i % 3 === 0 ? [tag.id] : [],
        _status: i % 4 === 3 ? 'draft' : 'published',
      },
    })
  }
})

const both = async (args: {
  where?: Where
  sort?: string
  limit: number
  page?: number
  locale?: string
  depth?: number
}) => {
  const read = (find: Find) => {
    payload.db.find = find
    return payload.find({ collection: 'glossary-terms', overrideAccess: false, ...args } as never)
  }
  try {
    return { idsFirst: await read(idsFirst), oneStep: await read(oneStep) }
  } finally {
    payload.db.find = idsFirst
  }
}

describe.runIf(testEngine() === 'sqlite')('SQLite pages read ids first', () => {
  it('installs the ids-first read on the adapter', () => {
    expect(oneStep).toBeTypeOf('function')
    expect(oneStep).not.toBe(idsFirst)
  })

  it.each([
    ['the default sort, first page', { limit: 4 }],
    ['the default sort, a middle page', { limit: 4, page: 2 }],
    ['past the last page', { limit: 4, page: 9 }],
    ['sorted by English name, descending', { limit: 5, sort: '-englishName' }],
    ['sorted by a localized field in English', { limit: 5, sort: 'term', locale: 'en' }],
    ['filtered by a relationship', { limit: 3, where: { tags: { exists: true } } }],
    ['filtered through a related document', { limit: 3, where: { 'glossary.slug': { equals: 'orchard' } }, depth: 1 }],
    ['filtered by a localized text match', { limit: 2, where: { summary: { like: 'berry' } } }],
    ['matching nothing', { limit: 5, where: { slug: { equals: 'no-such-fruit' } } }],
    ['every locale at once', { limit: 3, locale: 'all' }],
  ])('answers the same page as one step: %s', async (_case, args) => {
    const { idsFirst: a, oneStep: b } = await both(args as never)
    expect(a).toEqual(b)
  })

  it('never returns a draft to an anonymous reader', async () => {
    const { idsFirst: page } = await both({ limit: 50 })
    expect(page.docs.length).toBe(9)
    expect(page.docs.every((doc) => (doc as { _status?: string })._status === 'published')).toBe(true)
  })
})
