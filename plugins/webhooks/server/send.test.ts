import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { sendDelivery } from './send'

let server: http.Server
let port: number
let hits = 0

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits += 1
    if (req.url === '/moved') return res.writeHead(302, { location: 'http://169.254.169.254/' }).end()
    res.writeHead(200).end('x'.repeat(2000))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const send = (url: string, allowPrivate: boolean) =>
  sendDelivery({ url, body: '{}', headers: { 'content-type': 'application/json' }, timeoutMs: 2000, allowPrivate })

describe('sending at connect time', () => {
  it('refuses a loopback address, literal or behind a name, when private targets are not allowed, without connecting', async () => {
    const before = hits
    expect((await send(`http://127.0.0.1:${port}/`, false)).outcome).toMatchObject({ kind: 'refused' })
    expect((await send(`http://[::ffff:127.0.0.1]:${port}/`, false)).outcome).toMatchObject({ kind: 'refused' })
    // A name that resolves to loopback now (DNS rebinding after the save-time check).
    expect((await send(`http://localhost:${port}/`, false)).outcome).toMatchObject({ kind: 'refused' })
    expect(hits).toBe(before)
  })

  it('sends when allowed, keeps 500 characters of the answer and does not follow redirects', async () => {
    const ok = await send(`http://localhost:${port}/`, true)
    expect(ok.outcome).toEqual({ kind: 'response', status: 200, retryAfterSeconds: undefined })
    expect(ok.responseSnippet).toHaveLength(500)
    const moved = await send(`http://127.0.0.1:${port}/moved`, true)
    expect(moved.outcome).toMatchObject({ kind: 'response', status: 302 })
  })

  it('reports a closed port as a network error', async () => {
    const closed = await send('http://127.0.0.1:1/', true)
    expect(closed.outcome).toEqual({ kind: 'network', message: 'ECONNREFUSED' })
  })
})
