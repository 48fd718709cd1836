import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { verifySignature } from '../verify'
import type { WebhookEventBody } from '../types'

export type Received = {
  at: number
  headers: http.IncomingHttpHeaders
  raw: string
  body: WebhookEventBody
  verified: boolean
  answered: number | 'dropped' | 'slow'
}

/** What the receiver does with request number `n` (1-based) of an event: an HTTP status, drop the connection, or stall. */
export type Behaviour = (n: number, body: WebhookEventBody) => number | 'drop' | { delayMs: number; status: number }

/**
 * A storefront on 127.0.0.1 that checks each signature with the exported helper, as a real receiver would,
 * and records every request, including the ones it refused or dropped.
 */
export const startReceiver = async (secret: () => string | undefined, behaviour: Behaviour = () => 200) => {
  const received: Received[] = []
  const perEvent = new Map<string, number>()
  let current = behaviour
  const server = http.createServer((req, res) => {
    let raw = ''
    req.setEncoding('utf8')
    req.on('data', (chunk) => (raw += chunk))
    req.on('end', () => {
      const body = JSON.parse(raw) as WebhookEventBody
      const key = secret()
      const verified =
        Boolean(key) &&
        verifySignature({ body: raw, header: req.headers['x-hub-signature'] as string, secret: key! }).ok
      const n = (perEvent.get(body.id) ?? 0) + 1
      perEvent.set(body.id, n)
      const action = verified ? current(n, body) : 401
      const entry: Received = {
        at: Date.now(),
        headers: req.headers,
        raw,
        body,
        verified,
        answered: typeof action === 'number' ? action : action === 'drop' ? 'dropped' : 'slow',
      }
      received.push(entry)
      if (action === 'drop') return req.socket.destroy()
      if (typeof action === 'object') {
        const timer = setTimeout(() => res.writeHead(action.status).end('late'), action.delayMs)
        res.on('close', () => clearTimeout(timer))
        return
      }
      res.writeHead(action, { 'content-type': 'text/plain' }).end(action < 300 ? 'revalidated' : `answer ${action}`)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/api/revalidate`,
    received,
    /** Requests that got a 2xx, by event id. */
    accepted: () => received.filter((entry) => typeof entry.answered === 'number' && entry.answered < 300),
    behave: (next: Behaviour) => (current = next),
    /** Stops listening (connections are refused) and starts again on the same port. */
    down: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
    up: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>

/** Waits until `check` holds, polling; fails with `what` after `timeoutMs`. */
export const waitFor = async (what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`timed out waiting for ${what}`)
}
