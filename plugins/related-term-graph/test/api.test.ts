/** GET /api/term-graph, /path, /top, /suggestions, /health and the termGraph GraphQL query. */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startPayload } from '../../../test/helpers/payload'
import { get, graphql, richText, send, staffToken } from './helpers'

let payload: Payload
let token: string
const ids: Record<string, string> = {}

const createTerm = async (slug: string, data: Record<string, unknown>, status: 'published' | 'draft' = 'published') => {
  const glossary = ids.glossary as string
  const doc = await payload.create({
    collection: 'glossary-terms',
    data: { glossary, slug, ...data, _status: status } as never,
    draft: status === 'draft',
  })
  ids[slug] = doc.id
}

beforeAll(async () => {
  payload = await startPayload()
  token = await staffToken(payload)
  ids.glossary = (await payload.create({ collection: 'glossaries', data: { name: 'EC用語集', slug: 'ec' } })).id
  await createTerm('campaign', { term: 'キャンペーン', englishName: 'Campaign' })
  await createTerm('utm-parameter', { term: 'UTMパラメータ', englishName: 'UTM Parameter' })
  await createTerm('utm-code', {
    term: 'UTMコード',
    englishName: 'UTM Code',
    summary: 'URL に付ける UTM パラメータの組。キャンペーンの計測に使う。',
    related: [ids['utm-parameter']],
  })
  await payload.update({
    collection: 'glossary-terms',
    id: ids['utm-code'] as string,
    locale: 'en',
    data: { term: 'UTM code', summary: 'Tags a link for campaign tracking.' },
  })
  await createTerm('roas', { term: 'ROAS', body: richText('広告費あたりの売上。UTMコードで流入元を分ける。') })
  await createTerm('secret-draft', { term: '下書き用語', related: [ids.campaign] }, 'draft')
  await createTerm('island', { term: '孤島' })
})

afterAll(async () => {
  await payload?.destroy()
})

describe('GET /api/term-graph', () => {
  it('returns the root, its nodes and edges with slugs, weights and evidence', async () => {
    const { status, json } = await get('/api/term-graph?root=utm-code')
    expect(status).toBe(200)
    expect(json.root).toBe('utm-code')
    expect(json.nodes[0]).toEqual({
      id: ids['utm-code'],
      slug: 'utm-code',
      term: 'UTMコード',
      glossary: ids.glossary,
      score: 1,
    })
    expect(json.nodes.map((n: { slug: string }) => n.slug).sort()).toEqual([
      'campaign',
      'roas',
      'utm-code',
      'utm-parameter',
    ])
    expect(json.edges).toContainEqual({
      source: 'utm-code',
      target: 'utm-parameter',
      type: 'related',
      weight: 1,
      evidence: '「UTMコード」の関連用語に設定',
    })
    expect(json.edges).toContainEqual({
      source: 'utm-code',
      target: 'campaign',
      type: 'mentions',
      weight: 0.6,
      evidence: 'キャンペーンの計測に使う。',
    })
    expect(json.edges).toContainEqual(expect.objectContaining({ source: 'roas', target: 'utm-code', type: 'mentions' }))
    for (const node of json.nodes) expect(Object.keys(node).sort()).toEqual(['glossary', 'id', 'score', 'slug', 'term'])
  })

  it('answers in English with ?locale=en, falling back to Japanese where English is missing', async () => {
    const { json } = await get('/api/term-graph?root=utm-code&locale=en&types=mentions')
    expect(json.nodes[0].term).toBe('UTM code')
    expect(json.edges).toContainEqual(
      expect.objectContaining({
        source: 'utm-code',
        target: 'campaign',
        evidence: 'Tags a link for campaign tracking.',
      }),
    )
    expect(json.edges).toContainEqual(
      expect.objectContaining({ source: 'roas', evidence: 'UTMコードで流入元を分ける。' }),
    )
  })

  it('follows only the requested types and depth, and keeps the nearest and strongest when limit cuts', async () => {
    const related = await get('/api/term-graph?root=utm-code&types=related')
    expect(related.json.nodes.map((n: { slug: string }) => n.slug)).toEqual(['utm-code', 'utm-parameter'])
    const limited = await get('/api/term-graph?root=utm-code&limit=1')
    expect(limited.json.nodes.map((n: { slug: string }) => n.slug)).toEqual(['utm-code', 'utm-parameter'])
    const deep = await get('/api/term-graph?root=utm-parameter&depth=2')
    expect(deep.json.nodes.map((n: { slug: string }) => n.slug)).toContain('campaign')
  })

  it('hides draft terms from anonymous readers and shows them to editors', async () => {
    const anonymous = await get('/api/term-graph?root=campaign')
    expect(anonymous.json.nodes.map((n: { slug: string }) => n.slug)).not.toContain('secret-draft')
    expect(anonymous.headers.get('x-term-graph-view')).toBe('published')
    const editor = await get('/api/term-graph?root=campaign', token)
    expect(editor.json.nodes.map((n: { slug: string }) => n.slug)).toContain('secret-draft')
    expect(editor.headers.get('x-term-graph-view')).toBe('latest')
    expect((await get('/api/term-graph?root=secret-draft')).status).toBe(404)
  })

  it.each([
    ['', 'root'],
    ['?root=', 'root'],
    ['?root=utm-code&depth=0', 'depth'],
    ['?root=utm-code&depth=4', 'depth'],
    ['?root=utm-code&depth=two', 'depth'],
    ['?root=utm-code&depth=1.5', 'depth'],
    ['?root=utm-code&limit=0', 'limit'],
    ['?root=utm-code&limit=201', 'limit'],
    ['?root=utm-code&types=related,friends', 'types'],
    ['?root=utm-code&types=,', 'types'],
    ['?root=utm-code&locale=fr', 'locale'],
  ])('rejects "%s" with 400 naming %s', async (query, parameter) => {
    const { status, json } = await get(`/api/term-graph${query}`)
    expect(status).toBe(400)
    expect(json.errors.map((e: { parameter: string }) => e.parameter)).toContain(parameter)
    expect(json.errors[0].message).toEqual(expect.any(String))
  })

  it('answers 404 naming root for an unknown term', async () => {
    const { status, json } = await get('/api/term-graph?root=no-such-term')
    expect(status).toBe(404)
    expect(json.errors[0].parameter).toBe('root')
  })
})

describe('GET /api/term-graph/path', () => {
  it('returns the strongest shortest path', async () => {
    const { status, json } = await get('/api/term-graph/path?from=roas&to=utm-parameter')
    expect(status).toBe(200)
    expect(json.from).toBe('roas')
    expect(json.to).toBe('utm-parameter')
    expect(json.nodes.map((n: { slug: string }) => n.slug)).toEqual(['roas', 'utm-code', 'utm-parameter'])
    expect(json.edges.map((e: { type: string }) => e.type)).toEqual(['mentions', 'related'])
    expect(json.hops).toBe(2)
  })

  it('answers 404 when no path joins the terms, or a term is unknown', async () => {
    expect((await get('/api/term-graph/path?from=roas&to=island')).status).toBe(404)
    const unknown = await get('/api/term-graph/path?from=roas&to=nowhere')
    expect(unknown.status).toBe(404)
    expect(unknown.json.errors[0].parameter).toBe('to')
  })

  it('answers 400 naming a missing parameter', async () => {
    const { status, json } = await get('/api/term-graph/path?from=roas')
    expect(status).toBe(400)
    expect(json.errors[0].parameter).toBe('to')
  })
})

describe('GET /api/term-graph/top', () => {
  it('lists the most central published terms', async () => {
    const { status, json } = await get('/api/term-graph/top?limit=2')
    expect(status).toBe(200)
    expect(json.nodes).toHaveLength(2)
    expect(json.nodes[0].slug).toBe('utm-code')
    expect(json.nodes[0].score).toBeGreaterThan(json.nodes[1].score)
    const all = await get('/api/term-graph/top?limit=100')
    expect(all.json.nodes.map((n: { slug: string }) => n.slug)).not.toContain('secret-draft')
  })

  it('answers 400 for a bad limit', async () => {
    const { status, json } = await get('/api/term-graph/top?limit=-3')
    expect(status).toBe(400)
    expect(json.errors[0].parameter).toBe('limit')
  })
})

describe('admin endpoints', () => {
  it('suggests mentioned terms that are not related yet, for editors only', async () => {
    expect((await get('/api/term-graph/suggestions?root=utm-code')).status).toBe(403)
    const { status, json } = await get(`/api/term-graph/suggestions?root=${ids['utm-code']}`, token)
    expect(status).toBe(200)
    expect(json.related).toEqual([ids['utm-parameter']])
    expect(json.status).toBe('published')
    expect(json.suggestions.map((s: { slug: string; direction: string }) => [s.slug, s.direction])).toEqual([
      ['campaign', 'mentions'],
      ['roas', 'mentioned-by'],
    ])
    expect(json.suggestions[0].evidence).toEqual(['キャンペーンの計測に使う。'])
  })

  it('lists orphans and terms that mention nothing, for editors only', async () => {
    expect((await get('/api/term-graph/health')).status).toBe(403)
    const { json } = await get('/api/term-graph/health', token)
    expect(json.orphans.map((t: { slug: string }) => t.slug)).toEqual(['island'])
    expect(json.mentionsNothing.map((t: { slug: string }) => t.slug)).toEqual([
      'campaign',
      'island',
      'secret-draft',
      'utm-parameter',
    ])
    expect(json.stats.terms).toBe(6)
  })
})

describe('adding a suggested link (what the admin Graph field does)', () => {
  it('a PATCH of related on a published term shows at once, for readers too', async () => {
    const { json: before } = await get(`/api/term-graph/suggestions?root=${ids.roas}`, token)
    const target = before.suggestions.find((s: { slug: string }) => s.slug === 'utm-code')
    expect(before.status).toBe('published')
    const patched = await send('PATCH', `/api/glossary-terms/${ids.roas}?depth=0`, {
      token,
      body: { related: [...before.related, target.id] },
    })
    expect(patched.status).toBe(200)
    const { json: after } = await get(`/api/term-graph/suggestions?root=${ids.roas}`, token)
    expect(after.suggestions.map((s: { slug: string }) => s.slug)).not.toContain('utm-code')
    const { json: graph } = await get('/api/term-graph?root=roas&types=related')
    expect(graph.edges).toContainEqual(expect.objectContaining({ source: 'roas', target: 'utm-code', type: 'related' }))
  })

  it('a PATCH with draft=true on a term with unpublished changes leaves readers on the published version', async () => {
    await payload.update({
      collection: 'glossary-terms',
      id: ids.campaign as string,
      draft: true,
      data: { summary: '販促の企画。UTMパラメータで測る。', _status: 'draft' },
    })
    const { json: before } = await get(`/api/term-graph/suggestions?root=${ids.campaign}`, token)
    expect(before.status).toBe('draft')
    const target = before.suggestions.find((s: { slug: string }) => s.slug === 'utm-parameter')
    const patched = await send('PATCH', `/api/glossary-terms/${ids.campaign}?depth=0&draft=true`, {
      token,
      body: { related: [...before.related, target.id] },
    })
    expect(patched.status).toBe(200)
    const editor = await get('/api/term-graph?root=campaign&types=related', token)
    expect(editor.json.edges).toContainEqual(
      expect.objectContaining({ source: 'campaign', target: 'utm-parameter', type: 'related' }),
    )
    const reader = await get('/api/term-graph?root=campaign&types=related')
    expect(reader.json.edges).toEqual([])
    expect(reader.status).toBe(200)
  })
})

describe('GraphQL termGraph', () => {
  it('returns the same shape as the REST endpoint', async () => {
    const { json } = await graphql(
      '{ termGraph(root: "utm-code", depth: 1, types: ["related", "mentions"]) { root nodes { id slug term glossary score } edges { source target type weight evidence } } }',
    )
    const rest = await get('/api/term-graph?root=utm-code&depth=1&types=related,mentions')
    expect(json.errors).toBeUndefined()
    expect(json.data.termGraph).toEqual(rest.json)
  })

  it('reports a bad argument and an unknown root as errors naming the argument', async () => {
    const bad = await graphql('{ termGraph(root: "utm-code", depth: 9) { root } }')
    expect(bad.json.data.termGraph).toBeNull()
    expect(bad.json.errors[0].extensions.statusCode).toBe(400)
    expect(bad.json.errors[0].extensions.data.errors[0].parameter).toBe('depth')
    const unknown = await graphql('{ termGraph(root: "nope") { root } }')
    expect(unknown.json.errors[0].extensions.statusCode).toBe(404)
    const types = await graphql('{ termGraph(root: "utm-code", types: ["bogus"]) { root } }')
    expect(types.json.errors[0].extensions.data.errors[0].parameter).toBe('types')
  })

  it('shows drafts to editors only', async () => {
    const query = '{ termGraph(root: "campaign") { nodes { slug } } }'
    const anonymous = await graphql(query)
    const editor = await graphql(query, token)
    expect(anonymous.json.data.termGraph.nodes.map((n: { slug: string }) => n.slug)).not.toContain('secret-draft')
    expect(editor.json.data.termGraph.nodes.map((n: { slug: string }) => n.slug)).toContain('secret-draft')
  })
})
