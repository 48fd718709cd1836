import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { publishedReadsChannel } from './channel'
import { publishedReadHandler } from './handler'
import { registerRouteHandler } from './routeHandlers'
import { PUBLISHED_READ_ROUTES } from './routes'

/**
 * The handler in front of a stand-in for Next: it counts what reaches it and answers like Payload
 * (bodies that name the request, so a wrong shared answer shows), with switches for the answers that
 * must never be shared.
 */
let server: Server
let base: string
let reachedNext = 0
let nextVersion = 1
let release: (() => void) | undefined
let holdNextAnswer = false

const standInForNext = async (req: IncomingMessage, res: ServerResponse) => {
  reachedNext += 1
  const url = new URL(req.url ?? '/', 'http://x')
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  if (holdNextAnswer) {
    holdNextAnswer = false
    await new Promise<void>((resolve) => (release = resolve))
  }
  res.statusCode = url.searchParams.has('missing') ? 404 : 200
  res.setHeader('content-type', 'application/json')
  if (url.searchParams.has('cookie')) res.setHeader('set-cookie', 'fig=1')
  if (url.searchParams.has('private')) res.setHeader('cache-control', 'private')
  res.write(`{"version":${nextVersion},"path":${JSON.stringify(req.url)},`)
  res.end(`"body":${JSON.stringify(Buffer.concat(chunks).toString())}}`)
}

beforeAll(async () => {
  const { handle } = publishedReadHandler(standInForNext, {
    maxBytes: 1 << 20,
    routes: PUBLISHED_READ_ROUTES,
    maxGraphqlBodyBytes: 4096,
  })
  server = createServer((req, res) => void handle(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))
beforeEach(() => publishedReadsChannel().invalidate('journal'))

const get = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${base}${path}`, { headers })
  return {
    status: response.status,
    cache: response.headers.get('x-hub-cache'),
    etag: response.headers.get('etag'),
    text: await response.text(),
  }
}
const post = async (body: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${base}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  })
  return { status: response.status, cache: response.headers.get('x-hub-cache'), text: await response.text() }
}

describe('the published-read handler in front of Next', () => {
  it('answers the second anonymous read itself, with the same bytes, an ETag and 304', async () => {
    const before = reachedNext
    const miss = await get('/api/tags?limit=3')
    const hit = await get('/api/tags?limit=3')
    expect([miss.cache, hit.cache]).toEqual(['MISS', 'HIT'])
    expect(hit.text).toBe(miss.text)
    expect(reachedNext - before).toBe(1)
    expect((await get('/api/tags?limit=3', { 'if-none-match': hit.etag! })).status).toBe(304)
  })

  it('reads Payload again after an invalidation', async () => {
    await get('/api/tags/plum')
    nextVersion += 1
    expect(JSON.parse((await get('/api/tags/plum')).text).version).toBe(nextVersion - 1)
    publishedReadsChannel().invalidate('local')
    const fresh = await get('/api/tags/plum')
    expect(fresh.cache).toBe('MISS')
    expect(JSON.parse(fresh.text).version).toBe(nextVersion)
  })

  it('does not keep an answer read before an invalidation that happened while it was being built', async () => {
    holdNextAnswer = true
    const pending = get('/api/tags?held=1')
    await new Promise((r) => setTimeout(r, 50))
    publishedReadsChannel().invalidate('local')
    release!()
    await pending
    expect((await get('/api/tags?held=1')).cache).toBe('MISS')
  })

  it.each([
    ['a 404', '/api/tags/gone?missing=1'],
    ['an answer that sets a cookie', '/api/tags?cookie=1'],
    ['an answer marked private', '/api/tags?private=1'],
  ])('never shares %s', async (_what, path) => {
    await get(path)
    expect((await get(path)).cache).toBe('MISS')
  })

  it('sends credentials, drafts and unlisted paths to Next every time', async () => {
    await get('/api/glossary-terms?limit=2')
    expect((await get('/api/glossary-terms?limit=2', { authorization: 'JWT abc' })).cache).toBe('BYPASS')
    expect((await get('/api/glossary-terms?limit=2', { cookie: 'payload-token=abc' })).cache).toBe('BYPASS')
    expect((await get('/api/glossary-terms?limit=2&draft=true')).cache).toBe('BYPASS')
    await get('/api/users')
    expect((await get('/api/users')).cache).toBeNull()
  })

  it('replays a GraphQL body to Next and shares query answers, never mutations', async () => {
    const query = JSON.stringify({ query: '{ Tags { docs { slug } } }' })
    const miss = await post(query)
    expect(JSON.parse(miss.text).body).toBe(query)
    expect((await post(query)).cache).toBe('HIT')
    const mutation = JSON.stringify({ query: 'mutation { loginUser(email: "a@b.test", password: "x") { token } }' })
    await post(mutation)
    expect((await post(mutation)).cache).not.toBe('HIT')
    expect((await post(query, { authorization: 'JWT abc' })).cache).toBeNull()
  })

  it('caches nothing until the journal has been read in this process', async () => {
    const channel = publishedReadsChannel()
    channel.live = false
    try {
      await get('/api/playbooks?limit=1')
      expect((await get('/api/playbooks?limit=1')).cache).toBe('MISS')
    } finally {
      channel.live = true
    }
  })
})

describe("with Payload's route handlers registered (Next has loaded the API routes)", () => {
  const calls: { slug: string[]; url: string; headers: Headers; body: string }[] = []
  const routeAnswer = async (request: Request, slug: string[]) => {
    const body = await request.text()
    calls.push({ slug, url: request.url, headers: request.headers, body })
    const url = new URL(request.url)
    const headers = new Headers({ 'content-type': 'application/json', vary: 'Origin' })
    if (url.searchParams.has('cookie')) headers.append('set-cookie', 'fig=1')
    return new Response(JSON.stringify({ version: nextVersion, slug, query: url.search, body }), {
      status: url.searchParams.has('missing') ? 404 : 200,
      headers,
    })
  }
  let removals: (() => void)[] = []
  beforeAll(() => {
    removals = [registerRouteHandler('rest', routeAnswer), registerRouteHandler('graphql', routeAnswer)]
  })
  afterAll(() => removals.forEach((remove) => remove()))

  it("answers a miss through Payload's handler, not Next's router, and shares it", async () => {
    const before = reachedNext
    calls.length = 0
    const miss = await get('/api/glossary-terms/caf%C3%A9-au-lait?depth=1&locale=ja', {
      origin: 'https://shop.example',
      'accept-encoding': 'gzip',
    })
    const hit = await get('/api/glossary-terms/caf%C3%A9-au-lait?locale=ja&depth=1', { origin: 'https://shop.example' })
    expect([miss.status, miss.cache, hit.cache]).toEqual([200, 'MISS', 'HIT'])
    expect(hit.text).toBe(miss.text)
    expect(reachedNext).toBe(before)
    expect(calls).toHaveLength(1)
    // What Next would have handed the route: decoded segments, the query, the reader's headers, identity bytes.
    expect(calls[0]!.slug).toEqual(['glossary-terms', 'café-au-lait'])
    expect(new URL(calls[0]!.url).search).toBe('?depth=1&locale=ja')
    expect(calls[0]!.headers.get('origin')).toBe('https://shop.example')
    expect(calls[0]!.headers.get('accept-encoding')).toBeNull()
  })

  it('never shares a 404 or an answer that sets a cookie, and passes the cookie on', async () => {
    for (const path of ['/api/tags/gone?missing=1', '/api/tags?cookie=1']) {
      const first = await fetch(`${base}${path}`)
      expect(first.headers.get('x-hub-cache')).toBe('MISS')
      if (path.includes('cookie')) expect(first.headers.get('set-cookie')).toBe('fig=1')
      expect((await get(path)).cache).toBe('MISS')
    }
  })

  it('hands a GraphQL query its body, and sends credentials to Next as before', async () => {
    calls.length = 0
    const query = JSON.stringify({ query: '{ Glossaries { docs { slug } } }' })
    const miss = await post(query)
    expect(JSON.parse(miss.text).body).toBe(query)
    expect((await post(query)).cache).toBe('HIT')
    expect(calls).toHaveLength(1)
    const before = reachedNext
    expect((await get('/api/tags?limit=4', { cookie: 'payload-token=abc' })).cache).toBe('BYPASS')
    expect(reachedNext).toBe(before + 1)
  })

  it('reads through the handler again after an invalidation', async () => {
    await get('/api/glossaries/plum')
    nextVersion += 1
    publishedReadsChannel().invalidate('local')
    expect(JSON.parse((await get('/api/glossaries/plum')).text).version).toBe(nextVersion)
  })
})
