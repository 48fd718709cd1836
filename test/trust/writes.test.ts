import fc from 'fast-check'
import { handleEndpoints, type CollectionSlug, type FlattenedField, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { SERVER_OWNED_FIELDS } from '../../src/security/writeRules'
import { WRITE_LIMITS } from '../../src/security/writeShape'
import { createUser, loginToken } from '../helpers/fixtures'
import { graphql, rest } from '../helpers/http'
import { config, startPayload } from '../helpers/payload'
import { testEngine } from '../setup/testDatabase'
import { createSampleContent } from './sampleContent'

/**
 * Writes an editor can send must never cost readers anything: a body the hub cannot store whole is a
 * 400 naming the field with nothing stored (no ghost document, no version), and a stored document no
 * read can convert is left out of lists instead of breaking them for everyone.
 */

const CONTENT = ['glossary-terms', 'glossaries', 'tags', 'case-studies', 'playbooks'] as const
type Content = (typeof CONTENT)[number]

let payload: Payload
let editorToken: string
let sample: Awaited<ReturnType<typeof createSampleContent>>
let serial = 0

/** A body each collection accepts, with a fresh slug. */
const validBody = (slug: Content): Record<string, unknown> => {
  serial += 1
  const key = `write-${serial}`
  switch (slug) {
    case 'glossary-terms':
      return { term: `用語${serial}`, slug: key, glossary: sample.glossary.id, _status: 'published' }
    case 'glossaries':
      return { name: `用語集${serial}`, slug: key }
    case 'tags':
      return { name: `Tag ${serial}`, slug: key }
    case 'case-studies':
      return { title: `事例${serial}`, slug: key, persona: { name: '絵里奈' }, _status: 'published' }
    case 'playbooks':
      return { title: `手順${serial}`, slug: key, _status: 'published' }
  }
}

const existingId = (slug: Content): string =>
  ({
    'glossary-terms': sample.utm.id,
    glossaries: sample.glossary.id,
    tags: sample.tag.id,
    'case-studies': sample.caseStudy.id,
    playbooks: sample.playbook.id,
  })[slug]

const DEEP = '"__DEEP_RICH_TEXT__"'

/** Rich text nested `depth` paragraphs deep, as JSON text (JSON.stringify itself overflows long before 3,000). */
const deepRichText = (depth: number): string =>
  `{"root":{"type":"root","version":1,"children":[${'{"type":"paragraph","version":1,"children":['.repeat(depth)}` +
  `{"type":"text","text":"x","version":1}${']}'.repeat(depth)}]}}`

/** An editor's REST write through Payload's router, with the body sent as given (so it can hold a deep value). */
const write = async (method: 'PATCH' | 'POST', path: string, body: string) => {
  const request = new Request(`http://localhost:3000${path}`, {
    method,
    headers: { Authorization: `JWT ${editorToken}`, 'content-type': 'application/json' },
    body,
  })
  const response = await handleEndpoints({ config, request })
  const text = await response.text()
  return { status: response.status, text }
}

const encode = (body: Record<string, unknown>, deep?: number) => {
  const text = JSON.stringify(body)
  return deep === undefined ? text : text.replace(DEEP, deepRichText(deep))
}

const counts = async (slug: Content) => {
  const docs = (await payload.count({ collection: slug, overrideAccess: true })).totalDocs
  const versioned = Boolean(payload.collections[slug].config.versions)
  const versions = versioned ? (await payload.countVersions({ collection: slug, overrideAccess: true })).totalDocs : 0
  return { docs, versions }
}

const storedDoc = async (slug: Content, id: string) =>
  JSON.stringify(
    await payload.findByID({ collection: slug, id, draft: true, depth: 0, overrideAccess: true, locale: 'all' }),
  )

/** Field names a 400 may name for this collection (first path segment), plus `data` for a body that is no object. */
const fieldNames = (slug: Content) =>
  new Set(['data', ...payload.collections[slug].config.flattenedFields.map((field) => field.name)])

const expectFieldError = (slug: Content, status: number, text: string, what: string) => {
  expect(status, `${what} answered ${status}: ${text.slice(0, 400)}`).toBe(400)
  const json = JSON.parse(text) as {
    errors?: { message?: string; data?: { errors?: { path?: string; message?: string }[] } }[]
  }
  const named = json.errors?.flatMap((error) => error.data?.errors ?? []) ?? []
  expect(named.length, `${what}: the 400 names no field: ${text.slice(0, 400)}`).toBeGreaterThan(0)
  for (const field of named) {
    expect(fieldNames(slug).has(String(field.path).split('.')[0]!), `${what}: names '${field.path}'`).toBe(true)
    expect(typeof field.message).toBe('string')
  }
}

/** Every public read a storefront makes: each collection's REST list and GraphQL list, and the feed. */
const expectPublicReadsAnswer = async (when: string) => {
  for (const slug of CONTENT) {
    const list = await rest(`/api/${slug}?limit=100`)
    expect(
      list.status,
      `${when}: anonymous /api/${slug} answered ${list.status}: ${JSON.stringify(list.json).slice(0, 300)}`,
    ).toBe(200)
  }
  const feed = await rest('/api/feed?limit=100')
  expect(feed.status, `${when}: /api/feed answered ${feed.status}: ${JSON.stringify(feed.json).slice(0, 300)}`).toBe(
    200,
  )
  const gql = await graphql(
    '{ GlossaryTerms(limit: 100) { docs { id term createdAt } } Tags(limit: 100) { docs { id name } } CaseStudies(limit: 100) { docs { id } } Playbooks(limit: 100) { docs { id } } Glossaries(limit: 100) { docs { id } } }',
  )
  expect(gql.status, `${when}: GraphQL answered ${gql.status}`).toBe(200)
  expect(gql.json.errors, `${when}: GraphQL errors ${JSON.stringify(gql.json.errors)?.slice(0, 300)}`).toBeUndefined()
}

/** Date fields of a collection at the top level (createdAt, updatedAt, and any the collection declares). */
const dateFields = (slug: Content) =>
  payload.collections[slug].config.flattenedFields.filter((field) => field.type === 'date').map((field) => field.name)

const BAD_DATES: unknown[] = [
  'not-a-date',
  '',
  '2026-13-45T99:00:00Z',
  '+275761-01-01T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  9e15,
  {},
  [],
  true,
]

beforeAll(async () => {
  payload = await startPayload()
  await createUser(payload, 'editor@example.com', ['editor'])
  editorToken = await loginToken(payload, 'editor@example.com')
  sample = await createSampleContent(payload)
})
afterAll(async () => {
  await payload?.destroy()
})

describe('a bad date in a write never breaks a public read', () => {
  it.each(CONTENT)(
    '%s: bad createdAt/updatedAt/dates are ignored or refused, and every public read still answers',
    async (slug) => {
      const dates = dateFields(slug)
      expect(dates).toEqual(expect.arrayContaining(['createdAt', 'updatedAt']))
      for (const field of dates) {
        for (const bad of BAD_DATES) {
          for (const method of ['POST', 'PATCH'] as const) {
            const before = await counts(slug)
            const path = method === 'POST' ? `/api/${slug}` : `/api/${slug}/${existingId(slug)}`
            const body = method === 'POST' ? validBody(slug) : {}
            const { status, text } = await write(method, path, JSON.stringify({ ...body, [field]: bad }))
            const what = `${method} ${path} with ${field}=${JSON.stringify(bad)}`
            expect([200, 201, 400], `${what} answered ${status}: ${text.slice(0, 300)}`).toContain(status)
            if (status === 400) {
              expectFieldError(slug, status, text, what)
              expect(await counts(slug), `${what}: stored something`).toEqual(before)
            } else {
              // Server-owned: the stored value is the server's own, a readable date.
              const { doc } = JSON.parse(text) as { doc: Record<string, unknown> }
              expect(Number.isFinite(Date.parse(String(doc[field]))), `${what}: stored ${String(doc[field])}`).toBe(
                true,
              )
              expect(doc[field]).not.toEqual(bad)
            }
          }
        }
      }
      await expectPublicReadsAnswer(`after bad dates on ${slug}`)
    },
  )

  it('a GraphQL mutation with a bad createdAt is ignored or refused, and reads still answer', async () => {
    serial += 1
    const result = await graphql(
      `mutation { createTag(data: { name: "GQL ${serial}", slug: "gql-${serial}", createdAt: "not-a-date", updatedAt: "not-a-date" }) { id createdAt } }`,
      editorToken,
    )
    expect(result.status).toBeLessThan(500)
    const created = result.json.data?.createTag as { createdAt?: string } | null | undefined
    if (created) expect(Number.isFinite(Date.parse(String(created.createdAt)))).toBe(true)
    await expectPublicReadsAnswer('after a GraphQL bad date')
  })
})

describe.skipIf(testEngine() === 'mongodb')('a stored document no read can convert', () => {
  it('is left out of anonymous lists, GraphQL and the feed instead of failing them', async () => {
    const odd = await payload.create({
      collection: 'glossary-terms',
      data: { term: '壊れた日付', slug: 'odd-stored-date', glossary: sample.glossary.id, _status: 'published' },
    })
    const oddTag = await payload.create({ collection: 'tags', data: { name: 'Odd', slug: 'odd-tag' } })
    // Written around Payload, as a hand edit or an older release could have left it.
    const client = (
      payload.db as unknown as { client: { execute: (q: { sql: string; args: unknown[] }) => Promise<unknown> } }
    ).client
    await client.execute({ sql: `UPDATE glossary_terms SET created_at = 'not-a-date' WHERE id = ?`, args: [odd.id] })
    await client.execute({ sql: `UPDATE tags SET updated_at = 'garbage' WHERE id = ?`, args: [oddTag.id] })

    await expectPublicReadsAnswer('with odd stored rows')
    const terms = await rest('/api/glossary-terms?limit=100')
    const ids = (terms.json.docs as { id: string }[]).map((doc) => doc.id)
    expect(ids).not.toContain(odd.id)
    expect(ids).toContain(sample.utm.id)
    const tags = await rest('/api/tags?limit=100')
    expect((tags.json.docs as { id: string }[]).map((doc) => doc.id)).toEqual(expect.arrayContaining([sample.tag.id]))
    const one = await rest(`/api/glossary-terms/${odd.id}`)
    expect(one.status).toBeLessThan(500)
    const staff = await rest('/api/glossary-terms?limit=100&draft=true', { token: editorToken })
    expect(staff.status).toBe(200)

    await client.execute({ sql: 'DELETE FROM glossary_terms WHERE id = ?', args: [odd.id] })
    await client.execute({ sql: 'DELETE FROM tags WHERE id = ?', args: [oddTag.id] })
  })
})

/** Fields whose value the database stores in its own shape (rows, ids, JSON, dates, options, numbers). */
const STRUCTURED = new Set<FlattenedField['type']>([
  'relationship',
  'upload',
  'array',
  'blocks',
  'richText',
  'date',
  'select',
  'radio',
  'number',
  'checkbox',
  'group',
  'tab',
])

const junk = fc.oneof(
  fc.constant('x'),
  fc.integer(),
  fc.boolean(),
  fc.constant({}),
  fc.constant([null, 1, {}]),
  fc.constant([[['x']]]),
  fc.constant({ id: 5 }),
  fc.constant([{ relationTo: 'nowhere', value: 'x' }]),
  fc.string({ maxLength: 8 }),
)

type Generated = { value: unknown; deep?: number }

/** Malformed (and a few well-formed) values for one field, following what its type stores. */
const valueFor = (slug: Content, field: FlattenedField): fc.Arbitrary<Generated> => {
  const plain = (arbitrary: fc.Arbitrary<unknown>) => arbitrary.map((value) => ({ value }))
  const many = (item: unknown) =>
    fc
      .integer({ min: WRITE_LIMITS.maxRows + 1, max: 10_000 })
      .map((n) => ({ value: Array.from({ length: n }, () => item) }))
  switch (field.type) {
    case 'relationship':
    case 'upload': {
      const target = typeof field.relationTo === 'string' ? (field.relationTo as Content) : undefined
      const real = target && CONTENT.includes(target) ? existingId(target) : 'x'
      return fc.oneof(
        plain(junk),
        plain(fc.constant(field.hasMany ? [real, 'missing-id'] : 'missing-id')),
        plain(fc.constant(field.hasMany ? 'x' : [real])),
        many(real),
        plain(fc.constant(field.hasMany ? [real] : real)),
      )
    }
    case 'array':
    case 'blocks':
      return fc.oneof(
        plain(junk),
        plain(fc.constant([null])),
        plain(fc.constant([{ id: 5 }])),
        many({}),
        plain(fc.constant([{ document: 5, completeness: 'bogus', title: 7, playbook: 'x', text: 1 }])),
      )
    case 'richText':
      return fc.oneof(
        plain(junk),
        plain(fc.constant({ root: 'x' })),
        plain(fc.constant({ root: { type: 'root', children: 'x' } })),
        plain(fc.constant({ root: { type: 'root', children: [{ type: 'text', text: 5 }] } })),
        fc
          .integer({ min: WRITE_LIMITS.maxRichTextDepth + 1, max: 3_000 })
          .map((deep) => ({ value: '__DEEP_RICH_TEXT__', deep })),
        fc.integer({ min: 1, max: 10 }).map((deep) => ({ value: '__DEEP_RICH_TEXT__', deep })),
      )
    case 'date':
      return fc.oneof(plain(fc.constantFrom(...BAD_DATES)), plain(fc.constant('2026-01-31T09:00:00.000Z')))
    case 'select':
    case 'radio':
      return fc.oneof(
        plain(junk),
        plain(fc.constant(['bogus'])),
        many(typeof field.options[0] === 'string' ? field.options[0] : field.options[0]!.value),
      )
    case 'number':
      return fc.oneof(plain(junk), plain(fc.constant('1e999')), plain(fc.constant(1.5)))
    case 'text':
      return field.hasMany ? fc.oneof(plain(junk), many('alias'), plain(fc.constant(['ok', 'fine']))) : plain(junk)
    default:
      return plain(junk)
  }
  void slug
}

/** Every field an editor can write: server-owned timestamps are ignored on input, so junk there is no test. */
const targetFields = (slug: Content) =>
  payload.collections[slug].config.flattenedFields.filter(
    (field) =>
      !(SERVER_OWNED_FIELDS as readonly string[]).includes(field.name) &&
      (STRUCTURED.has(field.type) || field.type === 'text' || field.type === 'textarea'),
  )

describe('malformed editor bodies never leave a ghost write', () => {
  it.each(CONTENT)(
    '%s: every answer is 2xx or a 400 naming the field, and a refused write stores nothing',
    async (slug) => {
      const fields = targetFields(slug)
      expect(fields.length).toBeGreaterThan(0)
      const statuses: Record<number, number> = {}
      const oneField = fc
        .constantFrom(...fields)
        .chain((field) => valueFor(slug, field).map((generated) => ({ field, ...generated })))
      await fc.assert(
        fc.asyncProperty(fc.array(oneField, { minLength: 1, maxLength: 2 }), fc.boolean(), async (picks, create) => {
          const overrides: Record<string, unknown> = {}
          let deep: number | undefined
          for (const pick of picks) {
            if (pick.deep !== undefined && deep !== undefined) continue
            overrides[pick.field.name] = pick.value
            if (pick.deep !== undefined) deep = pick.deep
          }
          const id = existingId(slug)
          const path = create ? `/api/${slug}` : `/api/${slug}/${id}`
          const body = encode({ ...(create ? validBody(slug) : {}), ...overrides }, deep)
          const before = await counts(slug)
          const docBefore = create ? undefined : await storedDoc(slug, id)
          const { status, text } = await write(create ? 'POST' : 'PATCH', path, body)
          const what = `${create ? 'POST' : 'PATCH'} ${path} ${body.slice(0, 200)}`
          statuses[status] = (statuses[status] ?? 0) + 1
          if (status >= 200 && status < 300) return
          expectFieldError(slug, status, text, what)
          expect(await counts(slug), `${what}: a refused write stored something`).toEqual(before)
          if (docBefore)
            expect(await storedDoc(slug, id), `${what}: a refused update changed the document`).toBe(docBefore)
        }),
        { numRuns: Number(process.env.WRITE_FUZZ_RUNS ?? 40), seed: Number(process.env.FUZZ_SEED ?? 20261202) },
      )
      // The generators reach past the first check: most bodies are refused, some are stored.
      expect(statuses[400], JSON.stringify(statuses)).toBeGreaterThan(0)
      await expectPublicReadsAnswer(`after malformed writes to ${slug}`)
    },
  )

  it.each([
    ['related: "x"', { related: 'x' }],
    ['tags: "x"', { tags: 'x' }],
    ['aliases: [null, 1, {}]', { aliases: [null, 1, {}] }],
    ['10,000 aliases', { aliases: Array.from({ length: 10_000 }, (_, i) => `alias ${i}`) }],
    ['a related id that does not exist', { related: ['no-such-term'] }],
  ])('the reported body %s is a 400 naming the field, with no document and no version stored', async (_name, extra) => {
    const before = await counts('glossary-terms')
    const { status, text } = await write(
      'POST',
      '/api/glossary-terms',
      JSON.stringify({ ...validBody('glossary-terms'), ...extra }),
    )
    expectFieldError('glossary-terms', status, text, JSON.stringify(extra).slice(0, 80))
    expect(JSON.parse(text).errors[0].data.errors[0].path.split('.')[0]).toBe(Object.keys(extra)[0])
    expect(await counts('glossary-terms')).toEqual(before)
  })

  it('rich text nested 3,000 deep is a 400 naming the field, with nothing stored', async () => {
    const before = await counts('glossary-terms')
    const { status, text } = await write(
      'POST',
      '/api/glossary-terms',
      encode({ ...validBody('glossary-terms'), body: '__DEEP_RICH_TEXT__' }, 3_000),
    )
    expectFieldError('glossary-terms', status, text, 'deep body')
    expect(JSON.parse(text).errors[0].data.errors[0].path).toBe('body')
    expect(await counts('glossary-terms')).toEqual(before)
  })

  it('a well-formed body within the limits is still accepted', async () => {
    const { status, text } = await write(
      'POST',
      '/api/glossary-terms',
      encode(
        {
          ...validBody('glossary-terms'),
          aliases: Array.from({ length: WRITE_LIMITS.maxRows }, (_, i) => `a${i}`),
          related: [sample.utm.id, sample.draft.id],
          tags: [sample.tag.id],
          body: '__DEEP_RICH_TEXT__',
        },
        20,
      ),
    )
    expect(status, text.slice(0, 300)).toBe(201)
  })

  it("the admin's own form body (multipart _payload, an empty list sent as its row count 0) creates a draft", async () => {
    const form = new FormData()
    const data = {
      ...validBody('glossary-terms'),
      slug: 'admin-form-draft',
      _status: 'draft',
      sources: 0,
      aliases: [],
      meta: {},
    }
    form.append('_payload', JSON.stringify(data))
    const { status, json } = await rest('/api/glossary-terms?locale=ja&depth=0&draft=true', {
      method: 'POST',
      rawBody: form,
      token: editorToken,
    })
    expect(status, JSON.stringify(json).slice(0, 300)).toBe(201)
    expect(json.doc).toMatchObject({ slug: 'admin-form-draft', sources: [] })
  })

  it('the Local API with a user (overrideAccess: false) is held to the same rules', async () => {
    const user = (
      await payload.find({
        collection: 'users',
        where: { email: { equals: 'editor@example.com' } },
        overrideAccess: true,
      })
    ).docs[0]!
    const before = await counts('glossary-terms')
    await expect(
      payload.create({
        collection: 'glossary-terms' as CollectionSlug,
        overrideAccess: false,
        user: { ...user, collection: 'users' },
        data: { ...validBody('glossary-terms'), related: 'x' } as never,
      }),
    ).rejects.toMatchObject({ status: 400 })
    expect(await counts('glossary-terms')).toEqual(before)
  })
})
