import { createServer, type IncomingMessage, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { Readable } from 'node:stream'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEFAULT_BODY_LIMITS } from '../../src/security/bodyLimits'
import { hubRequestHandler } from '../../src/server/requestHandler'

/**
 * The request handler `npm start` runs (src/server/requestHandler.ts), in a real Node server, with a stand-in
 * for Next that reads the whole body (as Payload does) and echoes its size.
 */
const MIB = 1024 * 1024
let server: Server
let port: number
const sockets: Socket[] = []
let nextCalls = 0

beforeAll(async () => {
  const next = async (req: IncomingMessage, res: import('node:http').ServerResponse) => {
    nextCalls += 1
    let size = 0
    for await (const chunk of req) size += (chunk as Buffer).byteLength
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ received: size }))
  }
  server = createServer(hubRequestHandler(next, { cacheBytes: 0, bodyLimits: DEFAULT_BODY_LIMITS }))
  server.on('connection', (socket) => sockets.push(socket))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

type Sent = { status: number; body: string; socket: Socket }

/** Sends `body` (a stream: chunked, no Content-Length, unless `headers` declares one) and resolves on the answer. */
const send = (path: string, body: Readable, headers: Record<string, string> = {}): Promise<Sent> =>
  new Promise((resolve, reject) => {
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      path,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
    })
    req.on('response', (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, socket: sockets.at(-1)! }))
    })
    // The server closing mid-upload is the point; only a missing answer fails the test.
    req.on('error', (error) => setTimeout(() => reject(error), 2000))
    body.on('error', () => undefined)
    body.pipe(req)
  })

/** `total` bytes of JSON-ish filler, produced on demand (never held in memory). */
const filler = (total: number) => {
  let sent = 0
  return new Readable({
    read() {
      if (sent >= total) return void this.push(null)
      const chunk = Buffer.alloc(Math.min(64 * 1024, total - sent), 0x61)
      sent += chunk.byteLength
      this.push(chunk)
    },
  })
}

describe('body limits in the production request handler', () => {
  it('answers a streamed 100 MiB login body 413 quickly, having read only a little of it', async () => {
    const rssBefore = process.memoryUsage().rss
    const started = Date.now()
    const calls = nextCalls
    const answer = await send('/api/users/login', filler(100 * MIB))
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body).errors[0]).toMatchObject({
      parameter: 'body',
      limit: { kind: 'auth', bytes: 64 * 1024 },
    })
    expect(Date.now() - started).toBeLessThan(3000)
    expect(answer.socket.bytesRead).toBeLessThan(4 * MIB)
    expect(nextCalls).toBe(calls) // nothing behind the cap saw the request
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * MIB)
  })

  it('refuses a declared Content-Length over the limit before reading any of the body', async () => {
    const answer = await send('/api/graphql', filler(8 * MIB), { 'content-length': String(8 * MIB) })
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body).errors[0].message).toMatch(
      /64 KiB limit for graphql requests \(set HUB_BODY_LIMIT_GRAPHQL_KB/,
    )
    expect(answer.socket.bytesRead).toBeLessThan(4 * MIB)
  })

  it('gives a write the larger limit, and passes bodies under it through whole', async () => {
    expect((await send('/api/glossary-terms', filler(3 * MIB))).status).toBe(413)
    const underWrite = await send('/api/glossary-terms', filler(MIB))
    expect(underWrite).toMatchObject({ status: 200 })
    expect(JSON.parse(underWrite.body)).toEqual({ received: MIB })
    const credentials = Buffer.from('{"email":"a@b.c","password":"x"}')
    const login = await send('/api/users/login', Readable.from([credentials]))
    expect(JSON.parse(login.body)).toEqual({ received: credentials.byteLength })
  })
})
