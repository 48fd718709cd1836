/**
 * Webhook delivery latency (`npm run bench:webhooks`): publish → received, measured against `npm start`.
 *
 * 1. Starts the production hub (`npm start`, the build from `npm run build`; HUB_E2E_REUSE_BUILD=1 reuses
 *    one) on a fresh embedded SQLite database, with HUB_WEBHOOKS_ALLOW_PRIVATE=1 so it may call 127.0.0.1.
 * 2. A receiver on 127.0.0.1 verifies every signature and notes when each event arrives.
 * 3. Publishes BENCH_EVENTS glossary terms (default 200) over REST as an editor would: one after another
 *    (each waits for its event), then all at once with BENCH_BURST_CONCURRENCY requests in flight (default 10).
 *    Latency = from sending the publish request to the receiver having the whole signed event.
 * 4. The same against a bare Node server that, on the same POST, sends the same bytes to the receiver
 *    before answering: the floor for "one HTTP request in, one HTTP request out" on this machine.
 */
import { createHmac } from 'node:crypto'
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

import { ensureBuild, startHub } from '../../../test/e2e/hub'
import { verifySignature } from '../verify'

const EVENTS = Number(process.env.BENCH_EVENTS ?? 200)
const BURST = Number(process.env.BENCH_BURST_CONCURRENCY ?? 10)
const SECRET = 'whsec_bench-receiver-0123456789abcdef'

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let raw = ''
    req.setEncoding('utf8')
    req.on('data', (chunk) => (raw += chunk))
    req.on('end', () => resolve(raw))
  })

/** The storefront: resolves the waiter registered for each slug when its signed event arrives. */
const startReceiver = async () => {
  const waiting = new Map<string, (at: number) => void>()
  const arrived = new Map<string, number>()
  let badSignatures = 0
  const server = createServer(async (req, res) => {
    const raw = await readBody(req)
    const at = performance.now()
    if (!verifySignature({ body: raw, header: req.headers['x-hub-signature'] as string, secret: SECRET }).ok)
      badSignatures += 1
    const slug = (JSON.parse(raw) as { document: { slug: string } }).document.slug
    arrived.set(slug, at)
    waiting.get(slug)?.(at)
    res.writeHead(200).end('ok')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/revalidate`,
    arrival: (slug: string) =>
      new Promise<number>((resolve) => {
        const known = arrived.get(slug)
        if (known !== undefined) return resolve(known)
        waiting.set(slug, resolve)
      }),
    badSignatures: () => badSignatures,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** The floor: accepts the same POST and sends a signed event of the same shape to the receiver first. */
const startBare = async (target: string) => {
  const server = createServer(async (req, res) => {
    const doc = JSON.parse(await readBody(req)) as { slug: string }
    const body = JSON.stringify({
      id: `evt_${doc.slug}`,
      type: 'publish',
      occurred_at: new Date().toISOString(),
      document: { type: 'glossary-term', slug: doc.slug },
      cache_tags: [`glossary-term:${doc.slug}`, 'glossary-terms'],
    })
    const t = Math.floor(Date.now() / 1000)
    const signature = `t=${t},v1=${createHmac('sha256', SECRET).update(`${t}.${body}`).digest('hex')}`
    const out = httpRequest(target, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature': signature,
        'content-length': Buffer.byteLength(body),
      },
    })
    out.on('response', (answer) => {
      answer.resume()
      answer.on('end', () => res.writeHead(201, { 'content-type': 'application/json' }).end('{"doc":{}}'))
    })
    out.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

type Sample = { latency: number; save: number }

/** Publishes `EVENTS` terms through `publish`, `concurrency` at a time, timing save and delivery. */
const run = async (
  publish: (slug: string) => Promise<Response>,
  receiver: Awaited<ReturnType<typeof startReceiver>>,
  prefix: string,
  concurrency: number,
): Promise<Sample[]> => {
  const samples: Sample[] = []
  let next = 0
  const lane = async () => {
    while (next < EVENTS) {
      const slug = `${prefix}-${next++}`
      const arrival = receiver.arrival(slug)
      const sent = performance.now()
      const response = await publish(slug)
      const saved = performance.now()
      if (!response.ok) throw new Error(`publish ${slug}: HTTP ${response.status} ${await response.text()}`)
      await response.arrayBuffer()
      samples.push({ latency: (await arrival) - sent, save: saved - sent })
    }
  }
  await Promise.all(Array.from({ length: concurrency }, lane))
  return samples
}

const row = (name: string, samples: Sample[], bare?: Sample[]) => {
  const p50 = percentile(
    samples.map((s) => s.latency),
    50,
  )
  const p95 = percentile(
    samples.map((s) => s.latency),
    95,
  )
  const ratio = bare
    ? ` | ${(
        p50 /
        percentile(
          bare.map((s) => s.latency),
          50,
        )
      ).toFixed(1)} × / ${(
        p95 /
        percentile(
          bare.map((s) => s.latency),
          95,
        )
      ).toFixed(1)} ×`
    : ' | –'
  const save = percentile(
    samples.map((s) => s.save),
    50,
  )
  return `| ${name} | ${samples.length} | ${p50.toFixed(1)} ms | ${p95.toFixed(1)} ms | ${save.toFixed(1)} ms${ratio} |`
}

ensureBuild()
process.env.HUB_WEBHOOKS_ALLOW_PRIVATE = '1'
const hub = await startHub()
const receiver = await startReceiver()
const bare = await startBare(receiver.url)
try {
  const json = { 'content-type': 'application/json' }
  const register = await fetch(`${hub.url}/api/users/first-register`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email: 'bench@lantern.example', password: 'bench-password-0123456789' }),
  })
  if (!register.ok) throw new Error(`first-register: HTTP ${register.status} ${await register.text()}`)
  const login = await fetch(`${hub.url}/api/users/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email: 'bench@lantern.example', password: 'bench-password-0123456789' }),
  })
  const { token } = (await login.json()) as { token: string }
  const auth = { ...json, Authorization: `JWT ${token}` }
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${hub.url}${path}`, { method: 'POST', headers: auth, body: JSON.stringify(body) })
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`)
    return ((await response.json()) as { doc: { id: string } }).doc
  }
  await post('/api/webhooks', {
    name: 'Bench storefront',
    url: receiver.url,
    events: ['publish', 'update', 'unpublish', 'delete'],
    secret: SECRET,
  })
  const glossary = await post('/api/glossaries', { name: 'ベンチ用語集', slug: 'bench' })
  const publishHub = (slug: string) =>
    fetch(`${hub.url}/api/glossary-terms`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        term: `ベンチ ${slug}`,
        slug,
        glossary: glossary.id,
        summary: '計測用の用語。',
        _status: 'published',
      }),
    })
  const publishBare = (slug: string) =>
    fetch(bare.url, { method: 'POST', headers: json, body: JSON.stringify({ slug }) })

  // Warm-up: the first requests compile routes and fill caches.
  await run(publishHub, receiver, 'warm', 1).catch(() => undefined)

  const hubSequential = await run(publishHub, receiver, 'seq', 1)
  const bareSequential = await run(publishBare, receiver, 'bare-seq', 1)
  const hubBurst = await run(publishHub, receiver, 'burst', BURST)
  const bareBurst = await run(publishBare, receiver, 'bare-burst', BURST)

  console.log(
    `\nWebhook delivery latency, publish → received (${EVENTS} events per row, npm start on SQLite, ${new Date().toISOString()})\n`,
  )
  console.log('| Scenario | Events | p50 | p95 | Save (p50, REST answer) | vs bare Node p50 / p95 |')
  console.log('| --- | --- | --- | --- | --- | --- |')
  console.log(row('Hub, one publish at a time', hubSequential, bareSequential))
  console.log(row(`Hub, burst (${BURST} in flight)`, hubBurst, bareBurst))
  console.log(row('Bare Node, one at a time', bareSequential))
  console.log(row(`Bare Node, burst (${BURST} in flight)`, bareBurst))
  console.log(`\nSignatures that failed verification: ${receiver.badSignatures()}`)
  if (receiver.badSignatures() > 0) process.exitCode = 1
} finally {
  await hub.stop()
  await receiver.close()
  await bare.close()
}
