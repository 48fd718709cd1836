import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { answerEarly, answerEarlyNode, registerEarlyAnswers } from './earlyAnswers'

let server: Server
let base: string
let fellThrough = 0

beforeAll(async () => {
  server = createServer((req, res) => {
    res.setHeader('x-built', 'no')
    void answerEarlyNode(req, res, () => res.setHeader('x-built', 'yes')).then((answered) => {
      if (answered) return
      fellThrough += 1
      res.end('router')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

// A stand-in for a plugin's cache: answers one path, with a 304 for its ETag and CORS for the caller's origin.
const cachedPage = (body: string, etag: string) => (request: Request) => {
  if (new URL(request.url).pathname !== '/api/cached') return undefined
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: { etag } })
  return new Response(body, {
    status: 200,
    headers: { etag, 'content-type': 'application/json', 'x-origin': request.headers.get('origin') ?? '' },
  })
}

describe('early answers', () => {
  it('answers GET and HEAD from a registered answer and lets everything else reach the router', async () => {
    registerEarlyAnswers({ test: cachedPage('{"v":1}', '"a"') })
    const before = fellThrough
    const hit = await fetch(`${base}/api/cached?q=1`, { headers: { origin: 'https://shop.example' } })
    expect([hit.status, await hit.text(), hit.headers.get('etag'), hit.headers.get('x-origin')]).toEqual([
      200,
      '{"v":1}',
      '"a"',
      'https://shop.example',
    ])
    expect(hit.headers.get('content-length')).toBe('7')
    const head = await fetch(`${base}/api/cached`, { method: 'HEAD' })
    expect([head.status, await head.text()]).toEqual([200, ''])
    const notModified = await fetch(`${base}/api/cached`, { headers: { 'if-none-match': '"a"' } })
    expect(notModified.status).toBe(304)
    expect(fellThrough).toBe(before)

    expect(await (await fetch(`${base}/api/other`)).text()).toBe('router')
    expect(await (await fetch(`${base}/api/cached`, { method: 'POST', body: 'x' })).text()).toBe('router')
    expect(fellThrough).toBe(before + 2)
  })

  it('keeps one answer per name: a new Payload instance replaces the old one', async () => {
    registerEarlyAnswers({ test: cachedPage('{"v":1}', '"a"') })
    registerEarlyAnswers({ test: cachedPage('{"v":2}', '"b"') })
    expect(await answerEarly(new Request('http://x/api/cached'))?.text()).toBe('{"v":2}')
  })

  it("uses an answer's Node form on the Node server and its Fetch form in the route, with the same bytes", async () => {
    const body = '{"v":"node"}'
    registerEarlyAnswers({
      test: {
        fetch: (request) => (new URL(request.url).pathname === '/api/direct' ? new Response(body) : undefined),
        node: (req, res) => {
          if (!req.url?.startsWith('/api/direct')) return false
          res.writeHead(200, { 'content-length': String(body.length), 'x-form': 'node' })
          res.end(body)
          return true
        },
      },
    })
    const before = fellThrough
    const direct = await fetch(`${base}/api/direct?x=1`)
    expect([direct.status, direct.headers.get('x-form'), await direct.text()]).toEqual([200, 'node', body])
    expect(await answerEarly(new Request('http://x/api/direct'))?.text()).toBe(body)
    expect(await (await fetch(`${base}/api/elsewhere`)).text()).toBe('router')
    expect(fellThrough).toBe(before + 1)
  })

  it('waits for a Node answer the plugin builds, and says it was built, not sent from memory', async () => {
    registerEarlyAnswers({
      test: {
        fetch: () => undefined,
        node: (req, res) => {
          if (req.url === '/api/memory') return res.writeHead(200).end('memory') && true
          if (!req.url?.startsWith('/api/built')) return false
          return new Promise<boolean>((resolve) => setTimeout(resolve, 20)).then(() => {
            if (req.url === '/api/built?pass=1') return false
            res.writeHead(200).end('built')
            return true
          })
        },
      },
    })
    const before = fellThrough
    const built = await fetch(`${base}/api/built`)
    expect([await built.text(), built.headers.get('x-built')]).toEqual(['built', 'yes'])
    const memory = await fetch(`${base}/api/memory`)
    expect([await memory.text(), memory.headers.get('x-built')]).toEqual(['memory', 'no'])
    // A build may still decline: the request goes on to the router.
    expect(await (await fetch(`${base}/api/built?pass=1`)).text()).toBe('router')
    expect(fellThrough).toBe(before + 1)
  })
})
