import { getIntrospectionQuery } from 'graphql'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createGlossary, createUser, loginToken } from '../helpers/fixtures'
import { graphql } from '../helpers/http'
import { startPayload } from '../helpers/payload'

/**
 * GraphQL gets the same kind of hard budget as anonymous REST: a query that would resolve too much is
 * refused with 400 naming the limit, before anything runs; staff get higher limits.
 */

const TERMS = 40
const LINKS = 6
/** Far below the 11 s the seven-level query took before; the refusal happens before execution. */
const REFUSAL_MS = 2_000

let payload: Payload
let staffToken: string

beforeAll(async () => {
  payload = await startPayload()
  const glossary = await createGlossary(payload)
  const ids: string[] = []
  for (let i = 0; i < TERMS; i += 1) {
    const doc = await payload.create({
      collection: 'glossary-terms',
      data: {
        term: `予算${i}`,
        slug: `budget-${i}`,
        summary: `summary ${i}`,
        glossary: glossary.id,
        _status: 'published',
      },
    })
    ids.push(String(doc.id))
  }
  // Every term relates to the next LINKS terms: each level of `related` multiplies the answer by LINKS.
  for (const [i, id] of ids.entries()) {
    const related = Array.from({ length: LINKS }, (_, k) => ids[(i + k + 1) % TERMS]!)
    await payload.update({ collection: 'glossary-terms', id, data: { related, _status: 'published' } })
  }
  await createUser(payload, 'editor@example.com', ['editor'])
  staffToken = await loginToken(payload, 'editor@example.com')
})
afterAll(async () => {
  await payload?.destroy()
})

const nested = (levels: number, leaf = 'slug') => {
  let inner = leaf
  for (let i = 0; i < levels; i += 1) inner = `related { slug ${inner} }`
  return inner
}

const refusedQuickly = async (query: string, token?: string, options?: Parameters<typeof graphql>[2]) => {
  const started = performance.now()
  const answer = await graphql(query, token, options)
  const elapsed = performance.now() - started
  expect(answer.status).toBe(400)
  expect(answer.json.data ?? null).toBeNull()
  expect(elapsed).toBeLessThan(REFUSAL_MS)
  return answer.json.errors as { message: string; extensions?: { parameter?: string } }[]
}

describe('anonymous GraphQL has a hard budget', () => {
  it('refuses related { related { … } } seven levels deep with 400 naming the limit', async () => {
    const errors = await refusedQuickly(`{ GlossaryTerms(limit: 100) { docs { ${nested(7)} } } }`)
    expect(errors.map((error) => error.message).join('\n')).toMatch(/depth: .*at most 6/)
    expect(errors.map((error) => error.message).join('\n')).toMatch(/complexity: /)
  })

  it('refuses fan-out within the depth limit: three related levels on a page of 100', async () => {
    const errors = await refusedQuickly(`{ GlossaryTerms(limit: 100) { docs { ${nested(3, 'slug term summary')} } } }`)
    expect(errors[0]!.message).toMatch(/^Query budget: complexity: /)
    expect(errors[0]!.extensions?.parameter).toBe('cost')
  })

  it('refuses many aliases of one field', async () => {
    const fields = Array.from({ length: 40 }, (_, i) => `a${i}: GlossaryTerms(limit: 1) { docs { slug } }`)
    const errors = await refusedQuickly(`{ ${fields.join('\n')} }`)
    expect(errors.some((error) => /aliases: the query uses 40 aliases; at most 25/.test(error.message))).toBe(true)
  })

  it.each([
    ['limit: 101', /limit: GlossaryTerms\(limit\) is 101/],
    ['limit: 0', /limit: GlossaryTerms\(limit\) is 0/],
    ['limit: -1', /limit: GlossaryTerms\(limit\) is -1/],
    ['pagination: false', /pagination: GlossaryTerms\(pagination: false\) is not allowed/],
  ])('refuses %s', async (argument, message) => {
    const errors = await refusedQuickly(`{ GlossaryTerms(${argument}) { docs { slug } } }`)
    expect(errors.map((error) => error.message).join('\n')).toMatch(message)
  })

  it('refuses a big limit sent as a variable', async () => {
    const query = 'query Page($size: Int) { GlossaryTerms(limit: $size) { docs { slug } } }'
    const errors = await refusedQuickly(query, undefined, {
      body: JSON.stringify({ query, variables: { size: 5000 } }),
    })
    expect(errors[0]!.message).toMatch(/limit: GlossaryTerms\(limit\) is 5000/)
  })

  it('refuses a big limit on a nested list with its own paging (join fields, custom queries)', async () => {
    const errors = await refusedQuickly(
      `{ GlossaryTerms(limit: 1) { docs { slug } } Tags(limit: 1000) { docs { slug } } }`,
    )
    expect(errors[0]!.message).toMatch(/Tags\(limit\) is 1000/)
  })

  it('answers a normal storefront query', async () => {
    const { status, json } = await graphql(`
      {
        GlossaryTerms(limit: 100, sort: "slug") {
          totalDocs
          docs {
            id
            slug
            term
            summary
            glossary {
              name
              slug
            }
            tags {
              name
              slug
            }
            related {
              slug
              term
              summary
            }
          }
        }
      }
    `)
    expect(json.errors).toBeUndefined()
    expect(status).toBe(200)
    expect(json.data.GlossaryTerms.docs).toHaveLength(TERMS)
    expect(json.data.GlossaryTerms.docs[0].related).toHaveLength(LINKS)
  })

  it('answers two levels of related on a page of 100, like anonymous REST depth=2', async () => {
    const { status, json } = await graphql(`{ GlossaryTerms(limit: 100) { docs { ${nested(2)} } } }`)
    expect(json.errors).toBeUndefined()
    expect(status).toBe(200)
  })
})

describe('staff get higher limits', () => {
  it('an editor may nest deeper than an anonymous reader', async () => {
    const query = `{ GlossaryTerms(limit: 1) { docs { ${nested(5)} } } }`
    expect((await graphql(query)).status).toBe(400)
    const { status, json } = await graphql(query, staffToken)
    expect(json.errors).toBeUndefined()
    expect(status).toBe(200)
    expect(json.data.GlossaryTerms.docs[0].related[0].related[0].related[0].related[0].related[0].slug).toMatch(
      /^budget-/,
    )
  })

  it('an editor may ask for pages above 100, up to the staff limit', async () => {
    expect((await graphql('{ GlossaryTerms(limit: 500) { docs { slug } } }', staffToken)).json.errors).toBeUndefined()
    const errors = await refusedQuickly('{ GlossaryTerms(limit: 5000) { docs { slug } } }', staffToken)
    expect(errors[0]!.message).toMatch(/from 1 to 1000/)
  })

  it('an editor is still refused related seven levels deep on a page of 100', async () => {
    await refusedQuickly(`{ GlossaryTerms(limit: 100) { docs { ${nested(7)} } } }`, staffToken)
  })

  it('the standard introspection query fits the staff budget outside production', async () => {
    const { status, json } = await graphql(getIntrospectionQuery(), staffToken)
    expect(json.errors).toBeUndefined()
    expect(status).toBe(200)
  })
})

describe('malformed GraphQL requests answer 400 with JSON', () => {
  it('a fragment cycle is refused, not a stack overflow', async () => {
    const query = `query { GlossaryTerms { docs { ...A } } }
      fragment A on GlossaryTerm { slug related { ...B } }
      fragment B on GlossaryTerm { term related { ...A } }`
    const errors = await refusedQuickly(query)
    expect(errors[0]!.message).toMatch(/fragment cycle A → B → A/)
  })

  it('a fragment that spreads itself directly is refused', async () => {
    const errors = await refusedQuickly(
      'query { GlossaryTerms { docs { ...A } } } fragment A on GlossaryTerm { slug ...A }',
    )
    expect(errors[0]!.message).toMatch(/fragment cycle A → A/)
  })

  it('a cycle among fragments no operation uses is refused too', async () => {
    const errors = await refusedQuickly(
      'query { GlossaryTerms { docs { slug } } } fragment A on GlossaryTerm { ...B } fragment B on GlossaryTerm { ...A }',
    )
    expect(errors[0]!.message).toMatch(/fragment cycle/)
  })

  it('fragments that each spread the next twice (2^30 fields) are refused quickly', async () => {
    const fragments = Array.from(
      { length: 30 },
      (_, i) =>
        `fragment F${i} on GlossaryTerm { ${i === 29 ? 'slug' : `a: related { ...F${i + 1} } b: related { ...F${i + 1} }`} }`,
    )
    const errors = await refusedQuickly(`query { GlossaryTerms(limit: 1) { docs { ...F0 } } } ${fragments.join('\n')}`)
    expect(errors[0]!.message).toMatch(/query: (selects more than|nests more than)/)
  })

  it.each([
    ['invalid JSON', '{"query": "{ Tags { docs { slug } } }"', /body: not valid JSON/],
    ['a JSON array (batch)', '[{"query": "{ Tags { docs { slug } } }"}]', /body: must be a JSON object/],
    ['no query', '{"variables": {}}', /query: must be a non-empty string/],
    ['a query that is not a string', '{"query": 5}', /query: must be a non-empty string/],
    [
      'variables that are not an object',
      '{"query": "{ Tags { docs { slug } } }", "variables": "x"}',
      /variables: must be a JSON object/,
    ],
    ['a syntax error', '{"query": "{ Tags { docs { slug } "}', /query: Syntax Error/],
  ])('%s', async (_name, body, message) => {
    const errors = await refusedQuickly('', undefined, { body })
    expect(errors[0]!.message).toMatch(message)
  })

  it('a query past the parser token limit is refused', async () => {
    // Short tokens, so the body stays under the 64 KiB GraphQL body limit (a larger one is a 413 before parsing).
    const query = `{ ${Array.from({ length: 25_000 }, () => 'a').join(' ')} }`
    const errors = await refusedQuickly(query)
    expect(errors[0]!.message).toMatch(/query: .*token/i)
  })

  it('an unknown field is a request error: 400, not 200', async () => {
    const errors = await refusedQuickly('{ GlossaryTerms { docs { noSuchField } } }')
    expect(errors[0]!.message).toMatch(/noSuchField/)
  })
})

describe('introspection', () => {
  it('is refused in production (it would show hidden fields such as seedFingerprint)', async () => {
    const previous = process.env.NODE_ENV
    Object.assign(process.env, { NODE_ENV: 'production' })
    try {
      for (const token of [undefined, staffToken]) {
        const errors = await refusedQuickly('{ __schema { types { name fields { name } } } }', token)
        expect(errors[0]!.message).toMatch(/introspection is not allowed/)
        await refusedQuickly('{ __type(name: "GlossaryTerm") { fields { name } } }', token)
      }
      // Asking for a type's name is not introspection.
      expect((await graphql('{ GlossaryTerms(limit: 1) { __typename } }')).status).toBe(200)
    } finally {
      Object.assign(process.env, { NODE_ENV: previous })
    }
  })

  it('answers outside production', async () => {
    const { status, json } = await graphql('{ __type(name: "GlossaryTerm") { fields { name } } }', staffToken)
    expect(status).toBe(200)
    expect(json.data.__type.fields.length).toBeGreaterThan(0)
  })
})
