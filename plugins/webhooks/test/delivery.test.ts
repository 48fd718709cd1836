/** Deliveries end to end: Local API saves, the real worker, real HTTP to a receiver on 127.0.0.1. */
import { getPayload, handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { sanitizeOptions } from '../core/options'
import { pruneDeliveries } from '../server/queue'
import { existingWorker } from '../server/worker'
import { STOREFRONT, webhookTestConfig } from './config'
import { type Receiver, startReceiver, waitFor } from './receiver'

// plugin-seo is pinned at 3.90.1 beside payload 3.90.2 this round; Payload's dev-only version check would
// reject asynchronously mid-run (an unhandled rejection), so it is switched off for this long-running file.
process.env.PAYLOAD_DISABLE_DEPENDENCY_CHECKER = 'true'

const config = webhookTestConfig()
const SECRET = 'whsec_lantern-receiver-shared-key-0001'

let payload: Payload
let receiver: Receiver
let webhookId: string
let glossaryId: string
let serial = 0
const slugFor = (word: string) => `${word}-${(serial += 1)}`

const deliveries = async (where: Record<string, unknown> = {}) =>
  (
    await payload.find({
      collection: 'webhook-deliveries',
      where: where as never,
      limit: 0,
      pagination: false,
      sort: 'sequence',
    })
  ).docs

const eventsFor = (id: string) => receiver.accepted().filter((entry) => entry.body.document.id === id)

const publishTerm = (slug: string, extra: Record<string, unknown> = {}) =>
  payload.create({
    collection: 'glossary-terms',
    data: { term: `語 ${slug}`, slug, glossary: glossaryId, _status: 'published', ...extra } as never,
  })

beforeAll(async () => {
  payload = await getPayload({ config, key: 'webhooks-delivery' })
  receiver = await startReceiver(() => SECRET)
  const webhook = await payload.create({
    collection: 'webhooks',
    data: {
      name: 'Lantern storefront',
      url: receiver.url,
      events: ['publish', 'unpublish', 'delete', 'update'],
      secret: SECRET,
    },
  })
  webhookId = String(webhook.id)
  glossaryId = String(
    (await payload.create({ collection: 'glossaries', data: { name: '梱包用語集', slug: 'packaging' } })).id,
  )
})

afterAll(async () => {
  await payload?.destroy()
  await receiver?.close()
})

beforeEach(() => receiver.behave(() => 200))

describe('publish, update, unpublish, delete', () => {
  it('a publish sends exactly one signed event with the storefront URLs and cache tags', async () => {
    const tag = await payload.create({ collection: 'tags', data: { name: 'Gift', slug: 'gift' } })
    await waitFor('the tag event', () => receiver.accepted().some((e) => e.body.document.id === String(tag.id)))
    const term = await publishTerm('gift-wrap', { tags: [tag.id] })
    await waitFor('the publish event', () => eventsFor(String(term.id)).length === 1)
    await new Promise((resolve) => setTimeout(resolve, 300))
    const [event] = eventsFor(String(term.id))
    expect(eventsFor(String(term.id))).toHaveLength(1)
    expect(event!.verified).toBe(true)
    expect(event!.headers['x-hub-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/)
    expect(event!.body).toMatchObject({
      type: 'publish',
      document: {
        type: 'glossary-term',
        collection: 'glossary-terms',
        id: String(term.id),
        slug: 'gift-wrap',
        _status: 'published',
        locales: ['ja', 'en'],
        urls: { ja: `${STOREFRONT}/glossary/packaging/gift-wrap`, en: `${STOREFRONT}/en/glossary/packaging/gift-wrap` },
      },
    })
    expect(event!.body.cache_tags).toEqual([
      'glossary-term:gift-wrap',
      'glossary-terms',
      'glossary:packaging',
      'tag:gift',
    ])
    expect(event!.body.id).toMatch(/^evt_/)
    const [row] = await deliveries({ eventId: { equals: event!.body.id } })
    expect(row).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200, lastResponse: 'revalidated' })
  })

  it('a draft saved over a published term sends nothing; publishing it again is an update; unpublish and delete follow', async () => {
    const term = await publishTerm(slugFor('ribbon'))
    const id = String(term.id)
    await waitFor('publish', () => eventsFor(id).length === 1)
    await payload.update({ collection: 'glossary-terms', id, draft: true, data: { summary: '下書き' } })
    await payload.update({ collection: 'glossary-terms', id, data: { summary: '公開', _status: 'published' } })
    await waitFor('update', () => eventsFor(id).length === 2)
    await payload.update({ collection: 'glossary-terms', id, data: { _status: 'draft' } })
    await waitFor('unpublish', () => eventsFor(id).length === 3)
    await payload.update({ collection: 'glossary-terms', id, data: { _status: 'published' } })
    await waitFor('republish', () => eventsFor(id).length === 4)
    await payload.delete({ collection: 'glossary-terms', id })
    await waitFor('delete', () => eventsFor(id).length === 5)
    expect(eventsFor(id).map((e) => e.body.type)).toEqual(['publish', 'update', 'unpublish', 'publish', 'delete'])
    expect(eventsFor(id)[2]!.body.document._status).toBe('draft')
    expect(eventsFor(id)[4]!.body.cache_tags).toContain(`glossary-term:${term.slug}`)
  })

  it('a term that never went public sends nothing when saved or deleted', async () => {
    const draft = await payload.create({
      collection: 'glossary-terms',
      draft: true,
      data: { term: '未公開', slug: slugFor('unseen'), glossary: glossaryId, _status: 'draft' } as never,
    })
    await payload.update({ collection: 'glossary-terms', id: draft.id, draft: true, data: { summary: 'まだ' } })
    await payload.delete({ collection: 'glossary-terms', id: draft.id })
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(eventsFor(String(draft.id))).toHaveLength(0)
    expect(await deliveries({ documentId: { equals: String(draft.id) } })).toHaveLength(0)
  })

  it('renaming a glossary names its old and new pages and the tag of each published term in it', async () => {
    const glossary = await payload.create({ collection: 'glossaries', data: { name: '配送', slug: 'shipping' } })
    const terms = await Promise.all(
      ['parcel-locker', 'cool-box'].map((slug) => publishTerm(slug, { glossary: glossary.id })),
    )
    await payload.create({
      collection: 'glossary-terms',
      draft: true,
      data: { term: '下書き', slug: 'hidden-draft', glossary: glossary.id, _status: 'draft' } as never,
    })
    await waitFor('term events', () => terms.every((t) => eventsFor(String(t.id)).length === 1))
    await payload.update({ collection: 'glossaries', id: glossary.id, data: { slug: 'delivery' } })
    await waitFor('rename event', () => eventsFor(String(glossary.id)).some((e) => e.body.type === 'update'))
    const rename = eventsFor(String(glossary.id)).find((e) => e.body.type === 'update')!
    expect(rename.body.cache_tags).toEqual(
      expect.arrayContaining([
        'glossary:delivery',
        'glossary:shipping',
        'glossaries',
        'glossary-term:parcel-locker',
        'glossary-term:cool-box',
      ]),
    )
    expect(rename.body.cache_tags).not.toContain('glossary-term:hidden-draft')
    expect(rename.body.document).toMatchObject({
      slug: 'delivery',
      previous_slug: 'shipping',
      urls: { ja: `${STOREFRONT}/glossary/delivery` },
    })
    expect(rename.body.document.previous_urls).toEqual({
      ja: `${STOREFRONT}/glossary/shipping`,
      en: `${STOREFRONT}/en/glossary/shipping`,
    })
  })

  it('a webhook gets only the events and content types it subscribed to', async () => {
    const picky = await startReceiver(() => SECRET)
    try {
      await payload.create({
        collection: 'webhooks',
        data: {
          name: 'Playbook deletes',
          url: picky.url,
          events: ['delete'],
          contentTypes: ['playbooks'],
          secret: SECRET,
        },
      })
      const playbook = await payload.create({
        collection: 'playbooks',
        data: { title: '初回配送', slug: slugFor('first-box'), _status: 'published' } as never,
      })
      await publishTerm(slugFor('ignored-term'))
      await payload.delete({ collection: 'playbooks', id: playbook.id })
      await waitFor('the playbook delete', () => picky.accepted().length === 1)
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(picky.received.map((e) => `${e.body.type} ${e.body.document.collection}`)).toEqual(['delete playbooks'])
    } finally {
      await picky.close()
    }
  })
})

describe('tags of documents that show the changed one', () => {
  it('deleting a term names the terms, case studies and playbooks that showed it, found before the relation rows go', async () => {
    const target = await publishTerm(slugFor('tissue-paper'))
    const relating = await publishTerm(slugFor('wrapping-kit'), { related: [target.id] })
    const narrower = await publishTerm(slugFor('thin-tissue'), { broader: target.id })
    const story = await payload.create({
      collection: 'case-studies',
      data: {
        title: '包装事例',
        slug: slugFor('wrap-story'),
        persona: { name: '紙' },
        relatedTerms: [target.id],
        _status: 'published',
      } as never,
    })
    const hidden = await payload.create({
      collection: 'case-studies',
      draft: true,
      data: {
        title: '下書き事例',
        slug: slugFor('draft-story'),
        persona: { name: '未' },
        relatedTerms: [target.id],
        _status: 'draft',
      } as never,
    })
    await waitFor('publishes', () => eventsFor(String(story.id)).length === 1)
    await payload.delete({ collection: 'glossary-terms', id: target.id })
    await waitFor('delete event', () => eventsFor(String(target.id)).some((e) => e.body.type === 'delete'))
    const deleted = eventsFor(String(target.id)).find((e) => e.body.type === 'delete')!
    expect(deleted.body.cache_tags).toEqual(
      expect.arrayContaining([
        `glossary-term:${target.slug}`,
        `glossary-term:${relating.slug}`,
        `glossary-term:${narrower.slug}`,
        `case-study:${story.slug}`,
        'glossary:packaging',
      ]),
    )
    expect(deleted.body.cache_tags).not.toContain(`case-study:${hidden.slug}`)
    expect(deleted.body.document._status).toBeNull()
  })
})

describe('pruning', () => {
  it('deletes delivered and failed deliveries older than the cutoff and keeps open ones', async () => {
    const options = sanitizeOptions({ storefront: { baseUrl: STOREFRONT } })
    const all = await deliveries()
    const finished = all.filter((row) => row.status === 'delivered' || row.status === 'failed')
    expect(finished.length).toBeGreaterThan(0)
    const removed = await pruneDeliveries(payload, options, new Date(Date.now() + 60_000))
    expect(removed).toBe(finished.length)
    const left = await deliveries()
    expect(left.map((row) => row.status).every((status) => status === 'pending' || status === 'delivering')).toBe(true)
    expect(await pruneDeliveries(payload, options, new Date(0))).toBe(0)
  })
})

describe('send test', () => {
  it('POST /api/webhooks/:id/test sends a signed test event and answers with its outcome', async () => {
    await payload.create({
      collection: 'users',
      data: { email: 'tester@lantern.example', password: 'correct-horse-battery-staple', roles: ['admin'] } as never,
    })
    const { token } = await payload.login({
      collection: 'users',
      data: { email: 'tester@lantern.example', password: 'correct-horse-battery-staple' },
    })
    const call = async (auth?: string) => {
      const request = new Request(`http://localhost:3000/api/webhooks/${webhookId}/test`, {
        method: 'POST',
        headers: auth ? { Authorization: `JWT ${auth}` } : {},
      })
      const response = await handleEndpoints({ config, request, payloadInstanceCacheKey: 'webhooks-delivery' })
      return { status: response.status, json: await response.json() }
    }
    receiver.behave((n, body) => (body.type === 'test' ? 418 : 200))
    const refused = await call(token!)
    expect(refused).toMatchObject({ status: 200, json: { status: 'failed', statusCode: 418, error: 'HTTP 418' } })
    receiver.behave(() => 200)
    const answer = await call(token!)
    expect(answer).toMatchObject({ status: 200, json: { status: 'delivered', statusCode: 200, error: null } })
    const test = receiver.received.find((e) => e.body.id === answer.json.eventId)!
    expect(test.verified).toBe(true)
    expect(test.body).toMatchObject({ type: 'test', cache_tags: [] })
    expect((await call()).status).toBe(403)
  })
})

describe('retries', () => {
  it('a receiver dropping the connection on two attempts gets the event on the third', async () => {
    receiver.behave((n) => (n <= 2 ? 'drop' : 200))
    const term = await publishTerm(slugFor('late-parcel'))
    await waitFor('delivery on attempt 3', () => eventsFor(String(term.id)).length === 1)
    const attempts = receiver.received.filter((e) => e.body.document.id === String(term.id))
    expect(attempts.map((e) => e.answered)).toEqual(['dropped', 'dropped', 200])
    expect(new Set(attempts.map((e) => e.body.id)).size).toBe(1)
    expect(attempts.map((e) => e.headers['x-hub-delivery-attempt'])).toEqual(['1', '2', '3'])
    // Backoff: the gaps grow (base 150 ms, doubling, at least half of it with jitter).
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(70)
    expect(attempts[2]!.at - attempts[1]!.at).toBeGreaterThanOrEqual(140)
    const [row] = await deliveries({ documentId: { equals: String(term.id) } })
    expect(row).toMatchObject({ status: 'delivered', attempts: 3 })
  })

  it('a receiver that is not listening for two attempts (connection refused) gets the event on the third', async () => {
    const outage = await startReceiver(() => SECRET)
    const hook = await payload.create({
      collection: 'webhooks',
      data: { name: 'Outage', url: outage.url, events: ['publish'], contentTypes: ['case-studies'], secret: SECRET },
    })
    try {
      await outage.down()
      const story = await payload.create({
        collection: 'case-studies',
        data: { title: '停電', slug: slugFor('blackout'), persona: { name: '灯' }, _status: 'published' } as never,
      })
      const row = async () =>
        (await deliveries({ and: [{ documentId: { equals: String(story.id) } }, { webhook: { equals: hook.id } }] }))[0]
      await waitFor('two refused attempts', async () => ((await row())?.attempts ?? 0) >= 2)
      expect(await row()).toMatchObject({ status: 'pending', lastError: 'network error: ECONNREFUSED' })
      await outage.up()
      await waitFor('delivery after the outage', async () => (await row())?.status === 'delivered')
      expect(await row()).toMatchObject({ attempts: 3, lastStatusCode: 200 })
      expect(outage.accepted()).toHaveLength(1)
    } finally {
      await payload.update({ collection: 'webhooks', id: hook.id, data: { enabled: false } })
      await outage.close()
    }
  })

  it('500 then 200 is delivered on the retry; a 404 fails at once; 503 forever gives up after maxAttempts', async () => {
    receiver.behave((n, body) =>
      body.document.slug?.startsWith('gone')
        ? 404
        : body.document.slug?.startsWith('broken')
          ? 503
          : n === 1
            ? 500
            : 200,
    )
    const flaky = await publishTerm(slugFor('flaky'))
    const gone = await publishTerm(slugFor('gone'))
    const broken = await publishTerm(slugFor('broken'))
    await waitFor('flaky delivered', () => eventsFor(String(flaky.id)).length === 1)
    await waitFor(
      'broken given up',
      async () => (await deliveries({ documentId: { equals: String(broken.id) } }))[0]?.status === 'failed',
    )
    const rows = async (id: string | number) => (await deliveries({ documentId: { equals: String(id) } }))[0]
    expect(await rows(flaky.id)).toMatchObject({ status: 'delivered', attempts: 2 })
    expect(await rows(gone.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastStatusCode: 404,
      lastError: 'HTTP 404',
      lastResponse: 'answer 404',
    })
    expect(await rows(broken.id)).toMatchObject({ status: 'failed', attempts: 4, lastStatusCode: 503 })
    expect((await rows(broken.id))!.lastError).toContain('gave up after 4 attempts')
  })

  it('a receiver that takes 10 s is cut off at 5 s and retried', async () => {
    receiver.behave((n) => (n === 1 ? { delayMs: 10_000, status: 200 } : 200))
    const term = await publishTerm(slugFor('slow-courier'))
    await waitFor('delivery after the timeout', () => eventsFor(String(term.id)).length === 1, 15_000)
    const attempts = receiver.received.filter((e) => e.body.document.id === String(term.id))
    expect(attempts.map((e) => e.answered)).toEqual(['slow', 200])
    // Retried after the 5 s cut-off, not after the receiver's 10 s answer.
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(5000)
    expect(attempts[1]!.at - attempts[0]!.at).toBeLessThan(10_000)
    // The receiver answers before the dispatcher records the outcome: wait for the row, not the event.
    const row = async () => (await deliveries({ documentId: { equals: String(term.id) } }))[0]
    await waitFor('the delivery recorded', async () => (await row())?.status === 'delivered')
    expect(await row()).toMatchObject({ status: 'delivered', attempts: 2 })
  }, 30_000)

  it('an editor’s save does not wait for a slow or broken receiver', async () => {
    receiver.behave(() => ({ delayMs: 3000, status: 200 }))
    const started = Date.now()
    await publishTerm(slugFor('quick-save'))
    expect(Date.now() - started).toBeLessThan(1500)
  })
})

describe('order and volume', () => {
  it('200 publishes in a burst arrive as 200 deliveries, in order per document', async () => {
    receiver.behave((n, body) => (body.document.slug?.endsWith('-3') && n === 1 ? 503 : 200))
    const docs = await Promise.all(Array.from({ length: 40 }, (_, i) => publishTerm(`burst-${i}-v0`)))
    // 40 publishes, then 4 renames of each: 200 events, the same document's in a known order.
    await Promise.all(
      docs.map(async (doc, i) => {
        for (let v = 1; v <= 4; v += 1) {
          await payload.update({ collection: 'glossary-terms', id: doc.id, data: { slug: `burst-${i}-v${v}` } })
        }
      }),
    )
    const ids = new Set(docs.map((doc) => String(doc.id)))
    const burst = () => receiver.accepted().filter((e) => ids.has(e.body.document.id))
    await waitFor('200 deliveries', () => burst().length >= 200, 60_000)
    await new Promise((resolve) => setTimeout(resolve, 300))
    const got = burst()
    expect(got).toHaveLength(200)
    expect(new Set(got.map((e) => e.body.id)).size).toBe(200)
    for (const [i, doc] of docs.entries()) {
      const mine = got.filter((e) => e.body.document.id === String(doc.id))
      expect(mine.map((e) => `${e.body.type}:${e.body.document.slug}`)).toEqual([
        `publish:burst-${i}-v0`,
        ...[1, 2, 3, 4].map((v) => `update:burst-${i}-v${v}`),
      ])
    }
  }, 120_000)
})

describe('restart', () => {
  it('deliveries pending at shutdown are all sent after a restart, none twice, even with two instances polling', async () => {
    receiver.behave(() => 503)
    const docs = await Promise.all(Array.from({ length: 12 }, (_, i) => publishTerm(`restart-${i}`)))
    const ids = new Set(docs.map((d) => String(d.id)))
    await waitFor('first attempts', () =>
      docs.every((d) => receiver.received.some((e) => e.body.document.id === String(d.id))),
    )
    await existingWorker(payload)!.stop()
    const pending = (await deliveries({ documentId: { in: [...ids] } })).filter((row) => row.status !== 'delivered')
    expect(pending).toHaveLength(12)

    receiver.behave(() => 200)
    const [first, second] = await Promise.all([
      getPayload({ config, key: 'webhooks-restart-a' }),
      getPayload({ config, key: 'webhooks-restart-b' }),
    ])
    try {
      await waitFor('all delivered after restart', async () =>
        (
          await first.find({ collection: 'webhook-deliveries', where: { documentId: { in: [...ids] } }, limit: 0 })
        ).docs.every((row) => row.status === 'delivered'),
      )
      const accepted = receiver.accepted().filter((e) => ids.has(e.body.document.id))
      expect(accepted).toHaveLength(12)
      expect(new Set(accepted.map((e) => e.body.id)).size).toBe(12)
    } finally {
      await Promise.all([first.destroy(), second.destroy()])
    }
  }, 60_000)
})
