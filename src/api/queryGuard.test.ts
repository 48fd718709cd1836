import { describe, expect, it } from 'vitest'

import { checkRestQuery, guardQueries } from './queryGuard'

describe('the REST query guard', () => {
  it.each([
    ['?limit=1e400', 'limit'],
    ['?limit=99999999999999999999', 'limit'],
    ['?limit[a]=1', 'limit'],
    ['?page=0', 'page'],
    ['?depth=-1', 'depth'],
    ['?where=abc', 'where'],
    ['?where[slug][equals][]=a', 'where[slug][equals]'],
    ['?where[slug][near]=1,2', 'where[slug][near]'],
    ['?where[slug]=x', 'where[slug]'],
    ['?data={', 'data'],
  ])('refuses %s naming %s', (query, parameter) => {
    expect(checkRestQuery(query)?.parameter).toBe(parameter)
  })

  it.each([
    '',
    '?limit=10&page=2&depth=1&locale=en&draft=true&sort=-updatedAt',
    '?where[slug][equals]=utm-code',
    '?where[or][0][and][0][term][like]=UTM&where[or][1][englishName][like]=UTM',
    '?where[id][in][0]=a&where[id][in][1]=b',
    '?where[id][in]=a,b',
    '?where={"slug":{"equals":"utm-code"}}',
    '?root=utm-code&depth=2&types=mentions,related',
  ])('lets the queries the admin and storefronts send pass: %s', (query) => {
    expect(checkRestQuery(query)).toBeNull()
  })
})

describe('guardQueries', () => {
  const passThrough = async () => new Response('{}', { status: 200 })
  const guarded = guardQueries(passThrough, ['glossary-terms'])

  it('answers a malformed collection query with 400 naming the parameter', async () => {
    const response = await guarded(new Request('http://localhost/api/glossary-terms?limit=1e400'), undefined)
    expect(response.status).toBe(400)
    expect((await response.json()).errors[0].parameter).toBe('limit')
  })

  it('checks every method, and a method-override form body as the query Payload makes of it', async () => {
    const post = await guarded(
      new Request('http://localhost/api/glossary-terms?depth=-1', { method: 'POST', body: '{}' }),
      undefined,
    )
    expect((await post.json()).errors[0].parameter).toBe('depth')
    const headers = { 'content-type': 'application/x-www-form-urlencoded', 'x-payload-http-method-override': 'GET' }
    const override = await guarded(
      new Request('http://localhost/api/glossary-terms', { method: 'POST', headers, body: 'limit=1e400' }),
      undefined,
    )
    expect(override.status).toBe(400)
    expect((await override.json()).errors[0].parameter).toBe('limit')
  })

  it('refuses a multipart body whose _payload is not JSON, on any endpoint', async () => {
    const body = new FormData()
    body.set('_payload', '{"email":')
    const response = await guarded(new Request('http://localhost/api/feed', { method: 'POST', body }), undefined)
    expect(response.status).toBe(400)
    expect((await response.json()).errors[0]).toMatchObject({
      parameter: '_payload',
      message: expect.stringMatching(/^_payload is not valid JSON/),
    })
  })

  it('leaves plugin endpoints to validate their own parameters', async () => {
    const response = await guarded(new Request('http://localhost/api/feed?limit=abc'), undefined)
    expect(response.status).toBe(200)
  })
})
