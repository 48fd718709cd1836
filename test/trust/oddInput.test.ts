import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createUser, loginToken } from '../helpers/fixtures'
import { graphql, rest } from '../helpers/http'
import { startPayload } from '../helpers/payload'
import { createSampleContent } from './sampleContent'

// Inputs from the field report that answered 5xx: each must answer 400 naming the condition, for readers and staff.
let payload: Payload
let staff: string
let sample: Awaited<ReturnType<typeof createSampleContent>>
beforeAll(async () => {
  payload = await startPayload()
  sample = await createSampleContent(payload)
  await createUser(payload, 'odd-input@example.com', ['editor'])
  staff = await loginToken(payload, 'odd-input@example.com')
})
afterAll(async () => {
  await payload?.destroy()
})

const WRONG_WHERE: [string, string][] = [
  ['/api/glossary-terms?where[createdAt][greater_than]=notadate', 'where[createdAt][greater_than]'],
  ['/api/glossary-terms?where[updatedAt][in]=2026-01-01,soon', 'where[updatedAt][in]'],
  ['/api/case-studies?where[relatedTerms.createdAt][less_than]=yesterday', 'where[relatedTerms.createdAt][less_than]'],
  ['/api/glossary-terms?where[related][all]=a,b', 'where[related][all]'],
  ['/api/glossary-terms?where[aliases][all]=a,b', 'where[aliases][all]'],
  ['/api/playbooks?where[steps.relatedTerms][all]=a,b', 'where[steps.relatedTerms][all]'],
  ['/api/glossary-terms?where[related][equals]=not-an-id', 'where[related][equals]'],
  ['/api/glossary-terms?where[glossary][in]=1,2', 'where[glossary][in]'],
  ['/api/glossary-terms?where[id][not_in]=abc', 'where[id][not_in]'],
  ['/api/glossary-terms?where[body.root][exists]=true', 'where[body.root]'],
  ['/api/playbooks?where[steps.body.root.children][equals]=x', 'where[steps.body.root.children]'],
  ['/api/case-studies?where[relatedTerms.aliases][contains]=x', 'where[relatedTerms.aliases]'],
  [
    '/api/glossary-terms?where[or][0][tags.name][like]=a&where[or][1][createdAt][equals]=never',
    'where[or][1][createdAt][equals]',
  ],
  ['/api/glossary-terms?where[excerpt][exists]=maybe', 'where[excerpt][exists]'],
  ['/api/glossary-terms?data={', 'data'],
]

describe('where conditions the field type cannot take', () => {
  it.each(WRONG_WHERE)('%s answers 400 naming %s', async (path, parameter) => {
    for (const token of [undefined, staff]) {
      const { status, json } = await rest(path, { token })
      expect(status, JSON.stringify(json)).toBe(400)
      expect(json.errors[0].parameter).toBe(parameter)
      expect(json.errors[0].message).toContain(parameter)
    }
  })

  it('still answers well-typed conditions on the same fields', async () => {
    const utm = String(sample.utm.id)
    for (const path of [
      '/api/glossary-terms?where[createdAt][greater_than]=2020-01-01',
      '/api/glossary-terms?where[updatedAt][less_than_equal]=2100-01-01T00:00:00Z',
      `/api/glossary-terms?where[related][in]=${utm}`,
      `/api/glossary-terms?where[id][equals]=${utm}`,
      '/api/glossary-terms?where[broader][equals]=null',
      '/api/glossary-terms?where[body][like]=UTM',
      '/api/glossary-terms?where[aliases][contains]=UTM',
      '/api/glossary-terms?where[excerpt][exists]=true',
    ]) {
      const { status, json } = await rest(path, { token: staff })
      expect(status, `${path}: ${JSON.stringify(json).slice(0, 200)}`).toBe(200)
    }
    const { json } = await rest(`/api/glossary-terms?where[related][in]=${utm}`)
    expect(json.docs.map((doc: { slug: string }) => doc.slug)).toEqual(['influencer'])
  })

  it('holds for GraphQL and the Local API too (the check runs in Payload, not only in the route)', async () => {
    const answer = await graphql('{ GlossaryTerms(where: { related: { all: ["a", "b"] } }) { totalDocs } }')
    expect(JSON.stringify(answer.json)).toContain('where[related][all]')
    await expect(
      payload.find({ collection: 'glossary-terms', where: { createdAt: { greater_than: 'notadate' } } }),
    ).rejects.toThrow(/where\[createdAt\]\[greater_than\] must be a date/)
  })
})

const form = { 'content-type': 'application/x-www-form-urlencoded', 'x-payload-http-method-override': 'GET' }

describe('every method and every way of sending a query goes through the guard', () => {
  it('checks a method-override form body as the query it becomes', async () => {
    for (const [body, parameter] of [
      ['where[createdAt][greater_than]=notadate', 'where[createdAt][greater_than]'],
      ['limit=1e400', 'limit'],
      ['where[slug][near]=1,2', 'where[slug][near]'],
      ['where=abc', 'where'],
    ]) {
      const { status, json } = await rest('/api/glossary-terms', { method: 'POST', headers: form, rawBody: body })
      expect(status, body).toBe(400)
      expect(json.errors[0].parameter).toBe(parameter)
    }
    const ok = await rest('/api/glossary-terms', {
      method: 'POST',
      headers: form,
      rawBody: 'where[slug][equals]=utm-code',
    })
    expect(ok.json.docs.map((doc: { slug: string }) => doc.slug)).toEqual(['utm-code'])
  })

  it('answers a method-override with a JSON body that is not JSON 400', async () => {
    const headers = { 'content-type': 'application/json', 'x-payload-http-method-override': 'GET' }
    const { status, json } = await rest('/api/glossary-terms', { method: 'POST', headers, rawBody: '{' })
    expect(status).toBe(400)
    expect(json.errors[0].parameter).toBe('body')
  })

  it('checks queries on POST, PATCH and DELETE as on GET', async () => {
    for (const method of ['POST', 'PATCH', 'DELETE']) {
      const { status, json } = await rest('/api/glossary-terms?where[createdAt][equals]=notadate&data={', {
        method,
        token: staff,
        body: { term: 'x' },
      })
      expect(status, method).toBe(400)
      expect(['data', 'where[createdAt][equals]']).toContain(json.errors[0].parameter)
    }
  })
})

const multipart = (payloadField: string) => {
  const body = new FormData()
  body.set('_payload', payloadField)
  return body
}

describe('multipart bodies whose _payload is not JSON', () => {
  it.each(['/api/users/login', '/api/users/forgot-password', '/api/glossary-terms'])(
    '%s answers 400 naming _payload',
    async (path) => {
      const { status, json } = await rest(path, {
        method: 'POST',
        token: path === '/api/glossary-terms' ? staff : undefined,
        rawBody: multipart('{"email":'),
      })
      expect(status).toBe(400)
      expect(json.errors[0].parameter).toBe('_payload')
    },
  )

  it('GraphQL answers 400 naming _payload', async () => {
    const { status, json } = await graphql('', undefined, { body: multipart('{') })
    expect(status).toBe(400)
    expect(json.errors[0].extensions.parameter).toBe('_payload')
  })

  it('a multipart login with a good _payload still signs in', async () => {
    const { status, json } = await rest('/api/users/login', {
      method: 'POST',
      rawBody: multipart(JSON.stringify({ email: 'odd-input@example.com', password: 'correct-horse-battery-staple' })),
    })
    expect(status).toBe(200)
    expect(json.token).toEqual(expect.any(String))
  })
})
