import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { ALL_EDGE_TYPES, GraphIndex, type CitationSource } from './graphIndex'
import type { CitationGroup, EdgeType, TermRecord } from './model'
import { localeOrder, presentNeighbourhood } from './present'
import { coCitedWeight, EDGE_WEIGHTS, sharedTagWeight } from './weights'

const term = (id: string, overrides: Partial<TermRecord> = {}): TermRecord => ({
  id,
  slug: id,
  term: { ja: id },
  englishName: null,
  aliases: [],
  glossary: 'g1',
  text: {},
  related: [],
  broader: null,
  tags: [],
  ...overrides,
})

const caseStudy = (id: string, termIds: string[], title = id): CitationSource => ({
  source: `case-studies:${id}`,
  groups: [
    {
      key: `case-studies:${id}`,
      kind: 'case-study',
      label: { ja: `ケーススタディ「${title}」`, en: `case study “${title}”` },
      termIds,
    },
  ],
})

/** Every edge as `type from→to weight`, sorted: two indexes are equal when these are. */
const edgeList = (index: GraphIndex): string[] =>
  index.graph
    .edges()
    .map((key) => index.edge(key))
    .map((a) => `${a.type} ${a.from}→${a.to} ${a.weight} ${JSON.stringify(a.evidence)}`)
    .sort()

const typesBetween = (index: GraphIndex, a: string, b: string): EdgeType[] =>
  index.graph
    .edges(a, b)
    .map((key) => index.edge(key).type)
    .sort()

describe('edge types and weights', () => {
  it('makes related symmetric: set on one side, visible from both', () => {
    const index = GraphIndex.build({ terms: [term('utm', { related: ['campaign'] }), term('campaign')] })
    expect(index.hasEdge('related', 'utm', 'campaign')).toBe(true)
    expect(index.hasEdge('related', 'campaign', 'utm')).toBe(true)
    expect(index.graph.size).toBe(1)
    expect(index.edge(index.graph.edges('utm', 'campaign')[0] as string).weight).toBe(EDGE_WEIGHTS.related)
  })

  it('keeps one related edge when both sides list each other', () => {
    const index = GraphIndex.build({ terms: [term('a', { related: ['b'] }), term('b', { related: ['a'] })] })
    expect(typesBetween(index, 'a', 'b')).toEqual(['related'])
  })

  it('adds broader and its inverse narrower', () => {
    const index = GraphIndex.build({ terms: [term('utm-code', { broader: 'tracking' }), term('tracking')] })
    expect(index.hasEdge('broader', 'utm-code', 'tracking')).toBe(true)
    expect(index.hasEdge('narrower', 'tracking', 'utm-code')).toBe(true)
    expect(index.hasEdge('broader', 'tracking', 'utm-code')).toBe(false)
    expect(index.edge('broader|utm-code|tracking').weight).toBe(EDGE_WEIGHTS.broader)
  })

  it('adds a mentions edge from the mentioning term, with the sentence as evidence', () => {
    const index = GraphIndex.build({
      terms: [
        term('utm', {
          term: { ja: 'UTMコード' },
          text: { ja: 'URLの末尾に付ける文字列。キャンペーン ごとに分けて計測する。' },
        }),
        term('campaign', { term: { ja: 'キャンペーン' } }),
      ],
    })
    expect(index.hasEdge('mentions', 'utm', 'campaign')).toBe(true)
    expect(index.hasEdge('mentions', 'campaign', 'utm')).toBe(false)
    const edge = index.edge('mentions|utm|campaign')
    expect(edge.weight).toBe(EDGE_WEIGHTS.mentions)
    expect(edge.evidence).toEqual({ kind: 'sentence', sentence: { ja: 'キャンペーン ごとに分けて計測する。' } })
  })

  it('finds mentions in every locale and keeps the evidence per locale', () => {
    const index = GraphIndex.build({
      terms: [
        term('utm', {
          term: { ja: 'UTMコード', en: 'UTM code' },
          text: { ja: 'キャンペーンを計測。', en: 'Tracks each campaign. Simple.' },
        }),
        term('campaign', { term: { ja: 'キャンペーン', en: 'Campaign' } }),
      ],
    })
    expect(index.edge('mentions|utm|campaign').evidence).toEqual({
      kind: 'sentence',
      sentence: { ja: 'キャンペーンを計測。', en: 'Tracks each campaign.' },
    })
  })

  it('links terms cited by the same case study, stronger the more often they are cited together', () => {
    const terms = [term('a'), term('b'), term('c')]
    const once = GraphIndex.build({ terms, citations: [caseStudy('x', ['a', 'b', 'c'])] })
    expect(typesBetween(once, 'a', 'b')).toEqual(['co-cited'])
    expect(typesBetween(once, 'b', 'c')).toEqual(['co-cited'])
    expect(once.edge('co-cited|a|b').weight).toBe(coCitedWeight(1))
    const twice = GraphIndex.build({ terms, citations: [caseStudy('x', ['a', 'b']), caseStudy('y', ['a', 'b'])] })
    expect(twice.edge('co-cited|a|b').weight).toBe(coCitedWeight(2))
    expect(coCitedWeight(2)).toBeGreaterThan(coCitedWeight(1))
    expect(coCitedWeight(10)).toBe(EDGE_WEIGHTS['co-cited'].max)
  })

  it('links terms cited by the same playbook step but not by different steps', () => {
    const steps: CitationGroup[] = [
      { key: 'playbooks:p#thanks#0', kind: 'playbook-step', label: { ja: 'お礼' }, termIds: ['a', 'b'] },
      { key: 'playbooks:p#review#1', kind: 'playbook-step', label: { ja: 'レビュー' }, termIds: ['c', 'd'] },
    ]
    const index = GraphIndex.build({
      terms: ['a', 'b', 'c', 'd'].map((id) => term(id)),
      citations: [{ source: 'playbooks:p', groups: steps }],
    })
    expect(index.hasEdge('co-cited', 'a', 'b')).toBe(true)
    expect(index.hasEdge('co-cited', 'c', 'd')).toBe(true)
    expect(index.hasEdge('co-cited', 'a', 'c')).toBe(false)
  })

  it('links terms sharing a tag weakly, a little more per extra shared tag', () => {
    const index = GraphIndex.build({
      terms: [term('a', { tags: ['t1', 't2'] }), term('b', { tags: ['t1', 't2'] }), term('c', { tags: ['t1'] })],
      tagNames: [
        ['t1', 'SNS'],
        ['t2', '計測'],
      ],
    })
    expect(index.edge('shared-tag|a|b').weight).toBe(sharedTagWeight(2))
    expect(index.edge('shared-tag|a|c').weight).toBe(sharedTagWeight(1))
    expect(sharedTagWeight(1)).toBeLessThan(EDGE_WEIGHTS.mentions)
  })

  it('orders weights from editor links down to shared tags', () => {
    expect(EDGE_WEIGHTS.related).toBeGreaterThan(EDGE_WEIGHTS.broader)
    expect(EDGE_WEIGHTS.broader).toBeGreaterThan(EDGE_WEIGHTS.mentions)
    expect(EDGE_WEIGHTS.mentions).toBeGreaterThan(EDGE_WEIGHTS['co-cited'].first)
    expect(EDGE_WEIGHTS['co-cited'].first).toBeGreaterThan(EDGE_WEIGHTS['shared-tag'].max)
  })

  it('skips shared-tag edges for tags on more terms than the cap', () => {
    const terms = ['a', 'b', 'c', 'd'].map((id) => term(id, { tags: ['broad'] }))
    expect(GraphIndex.build({ terms }, { maxSharedTagGroup: 3 }).graph.size).toBe(0)
    expect(GraphIndex.build({ terms }, { maxSharedTagGroup: 4 }).graph.size).toBe(6)
  })

  it('never creates an edge from a term to itself', () => {
    const index = GraphIndex.build({
      terms: [
        term('a', {
          term: { ja: 'アルファ' },
          related: ['a'],
          broader: 'a',
          tags: ['t'],
          text: { ja: 'アルファとは' },
        }),
      ],
      citations: [caseStudy('x', ['a', 'a'])],
    })
    expect(index.graph.size).toBe(0)
  })

  it('ignores relations to terms that are not in the view', () => {
    const index = GraphIndex.build({ terms: [term('a', { related: ['missing'], broader: 'gone' })] })
    expect(index.graph.size).toBe(0)
  })
})

describe('incremental updates', () => {
  const base = () =>
    GraphIndex.build({
      terms: [
        term('influencer', { term: { ja: 'インフルエンサー' }, text: { ja: 'SNSで影響力を持つ人物。' } }),
        term('sns', { term: { ja: 'SNS' }, englishName: 'Social Media' }),
        term('utm', {
          term: { ja: 'UTMコード' },
          text: { ja: 'インフルエンサー施策の計測に使う。' },
          related: ['sns'],
        }),
      ],
      citations: [caseStudy('erina', ['influencer', 'utm'])],
    })

  it('adds a term: its relations and the mentions of it in other texts appear', () => {
    const index = base()
    index.upsertTerm(term('marketing', { term: { ja: 'インフルエンサーマーケティング' }, related: ['influencer'] }))
    expect(index.hasEdge('related', 'marketing', 'influencer')).toBe(true)
    index.upsertTerm(term('lp', { term: { ja: 'LP' }, text: { ja: 'インフルエンサー マーケティングの受け皿。' } }))
    expect(index.hasEdge('mentions', 'lp', 'marketing')).toBe(true)
    expect(index.hasEdge('mentions', 'lp', 'influencer')).toBe(false)
  })

  it('re-matches other texts when a new longer term claims their mention', () => {
    const index = GraphIndex.build({
      terms: [
        term('influencer', { term: { ja: 'インフルエンサー' } }),
        term('lp', { term: { ja: 'LP' }, text: { ja: 'インフルエンサーマーケティングの受け皿。' } }),
      ],
    })
    expect(index.hasEdge('mentions', 'lp', 'influencer')).toBe(true)
    index.upsertTerm(term('marketing', { term: { ja: 'インフルエンサーマーケティング' } }))
    expect(index.hasEdge('mentions', 'lp', 'marketing')).toBe(true)
    expect(index.hasEdge('mentions', 'lp', 'influencer')).toBe(false)
    index.removeTerm('marketing')
    expect(index.hasEdge('mentions', 'lp', 'influencer')).toBe(true)
  })

  it('edits a term: removed relations disappear, new mentions appear', () => {
    const index = base()
    index.upsertTerm(term('utm', { term: { ja: 'UTMコード' }, text: { ja: 'SNS 投稿のリンクに付ける。' } }))
    expect(index.hasEdge('related', 'utm', 'sns')).toBe(false)
    expect(index.hasEdge('mentions', 'utm', 'influencer')).toBe(false)
    expect(index.hasEdge('mentions', 'utm', 'sns')).toBe(true)
  })

  it('renames a term: mentions by the old name go, mentions by the new name come', () => {
    const index = base()
    expect(index.hasEdge('mentions', 'utm', 'influencer')).toBe(true)
    index.upsertTerm(
      term('influencer', {
        term: { ja: 'インフルエンサー' },
        aliases: [],
        englishName: null,
        slug: 'influencer',
        text: {},
      }),
    )
    expect(index.hasEdge('mentions', 'utm', 'influencer')).toBe(true)
    index.upsertTerm(term('influencer', { term: { ja: 'KOL' } }))
    expect(index.hasEdge('mentions', 'utm', 'influencer')).toBe(false)
    index.upsertTerm(term('sns', { term: { ja: 'SNS' }, text: { ja: 'KOLが活躍する場。' } }))
    expect(index.hasEdge('mentions', 'sns', 'influencer')).toBe(true)
  })

  it('finds a term by its new slug after a slug change, and no longer by the old one', () => {
    const index = base()
    index.upsertTerm(term('id-1', { slug: 'first' }))
    expect(index.resolve('first')).toBe('id-1')
    index.upsertTerm(term('id-1', { slug: 'second' }))
    expect(index.resolve('second')).toBe('id-1')
    expect(index.resolve('first')).toBeUndefined()
    expect(index.graph.getNodeAttribute('id-1', 'slug')).toBe('second')
  })

  it('keeps a related edge while the other side still lists it', () => {
    const index = GraphIndex.build({ terms: [term('a', { related: ['b'] }), term('b', { related: ['a'] })] })
    index.upsertTerm(term('a'))
    expect(index.hasEdge('related', 'a', 'b')).toBe(true)
    index.upsertTerm(term('b'))
    expect(index.hasEdge('related', 'a', 'b')).toBe(false)
  })

  it('removes a term (unpublished or deleted) with every edge touching it, and restores them when it returns', () => {
    const index = base()
    const before = edgeList(index)
    const influencer = index.getTerm('influencer') as TermRecord
    index.removeTerm('influencer')
    expect(index.hasTerm('influencer')).toBe(false)
    expect(index.graph.hasNode('influencer')).toBe(false)
    expect(edgeList(index).some((edge) => edge.includes('influencer'))).toBe(false)
    index.upsertTerm(influencer)
    expect(edgeList(index)).toEqual(before)
  })

  it('adds, edits and deletes a case study', () => {
    const index = base()
    index.setCitations('case-studies:new', caseStudy('new', ['sns', 'utm']).groups)
    expect(index.hasEdge('co-cited', 'sns', 'utm')).toBe(true)
    index.setCitations('case-studies:new', caseStudy('new', ['sns', 'influencer']).groups)
    expect(index.hasEdge('co-cited', 'sns', 'utm')).toBe(false)
    expect(index.hasEdge('co-cited', 'sns', 'influencer')).toBe(true)
    index.setCitations('case-studies:new', [])
    expect(index.hasEdge('co-cited', 'sns', 'influencer')).toBe(false)
    expect(index.hasEdge('co-cited', 'influencer', 'utm')).toBe(true)
  })

  it('ends in the same graph as a full rebuild, whatever the sequence of changes', () => {
    const ids = ['a', 'b', 'c', 'd', 'e']
    const labels = ['アルファ', 'アルファベータ', 'ベータ', 'ガンマ', 'CX', 'UTMコード']
    const record = fc.record({
      id: fc.constantFrom(...ids),
      label: fc.constantFrom(...labels),
      alias: fc.option(fc.constantFrom(...labels), { nil: undefined }),
      text: fc.array(fc.constantFrom(...labels, 'と', '。', ' '), { maxLength: 6 }).map((parts) => parts.join('')),
      related: fc.subarray(ids),
      broader: fc.option(fc.constantFrom(...ids), { nil: null }),
      tags: fc.subarray(['t1', 't2']),
    })
    const operation = fc.oneof(
      record.map((r) => ({ kind: 'upsert' as const, record: r })),
      fc.constantFrom(...ids).map((id) => ({ kind: 'remove' as const, id })),
      fc
        .record({ study: fc.constantFrom('x', 'y'), termIds: fc.subarray(ids) })
        .map((c) => ({ kind: 'cite' as const, ...c })),
    )
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 25 }), (operations) => {
        const index = new GraphIndex({ maxSharedTagGroup: 2 })
        const terms = new Map<string, TermRecord>()
        const citations = new Map<string, CitationSource>()
        for (const op of operations) {
          if (op.kind === 'upsert') {
            const { id, label, alias, text, related, broader, tags } = op.record
            const next = term(id, {
              term: { ja: label },
              aliases: alias ? [alias] : [],
              text: text ? { ja: text } : {},
              related,
              broader,
              tags,
            })
            terms.set(id, next)
            index.upsertTerm(next)
          } else if (op.kind === 'remove') {
            terms.delete(op.id)
            index.removeTerm(op.id)
          } else {
            const source = caseStudy(op.study, op.termIds)
            citations.set(source.source, source)
            index.setCitations(source.source, source.groups)
          }
        }
        const rebuilt = GraphIndex.build(
          { terms: terms.values(), citations: citations.values() },
          { maxSharedTagGroup: 2 },
        )
        expect(edgeList(index)).toEqual(edgeList(rebuilt))
      }),
      { numRuns: 300 },
    )
  })
})

describe('queries', () => {
  // a —related— b —mentions→ c —co-cited— d ; e alone
  const chain = () =>
    GraphIndex.build({
      terms: [
        term('a', { related: ['b'] }),
        term('b', { term: { ja: 'ビー' }, text: { ja: 'シーを参照。' } }),
        term('c', { term: { ja: 'シー' } }),
        term('d'),
        term('e'),
      ],
      citations: [caseStudy('x', ['c', 'd'])],
    })

  it('returns the neighbourhood up to the requested depth, nearest first', () => {
    const index = chain()
    const one = index.neighbourhood('a', { depth: 1, types: ALL_EDGE_TYPES, limit: 50 })
    expect(one.nodes.map((n) => n.id)).toEqual(['a', 'b'])
    const three = index.neighbourhood('a', { depth: 3, types: ALL_EDGE_TYPES, limit: 50 })
    expect(three.nodes.map((n) => [n.id, n.depth])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
      ['d', 3],
    ])
  })

  it('scores nodes by the product of edge strengths along the best path', () => {
    const index = chain()
    const result = index.neighbourhood('a', { depth: 2, types: ALL_EDGE_TYPES, limit: 50 })
    expect(result.nodes.find((n) => n.id === 'c')?.score).toBe(EDGE_WEIGHTS.related * EDGE_WEIGHTS.mentions)
  })

  it('follows only the requested edge types', () => {
    const index = chain()
    const result = index.neighbourhood('b', { depth: 3, types: new Set<EdgeType>(['mentions', 'co-cited']), limit: 50 })
    expect(result.nodes.map((n) => n.id).sort()).toEqual(['b', 'c', 'd'])
  })

  it('keeps the strongest neighbours when the limit cuts', () => {
    const index = GraphIndex.build({
      terms: [term('root', { related: ['strong'], tags: ['t'] }), term('strong'), term('weak', { tags: ['t'] })],
    })
    const result = index.neighbourhood('root', { depth: 1, types: ALL_EDGE_TYPES, limit: 1 })
    expect(result.nodes.map((n) => n.id)).toEqual(['root', 'strong'])
    expect(result.edges).toHaveLength(1)
  })

  it('presents edges with slugs and evidence in the reader locale', () => {
    const index = GraphIndex.build({
      terms: [
        term('a', { slug: 'alpha', term: { ja: 'アルファ', en: 'Alpha' }, related: ['b'] }),
        term('b', { slug: 'beta', term: { ja: 'ベータ', en: 'Beta' } }),
      ],
    })
    const out = presentNeighbourhood(
      index,
      index.neighbourhood('a', { depth: 1, types: ALL_EDGE_TYPES, limit: 5 }),
      localeOrder('en', ['ja', 'en']),
    )
    expect(out).toEqual({
      root: 'alpha',
      nodes: [
        { id: 'a', slug: 'alpha', term: 'Alpha', glossary: 'g1', score: 1 },
        { id: 'b', slug: 'beta', term: 'Beta', glossary: 'g1', score: 1 },
      ],
      edges: [{ source: 'alpha', target: 'beta', type: 'related', weight: 1, evidence: 'Listed as related on Alpha' }],
    })
  })

  it('finds the shortest path, preferring strong edges among equally short ones', () => {
    const index = GraphIndex.build({
      terms: [
        term('start', { related: ['strong'], tags: ['t'] }),
        term('strong', { related: ['end'] }),
        term('weak', { tags: ['t', 'u'] }),
        term('end', { tags: ['u'] }),
        term('island'),
      ],
    })
    const path = index.path('start', 'end')
    expect(path?.nodes).toEqual(['start', 'strong', 'end'])
    expect(path?.hops).toBe(2)
    expect(path?.strength).toBe(1)
    expect(index.path('start', 'island')).toBeNull()
  })

  it('ranks the most connected terms first', () => {
    const index = GraphIndex.build({
      terms: [
        term('hub', { related: ['a', 'b', 'c'] }),
        term('a'),
        term('b'),
        term('c', { related: ['d'] }),
        term('d'),
      ],
    })
    expect(index.top(1)[0]?.id).toBe('hub')
    expect(index.top(10)).toHaveLength(5)
  })

  it('lists orphans and terms whose text mentions nothing', () => {
    const index = chain()
    const health = index.health()
    expect(health.orphans).toEqual(['e'])
    expect(health.mentionsNothing).toEqual(['a', 'c', 'd', 'e'])
  })

  it('suggests mentioned terms that are not related yet', () => {
    const index = GraphIndex.build({
      terms: [
        term('a', { term: { ja: 'アルファ' }, text: { ja: 'ベータとガンマ。' }, related: ['b'] }),
        term('b', { term: { ja: 'ベータ' } }),
        term('c', { term: { ja: 'ガンマ' }, text: { ja: 'アルファの一種。' } }),
        term('d', { term: { ja: 'デルタ' }, text: { ja: 'アルファを使う。' } }),
      ],
    })
    expect(index.suggestions('a').map((s) => [s.id, s.direction])).toEqual([
      ['c', 'both'],
      ['d', 'mentioned-by'],
    ])
  })

  it('suggests no link to a "never auto-link" term, and none out of a text whose auto-links are off', () => {
    const terms = [
      term('a', { term: { ja: 'アルファ' }, text: { ja: 'ガンマとデルタ。' } }),
      term('c', { term: { ja: 'ガンマ' }, neverAutoLink: true }),
      term('d', { term: { ja: 'デルタ' }, text: { ja: 'アルファを使う。' }, noAutoLinksInside: true }),
    ]
    const index = GraphIndex.build({ terms })
    // The mentions stay in the graph; only the suggestions honour the switches.
    expect(index.hasEdge('mentions', 'a', 'c')).toBe(true)
    expect(index.suggestions('a').map((s) => [s.id, s.direction])).toEqual([['d', 'mentions']])
    expect(index.suggestions('c')).toEqual([])
  })

  it('finds a term by its reading', () => {
    const index = GraphIndex.build({
      terms: [
        term('stock', { term: { ja: '在庫' }, reading: 'ざいこ' }),
        term('note', { term: { ja: 'メモ' }, text: { ja: 'ざいこがへった。' } }),
      ],
    })
    expect(index.hasEdge('mentions', 'note', 'stock')).toBe(true)
  })
})
