import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { isFromTrustedPage } from '../../src/security/sameOriginCookies'

// The production default: no configured origins, so only the hub's own origin may use the login cookie.
delete process.env.PUBLIC_SERVER_URL
delete process.env.STOREFRONT_URL
delete process.env.CORS_ORIGINS

const HOST = 'https://hub.example.com'
let payload: Payload
let token: string
let glossaryId: string

beforeAll(async () => {
  const { startPayload } = await import('../helpers/payload')
  const fixtures = await import('../helpers/fixtures')
  payload = await startPayload()
  await fixtures.createUser(payload, 'admin@example.com', ['admin'])
  token = await fixtures.loginToken(payload, 'admin@example.com')
  glossaryId = String((await fixtures.createGlossary(payload)).id)
})
afterAll(async () => {
  await payload?.destroy()
})

let n = 0
const send = async (path: string, headers: Record<string, string>, body: unknown) => {
  const { handleEndpoints } = await import('payload')
  const { config } = await import('../helpers/payload')
  const request = new Request(`${HOST}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `payload-token=${token}`, ...headers },
    body: JSON.stringify(body),
  })
  return handleEndpoints({ config, request })
}
const createTerm = (headers: Record<string, string>) => {
  n += 1
  return send('/api/glossary-terms', headers, { term: `CSRF${n}`, slug: `csrf-${n}`, glossary: glossaryId })
}

describe('CSRF in the production defaults: a cookie write counts only from the hub itself', () => {
  it.each([
    ['Origin: https://evil.example', { origin: 'https://evil.example' }],
    ['Origin: null', { origin: 'null' }],
    ['no Origin, Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'cors' }],
    ['a look-alike host', { origin: 'https://hub.example.com.evil.example' }],
  ])('%s → 403', async (_name, headers) => {
    expect((await createTerm(headers)).status).toBe(403)
  })

  it('the same host → created', async () => {
    expect((await createTerm({ origin: HOST, 'sec-fetch-site': 'same-origin' })).status).toBe(201)
  })

  it('a GraphQL mutation from another site is anonymous too', async () => {
    const { GRAPHQL_POST } = await import('@payloadcms/next/routes')
    const { config } = await import('../helpers/payload')
    const request = new Request(`${HOST}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `payload-token=${token}`, origin: 'https://evil.example' },
      body: JSON.stringify({
        query: `mutation { createGlossaryTerm(data: { term: "x", slug: "csrf-gql", glossary: "${glossaryId}" }) { id } }`,
      }),
    })
    const json = await (await GRAPHQL_POST(config)(request)).json()
    expect(json.data?.createGlossaryTerm ?? null).toBeNull()
    expect(JSON.stringify(json.errors)).toMatch(/not allowed/i)
  })

  it('a custom endpoint (the sample import) from another site sees no user', async () => {
    expect((await send('/api/hub/import-sample', { origin: 'https://evil.example' }, {})).status).toBe(403)
  })
})

describe('which pages are trusted', () => {
  const trusted = ['https://shop.example.com']
  const from = (headers: Record<string, string>, host = 'hub.example.com') =>
    isFromTrustedPage({ headers: new Headers(headers), host }, trusted)

  it('a configured origin is trusted', () => expect(from({ origin: 'https://shop.example.com' })).toBe(true))
  it('the own host, also behind a proxy', () => {
    expect(from({ origin: 'https://hub.example.com' })).toBe(true)
    expect(from({ origin: 'https://hub.example.com', 'x-forwarded-host': 'hub.example.com' }, 'localhost:3000')).toBe(
      true,
    )
  })
  it('other origins, null and malformed origins are not', () => {
    expect(from({ origin: 'https://evil.example' })).toBe(false)
    expect(from({ origin: 'null' })).toBe(false)
    expect(from({ origin: 'not a url' })).toBe(false)
  })
  it('non-browser clients and same-site fetches without Origin are trusted; cross-site ones are not', () => {
    expect(from({})).toBe(true)
    expect(from({ 'sec-fetch-site': 'same-origin' })).toBe(true)
    expect(from({ 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'image' })).toBe(false)
  })
  it('a link followed from another site opens the page signed in (GET navigation)', () => {
    expect(from({ 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' })).toBe(
      true,
    )
  })
})
