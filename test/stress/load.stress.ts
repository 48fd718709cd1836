import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import autocannon from 'autocannon'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { ensureBuild, seedHub, startHub, type RunningHub } from '../e2e/hub'

/**
 * The real app (`npm start`) under load: 10,000 requests at concurrency 50 mixing feed pages, graph
 * queries and REST reads, while an editor publishes, edits, unpublishes and deletes terms, and a
 * storefront keeps its copy in sync with `since`. No request may fail, and the copy must end exact.
 */

const TOTAL_REQUESTS = Number(process.env.LOAD_REQUESTS ?? 10_000)
const CONNECTIONS = 50

let hub: RunningHub
let token = ''
let glossaryId = ''

type FeedPage = {
  items: { id: string; _hub?: { deleted?: boolean } }[]
  next_url?: string
  _hub: { sync_token: string }
}

const api = async (pathAndQuery: string, init: RequestInit = {}) => {
  const response = await fetch(`${hub.url}${pathAndQuery}`, {
    ...init,
    headers: {
      'content-type': 'application/json',
      ...(token ? { Authorization: `JWT ${token}` } : {}),
      ...init.headers,
    },
  })
  if (!response.ok)
    throw new Error(`${init.method ?? 'GET'} ${pathAndQuery} answered ${response.status}: ${await response.text()}`)
  return response.json()
}

/** A storefront's copy of the feed: item id → item, kept exact by following `since` deltas. */
class StorefrontCopy {
  items = new Map<string, unknown>()
  syncToken = ''
  requests = 0

  private async follow(url: string) {
    let next: string | undefined = url
    while (next) {
      const response = await fetch(next.startsWith('http') ? next : `${hub.url}${next}`)
      this.requests += 1
      if (!response.ok) throw new Error(`storefront sync: ${response.status} ${await response.text()}`)
      const page = (await response.json()) as FeedPage
      for (const item of page.items) {
        if (item._hub?.deleted) this.items.delete(item.id)
        else this.items.set(item.id, item)
      }
      this.syncToken = page._hub.sync_token
      next = page.next_url
    }
  }

  fullSync = () => this.follow('/api/feed?limit=100')
  deltaSync = () => this.follow(`/api/feed?limit=100&since=${encodeURIComponent(this.syncToken)}`)
}

/** What an editor does during the run; returns how many changes were published. */
const editorAtWork = async (stop: (changes: number) => boolean) => {
  const created: string[] = []
  let changes = 0
  for (let round = 0; !stop(changes); round += 1) {
    const doc = await api('/api/glossary-terms', {
      method: 'POST',
      body: JSON.stringify({
        term: `負荷テスト用語 ${round}`,
        slug: `load-term-${round}`,
        summary: `負荷テスト中に公開された用語 ${round}。UTMコードに触れます。`,
        glossary: glossaryId,
        _status: 'published',
      }),
    })
    created.push(doc.doc.id)
    changes += 1
    const [first] = created
    if (round % 3 === 1 && first) {
      await api(`/api/glossary-terms/${first}`, {
        method: 'PATCH',
        body: JSON.stringify({ summary: `改訂 ${round}`, _status: 'published' }),
      })
      changes += 1
    }
    if (round % 4 === 2 && created.length > 1) {
      await api(`/api/glossary-terms/${created[1]}`, { method: 'PATCH', body: JSON.stringify({ _status: 'draft' }) })
      changes += 1
    }
    if (round % 5 === 4 && created.length > 2) {
      const victim = created.splice(2, 1)[0]
      await api(`/api/glossary-terms/${victim}`, { method: 'DELETE' })
      changes += 1
    }
    await new Promise((r) => setTimeout(r, 150))
  }
  return changes
}

/** Every published item, read anonymously over REST: the set the storefront's copy must equal. */
const publishedSet = async () => {
  const saved = token
  token = ''
  try {
    const ids: string[] = []
    for (const [collection, type] of [
      ['glossary-terms', 'glossary-term'],
      ['case-studies', 'case-study'],
      ['playbooks', 'playbook'],
    ] as const) {
      // Anonymous readers page through at most 100 documents a page (the read budget).
      for (let page = 1, more = true; more; page += 1) {
        const answer = await api(`/api/${collection}?limit=100&page=${page}&depth=0&select[slug]=true`)
        ids.push(...answer.docs.map((d: { id: string }) => `${type}:${d.id}`))
        more = answer.hasNextPage
      }
    }
    return ids.sort()
  } finally {
    token = saved
  }
}

beforeAll(async () => {
  ensureBuild()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-load-'))
  seedHub(dataDir)
  hub = await startHub(dataDir)
  await api('/api/users/first-register', {
    method: 'POST',
    body: JSON.stringify({ email: 'editor@example.com', password: 'correct-horse-battery-staple' }),
  })
  token = (
    await api('/api/users/login', {
      method: 'POST',
      body: JSON.stringify({ email: 'editor@example.com', password: 'correct-horse-battery-staple' }),
    })
  ).token
  glossaryId = (await api('/api/glossaries?where[slug][equals]=social-media')).docs[0].id
})

afterAll(async () => {
  await hub?.stop()
})

it(`answers ${TOTAL_REQUESTS} mixed requests at concurrency ${CONNECTIONS} with no error while an editor publishes, and a syncing storefront ends exact`, async () => {
  const storefront = new StorefrontCopy()
  await storefront.fullSync()

  let loadDone = false
  let finish: (error: Error | null, result: autocannon.Result) => void = () => {}
  const loadFinished = new Promise<autocannon.Result>((resolve, reject) => {
    finish = (error, result) => (error ? reject(error) : resolve(result))
  }).finally(() => {
    loadDone = true
  })
  const load = autocannon(
    {
      url: hub.url,
      connections: CONNECTIONS,
      amount: TOTAL_REQUESTS * 100, // stopped as soon as the run has what it needs (below)
      timeout: 30,
      requests: [
        { method: 'GET', path: '/api/feed?limit=50' },
        { method: 'GET', path: '/api/feed?limit=20&type=glossary-term&locale=en' },
        { method: 'GET', path: '/api/term-graph?root=utm-code&depth=2' },
        { method: 'GET', path: '/api/term-graph/top?limit=10' },
        { method: 'GET', path: '/api/term-graph/path?from=utm-code&to=influencer' },
        { method: 'GET', path: '/api/glossary-terms?limit=10&depth=1' },
        { method: 'GET', path: '/api/case-studies?limit=4' },
        { method: 'GET', path: '/api/playbooks?limit=1' },
      ],
    },
    (error, result) => finish(error, result),
  )
  const statusCounts: Record<string, number> = {}
  load.on('response', (_client, statusCode) => {
    statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1
  })

  // The load runs until it has sent its requests AND the editor has made a few changes of every kind
  // (create, revise, unpublish, delete), however slow the machine: every change happens under load.
  let answered = 0
  let editorDone = false
  load.on('response', () => {
    answered += 1
    if (answered >= TOTAL_REQUESTS && editorDone) load.stop()
  })
  const editing = editorAtWork((changes) => {
    editorDone = changes > 5
    if (editorDone && answered >= TOTAL_REQUESTS) load.stop()
    return editorDone || loadDone
  })
  const syncing = (async () => {
    let syncs = 0
    while (!loadDone) {
      await storefront.deltaSync()
      syncs += 1
      await new Promise((r) => setTimeout(r, 300))
    }
    return syncs
  })()

  const [result, changes, syncs] = await Promise.all([loadFinished, editing, syncing])
  // Changes made after the storefront's last delta are picked up by one more delta, not a full re-read.
  await new Promise((r) => setTimeout(r, 1500))
  await storefront.deltaSync()
  const expected = await publishedSet()

  console.log(
    `\nLoad: ${result.requests.total} requests, concurrency ${CONNECTIONS}, ${result.requests.average} req/s avg, ` +
      `p97.5 latency ${result.latency.p97_5} ms; statuses ${JSON.stringify(statusCounts)}; errors ${result.errors}, ` +
      `timeouts ${result.timeouts}, non-2xx ${result.non2xx}.\nEditor published ${changes} changes; storefront ran ${syncs} ` +
      `delta syncs (${storefront.requests} feed requests) and holds ${storefront.items.size} items; published set ${expected.length}.`,
  )

  expect(result.requests.total).toBeGreaterThanOrEqual(TOTAL_REQUESTS)
  expect(result.errors).toBe(0)
  expect(result.timeouts).toBe(0)
  expect(result.non2xx).toBe(0)
  expect(changes).toBeGreaterThan(5)
  expect([...storefront.items.keys()].sort()).toEqual(expected)
})
