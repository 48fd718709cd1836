import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { config, startPayload } from '../../../test/helpers/payload'
import { storefrontFeedFastPath } from '../server/fastPath'
import { createGlossary, createTerm, getFeed } from './helpers'

let payload: Payload
let glossary: string

beforeAll(async () => {
  payload = await startPayload()
  glossary = String((await createGlossary(payload, { slug: 'serving' })).id)
})

afterAll(async () => {
  await payload?.destroy()
})

describe('the fast path in front of Payload', () => {
  const fastPath = () => storefrontFeedFastPath(payload)
  const request = (query: string, headers: Record<string, string> = {}, method = 'GET') =>
    new Request(`http://localhost:3000/api/feed${query}`, { headers, method })

  it('falls through to Payload until the endpoint has built the page', async () => {
    await createTerm(payload, { glossary, slug: 'fast-path-term' })
    expect(fastPath().fetch(request('?limit=7'))).toBeUndefined()
  })

  it('answers exactly what the endpoint answers, body and headers, once the page is cached', async () => {
    const viaPayload = await handleEndpoints({
      config,
      request: request('?limit=7', { Origin: 'https://shop.example.com' }),
    })
    const body = await viaPayload.text()
    const fast = fastPath().fetch(request('?limit=7', { Origin: 'https://shop.example.com' }))!
    expect(fast.status).toBe(200)
    expect(await fast.text()).toBe(body)
    for (const name of [
      'content-type',
      'etag',
      'last-modified',
      'cache-control',
      'vary',
      'access-control-allow-origin',
    ]) {
      expect(fast.headers.get(name), name).toBe(viaPayload.headers.get(name))
    }
    const notModified = fastPath().fetch(request('?limit=7', { 'If-None-Match': viaPayload.headers.get('etag')! }))!
    expect(notModified.status).toBe(304)
    expect(await notModified.text()).toBe('')
    const byDate = fastPath().fetch(
      request('?limit=7', { 'If-Modified-Since': viaPayload.headers.get('last-modified')! }),
    )!
    expect(byDate.status).toBe(304)
  })

  it('leaves other paths, methods and invalid queries to Payload', async () => {
    await getFeed('limit=7')
    expect(fastPath().fetch(new Request('http://localhost:3000/api/glossary-terms?limit=7'))).toBeUndefined()
    expect(fastPath().fetch(request('?limit=7', {}, 'POST'))).toBeUndefined()
    expect(fastPath().fetch(request('?limit=0'))).toBeUndefined()
    expect((await getFeed('limit=0')).status).toBe(400)
  })

  it('answers every spelling of a query the endpoint saw re-encoded by Next (commas, colons, order)', async () => {
    // Next's router hands Payload `type=glossary-term%2Ccase-study`; clients send the comma as it is.
    const nextSpelling = '?type=glossary-term%2Ccase-study&limit=6'
    const viaPayload = await handleEndpoints({ config, request: request(nextSpelling) })
    const body = await viaPayload.text()
    for (const spelling of ['?type=glossary-term,case-study&limit=6', '?limit=6&type=glossary-term%2ccase-study']) {
      const fast = fastPath().fetch(request(spelling))
      expect(fast, spelling).toBeDefined()
      expect(await fast!.text()).toBe(body)
    }
    expect(fastPath().fetch(request('?type=glossary-term&limit=6'))).toBeUndefined()
  })

  it('stops answering a page as soon as an edit drops it', async () => {
    await getFeed('limit=7')
    expect(fastPath().fetch(request('?limit=7'))).toBeDefined()
    await createTerm(payload, { glossary, slug: 'drops-the-cache' })
    expect(fastPath().fetch(request('?limit=7'))).toBeUndefined()
    const fresh = await getFeed('limit=7')
    expect(fresh.json.items[0]._hub.slug).toBe('drops-the-cache')
    expect(await fastPath().fetch(request('?limit=7'))!.text()).toBe(fresh.text)
  })

  it('serves Node http requests with the endpoint’s bytes, building the pages it has not cached', async () => {
    // Behind a proxy the public origin is not the socket's: the server tells the fast path what it is.
    const path = storefrontFeedFastPath(payload, { requestOrigin: () => 'http://localhost:3000' })
    let fellThrough = 0
    const server: Server = createServer(async (req, res) => {
      if (await path.node(req, res)) return
      fellThrough += 1
      res.writeHead(599).end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      const base = `http://127.0.0.1:${port}`
      const cached = await getFeed('limit=3')
      const hit = await fetch(`${base}/api/feed?limit=3`)
      expect(hit.status).toBe(200)
      expect(hit.headers.get('content-type')).toBe('application/feed+json; charset=utf-8')
      expect(await hit.text()).toBe(cached.text)

      // Not cached yet: built here, and then the very page the endpoint serves (from the same cache).
      const built = await fetch(`${base}/api/feed?limit=4&type=glossary-term`, {
        headers: { origin: 'https://shop.example.com' },
      })
      const viaPayload = await getFeed('limit=4&type=glossary-term', { origin: 'https://shop.example.com' })
      expect(built.status).toBe(200)
      expect(await built.text()).toBe(viaPayload.text)
      for (const name of ['etag', 'cache-control', 'cache-tag', 'vary', 'access-control-allow-origin'])
        expect(built.headers.get(name), name).toBe(viaPayload.headers.get(name))

      const head = await fetch(`${base}/api/feed?limit=5`, { method: 'HEAD' })
      expect([head.status, await head.text()]).toEqual([200, ''])
      const revalidated = await fetch(`${base}/api/feed?limit=5`, {
        headers: { 'if-none-match': head.headers.get('etag')! },
      })
      expect(revalidated.status).toBe(304)

      const refused = await fetch(`${base}/api/feed?limit=many`)
      expect(refused.status).toBe(400)
      expect((await refused.json()).errors[0].parameter).toBe('limit')

      expect((await fetch(`${base}/api/glossary-terms?limit=4`)).status).toBe(599)
      expect((await fetch(`${base}/api/feed?limit=4`, { method: 'POST' })).status).toBe(599)
      expect(fellThrough).toBe(2)
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
