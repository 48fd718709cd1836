import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** GET /api/search, GET /api/glossary-index and the GraphQL queries, through Payload's router, on a real database. */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startPayload } from '../../../test/helpers/payload'
import { get, graphql, richText, send } from '../../related-term-graph/test/helpers'
import { getSearchService } from '../server/service'

let payload: Payload
const ids: Record<string, string> = {}
const SHOP = 'https://shop.example.com'

const createTerm = async (
  slug: string,
  data: Record<string, unknown>,
  status: 'published' | 'draft' = 'published',
  glossary = 'ec',
) => {
  const doc = await payload.create({
    collection: 'glossary-terms',
    data: { glossary: ids[`glossary:${glossary}`], slug, ...data, _status: status } as never,
    draft: status === 'draft',
  })
  ids[slug] = doc.id
  return doc
}

const slugs = async (query: string) => {
  const { status, json } = await get(`/api/search?${query}`)
  expect(status).toBe(200)
  return (json.hits as { slug: string }[]).map((hit) => hit.slug)
}

beforeAll(async () => {
  payload = await startPayload()
  ids['glossary:ec'] = (await payload.create({ collection: 'glossaries', data: { name: 'EC用語集', slug: 'ec' } })).id
  ids['glossary:crm'] = (
    await payload.create({ collection: 'glossaries', data: { name: 'CRM用語集', slug: 'crm' } })
  ).id
  await createTerm('influencer', {
    term: 'インフルエンサー',
    englishName: 'Influencer',
    summary: '発信力で購買を動かす人。',
  })
  await createTerm('infrastructure-cost', {
    term: 'インフラ費用',
    englishName: 'Infrastructure Cost',
    summary: 'サーバーなどの費用。',
  })
  await createTerm('utm-code', { term: 'UTMコード', englishName: 'UTM Code', summary: '流入元を見分ける印。' })
  await createTerm('utm-parameter', {
    term: 'UTMパラメータ',
    englishName: 'UTM Parameter',
    summary: 'URL に付ける計測用の値。',
  })
  await createTerm(
    'customer-lifetime-value',
    {
      term: '顧客生涯価値',
      englishName: 'Customer Lifetime Value',
      summary: '一人の顧客がもたらす利益の総額。',
      body: richText('継続購入で伸びる指標。'),
    },
    'published',
    'crm',
  )
  await createTerm(
    'repeat-rate',
    { term: 'リピート率', summary: '二回目の購入に進んだ顧客の割合。' },
    'published',
    'crm',
  )
  await createTerm(
    'net-promoter-score',
    { term: 'Net Promoter Score', summary: '推奨度を測る指標。' },
    'published',
    'crm',
  )
  await createTerm('secret-draft', { term: 'サンドボックス施策', summary: 'まだ公開しない下書き。' }, 'draft')
  await payload.update({
    collection: 'glossary-terms',
    id: ids.influencer!,
    locale: 'en',
    data: { term: 'Influencer', summary: 'Someone whose posts move purchases.' },
  })
  await payload.create({
    collection: 'case-studies',
    data: {
      title: '茶葉店の定期便',
      slug: 'tea-subscription',
      persona: { name: '美咲' },
      scenario: richText('インフルエンサーと組んで定期便の解約を減らした。'),
      _status: 'published',
    } as never,
  })
})

afterAll(async () => {
  await payload?.destroy()
})

describe('GET /api/search', () => {
  it('finds インフルエンサー from the hiragana prefix いんふる, with a marked snippet and the storefront URL', async () => {
    const { status, json, headers } = await get('/api/search?q=いんふる')
    expect(status).toBe(200)
    expect(headers.get('etag')).toMatch(/^"/)
    expect(json.hits[0]).toEqual({
      type: 'glossary-term',
      slug: 'influencer',
      title: 'インフルエンサー',
      summary: '発信力で購買を動かす人。',
      url: `${SHOP}/glossary/ec/influencer`,
      snippet: '発信力で購買を動かす人。',
    })
    expect(json.hits.map((hit: { slug: string }) => hit.slug)).not.toContain('infrastructure-cost')
    // The case study mentions it in its body: found, ranked below the term, snippet marked.
    const study = json.hits.find((hit: { type: string }) => hit.type === 'case-study')
    expect(study).toMatchObject({ slug: 'tea-subscription', url: `${SHOP}/case-studies/tea-subscription` })
  })

  it('marks the match in the snippet of a body hit', async () => {
    const { json } = await get('/api/search?q=インフルエンサー&type=case-study')
    expect(json.hits[0].snippet).toBe('<mark>インフルエンサー</mark>と組んで定期便の解約を減らした。')
  })

  it('finds インフルエンサー via its English name, also with a letter missing', async () => {
    expect((await slugs('q=influencer'))[0]).toBe('influencer')
    expect((await slugs('q=influncer'))[0]).toBe('influencer')
  })

  it('finds UTMコード and UTMパラメータ from utm', async () => {
    expect((await slugs('q=utm')).sort()).toEqual(['utm-code', 'utm-parameter'])
  })

  it('finds a kanji term by the reading the hook suggested, in hiragana', async () => {
    const stored = await payload.findByID({
      collection: 'glossary-terms',
      id: ids['customer-lifetime-value']!,
      overrideAccess: true,
    })
    expect(stored.reading).toBe('こきゃくしょうがいかち')
    expect((stored as { readingSuggested?: boolean }).readingSuggested).toBe(true)
    expect((await slugs('q=こきゃくしょうがい'))[0]).toBe('customer-lifetime-value')
  })

  it('answers in English with locale=en, URLs under /en', async () => {
    const { json } = await get('/api/search?q=purchases&locale=en')
    expect(json.hits[0]).toMatchObject({
      slug: 'influencer',
      title: 'Influencer',
      url: `${SHOP}/en/glossary/ec/influencer`,
    })
    expect(json.hits[0].snippet).toContain('<mark>purchases</mark>')
  })

  it('filters by glossary and type', async () => {
    expect(await slugs('q=顧客&glossary=crm&type=glossary-term')).toEqual(
      expect.arrayContaining(['customer-lifetime-value', 'repeat-rate']),
    )
    expect(await slugs('q=顧客&glossary=ec')).toEqual([])
    expect(await slugs('q=インフルエンサー&type=playbook')).toEqual([])
  })

  it('never finds a draft, nor the pending draft change of a published term', async () => {
    expect(await slugs('q=サンドボックス')).toEqual([])
    await payload.update({
      collection: 'glossary-terms',
      id: ids['utm-code']!,
      draft: true,
      data: { summary: 'ガラパゴス化した下書きの説明。' },
    })
    expect(await slugs('q=ガラパゴス')).toEqual([])
    expect(await slugs('q=流入元')).toEqual(['utm-code'])
    await payload.update({
      collection: 'glossary-terms',
      id: ids['utm-code']!,
      data: { summary: 'ガラパゴス化を防ぐ印。', _status: 'published' } as never,
    })
    expect(await slugs('q=ガラパゴス')).toEqual(['utm-code'])
    await payload.update({ collection: 'glossary-terms', id: ids['utm-code']!, data: { _status: 'draft' } as never })
    expect(await slugs('q=ガラパゴス')).toEqual([])
    await payload.update({
      collection: 'glossary-terms',
      id: ids['utm-code']!,
      data: { _status: 'published' } as never,
    })
  })

  it('never finds a hidden field', async () => {
    await payload.update({
      collection: 'glossary-terms',
      id: ids['repeat-rate']!,
      data: { seedFingerprint: 'seed1:zebrafoxglove' } as never,
      overrideAccess: true,
    })
    expect(await slugs('q=zebrafoxglove')).toEqual([])
  })

  it('applies a change another instance journaled (no local hook ran)', async () => {
    const service = getSearchService(payload)!
    await payload.update({
      collection: 'glossary-terms',
      id: ids['repeat-rate']!,
      data: { summary: 'ドロモカ方式で数える割合。' },
      context: { glossarySearch: 'skip' },
    })
    expect(await slugs('q=ドロモカ')).toEqual([])
    await service.poll()
    expect(await slugs('q=ドロモカ')).toEqual(['repeat-rate'])
  })

  it('answers bad input with 400 naming the parameter', async () => {
    for (const [query, parameter] of [
      ['q=', 'q'],
      [`q=${'あ'.repeat(1000)}`, 'q'],
      ['q=a&type=recipe', 'type'],
      ['q=a&limit=0', 'limit'],
      ['q=a&locale=fr', 'locale'],
      ['q=a&glossary=nowhere', 'glossary'],
    ] as const) {
      const { status, json } = await get(`/api/search?${encodeURI(query)}`)
      expect(status, query).toBe(400)
      expect(
        json.errors.map((error: { parameter: string }) => error.parameter),
        query,
      ).toContain(parameter)
    }
  })
})

describe('GET /api/glossary-index', () => {
  it('groups published terms by 五十音 row, then A–Z, each entry with slug, term, reading, summary and URL', async () => {
    const { status, json, headers } = await get('/api/glossary-index?glossary=crm')
    expect(status).toBe(200)
    const group = (key: string) => json.groups.find((g: { key: string }) => g.key === key)
    expect(group('か').entries).toEqual([
      {
        slug: 'customer-lifetime-value',
        term: '顧客生涯価値',
        reading: 'こきゃくしょうがいかち',
        summary: '一人の顧客がもたらす利益の総額。',
        url: `${SHOP}/glossary/crm/customer-lifetime-value`,
      },
    ])
    expect(group('ら').entries.map((entry: { slug: string }) => entry.slug)).toEqual(['repeat-rate'])
    expect(group('N').entries.map((entry: { slug: string }) => entry.slug)).toEqual(['net-promoter-score'])
    expect(group('N').entries[0].reading).toBeNull()
    expect(json.groups.map((g: { key: string }) => g.key).slice(0, 10)).toEqual([
      'あ',
      'か',
      'さ',
      'た',
      'な',
      'は',
      'ま',
      'や',
      'ら',
      'わ',
    ])

    const etag = headers.get('etag')!
    const again = await send('GET', '/api/glossary-index?glossary=crm', {})
    expect(again.headers.get('etag')).toBe(etag)
    const request = new Request('http://localhost:3000/api/glossary-index?glossary=crm', {
      headers: { 'if-none-match': etag },
    })
    const { handleEndpoints } = await import('payload')
    const { config } = await import('../../../test/helpers/payload')
    const notModified = await handleEndpoints({ config, request })
    expect(notModified.status).toBe(304)
  })

  it('leaves drafts out of the index', async () => {
    const { json } = await get('/api/glossary-index?glossary=ec')
    const all = json.groups.flatMap((g: { entries: { slug: string }[] }) => g.entries.map((entry) => entry.slug))
    expect(all).toContain('influencer')
    expect(all).not.toContain('secret-draft')
  })
})

describe('suggested readings', () => {
  it('reads kana terms as themselves, gives English-only terms none, and drops the flag when an editor saves a reading', async () => {
    const kana = await payload.findByID({ collection: 'glossary-terms', id: ids['repeat-rate']!, overrideAccess: true })
    expect(kana.reading).toBe('りぴーとりつ')
    const english = await payload.findByID({
      collection: 'glossary-terms',
      id: ids['net-promoter-score']!,
      overrideAccess: true,
    })
    expect(english.reading ?? null).toBeNull()
    expect((english as { readingSuggested?: boolean }).readingSuggested).toBe(false)
    const edited = await payload.update({
      collection: 'glossary-terms',
      id: ids['customer-lifetime-value']!,
      data: { reading: 'こきゃくしょうがいかち ' },
    })
    expect((edited as { readingSuggested?: boolean }).readingSuggested).toBe(true)
    const corrected = await payload.update({
      collection: 'glossary-terms',
      id: ids['customer-lifetime-value']!,
      data: { reading: 'こきゃくしょうがいがち', readingSuggested: true } as never,
    })
    expect((corrected as { readingSuggested?: boolean }).readingSuggested).toBe(false)
  })
})

describe('GraphQL', () => {
  it('glossarySearch answers like the REST endpoint, and rejects bad arguments naming them', async () => {
    const { json } = await graphql(
      '{ glossarySearch(q: "いんふる", limit: 1) { total hits { type slug url snippet } } }',
    )
    expect(json.data.glossarySearch.hits).toEqual([
      {
        type: 'glossary-term',
        slug: 'influencer',
        url: `${SHOP}/glossary/ec/influencer`,
        snippet: '発信力で購買を動かす人。',
      },
    ])
    const bad = await graphql('{ glossarySearch(q: "a", limit: 0) { total } }')
    expect(bad.json.errors[0].message).toMatch(/limit/)
    const index = await graphql('{ glossaryIndex(glossary: "crm") { total groups { key entries { slug } } } }')
    expect(index.json.data.glossaryIndex.total).toBe(3)
  })
})

describe('fast path', () => {
  it('answers what the endpoint answers (same bytes and ETag, 304 for its ETag), leaves bad input to it, and follows edits', async () => {
    const { glossarySearchFastPath } = await import('../server/fastPath')
    const fastPath = glossarySearchFastPath(payload)
    const request = (query: string, headers: Record<string, string> = {}) =>
      new Request(`http://localhost:3000/api/search${query}`, { headers })
    await getSearchService(payload)!.ready()
    // A query never asked before is answered from the index, and is what Payload's endpoint then sends.
    const fast = fastPath.fetch(request('?q=utm&limit=3'))!
    expect(fast.status).toBe(200)
    const viaPayload = await get('/api/search?q=utm&limit=3')
    expect(fast.headers.get('etag')).toBe(viaPayload.headers.get('etag'))
    expect(await fast.json()).toEqual(viaPayload.json)
    expect(
      fastPath.fetch(request('?q=utm&limit=3', { 'if-none-match': viaPayload.headers.get('etag')! }))!.status,
    ).toBe(304)
    // Next's router re-encodes the query Payload sees (a space as `+`); clients send `%20`, in any order.
    const spaced = await get('/api/search?q=utm+code&limit=3')
    for (const spelling of ['?q=utm%20code&limit=3', '?limit=3&q=utm%20code']) {
      expect(fastPath.fetch(request(spelling))!.headers.get('etag'), spelling).toBe(spaced.headers.get('etag'))
    }
    // Bad input and other endpoints go on to Payload, which names the parameter.
    for (const query of ['?q=', '?q=utm&limit=0', '?q=utm&type=nope'])
      expect(fastPath.fetch(request(query))).toBeUndefined()
    expect(fastPath.fetch(new Request('http://localhost:3000/api/glossary-terms?q=utm'))).toBeUndefined()
    // The Node form (npm start) sends the same bytes and headers, without a Request/Response pair.
    const server = createServer((req, res) => {
      if (!fastPath.node(req, res)) res.writeHead(404).end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      // Replay the journal first: the poll clears the cache when it sees this instance's earlier edits.
      await getSearchService(payload)!.poll()
      const primed = await get('/api/search?q=utm&limit=3')
      const direct = await fetch(`${base}/api/search?q=utm&limit=3`)
      expect([direct.status, direct.headers.get('etag')]).toEqual([200, primed.headers.get('etag')])
      expect(await direct.json()).toEqual(primed.json)
      expect((await fetch(`${base}/api/search?q=&limit=3`)).status).toBe(404) // not answered: Payload's 400
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
    // An edit drops cached answers: the next answer, early or not, shows the change.
    await payload.update({ collection: 'glossary-terms', id: ids['utm-code']!, data: { term: 'UTMコード（旧）' } })
    const early = (await fastPath.fetch(request('?q=utm&limit=3'))!.json()) as { hits: { title: string }[] }
    expect(early.hits.map((hit) => hit.title)).toContain('UTMコード（旧）')
    expect((await get('/api/search?q=utm&limit=3')).json).toEqual(early)
  })
})
