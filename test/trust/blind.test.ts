import fc from 'fast-check'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createGlossary } from '../helpers/fixtures'
import { graphql, rest } from '../helpers/http'
import { startPayload } from '../helpers/payload'

/**
 * The blind dimension of the leak matrix: an anonymous reader sees no hidden text, but could still
 * learn it from how many documents a filter or sort through a relationship matches. Every answer
 * below must stay the same when only hidden data changes.
 */

let payload: Payload
let glossaryId: string

beforeAll(async () => {
  payload = await startPayload()
  glossaryId = String((await createGlossary(payload)).id)
})
afterAll(async () => {
  await payload?.destroy()
})

const WORDS = ['amber', 'basalt', 'cobalt', 'dune'] as const
const STATES = ['published', 'draft', 'unpublished', 'pendingDraft'] as const
type State = (typeof STATES)[number]

type TermPlan = { state: State; word: number; related: number[]; broader: number | null }
type GraphPlan = { terms: TermPlan[]; caseTerms: number[]; stepTerms: number[] }

const graphPlan: fc.Arbitrary<GraphPlan> = fc.integer({ min: 3, max: 6 }).chain((size) => {
  const index = fc.integer({ min: 0, max: size - 1 })
  const term = fc.record({
    state: fc.constantFrom(...STATES),
    word: fc.integer({ min: 0, max: WORDS.length - 1 }),
    related: fc.uniqueArray(index, { maxLength: 3 }),
    broader: fc.option(index, { nil: null }),
  })
  return fc.record({
    terms: fc.array(term, { minLength: size, maxLength: size }),
    caseTerms: fc.uniqueArray(index, { maxLength: 3 }),
    stepTerms: fc.uniqueArray(index, { maxLength: 3 }),
  })
})

let run = 0

/** Creates the planned graph; hidden documents carry text and links only hidden data may hold. */
const createGraph = async (plan: GraphPlan) => {
  run += 1
  const ids: string[] = []
  for (const [i, term] of plan.terms.entries()) {
    const hiddenFromStart = term.state === 'draft'
    const doc = await payload.create({
      collection: 'glossary-terms',
      draft: hiddenFromStart,
      data: {
        term: `盲点${run}-${i}`,
        slug: `blind-${run}-${i}`,
        englishName: `${WORDS[term.word]} name`,
        summary: `${WORDS[term.word]} summary`,
        aliases: [WORDS[term.word]!],
        glossary: glossaryId,
        _status: hiddenFromStart ? 'draft' : 'published',
      },
    })
    ids.push(String(doc.id))
  }
  for (const [i, term] of plan.terms.entries()) {
    const links = {
      related: term.related.map((j) => ids[j]!),
      broader: term.broader === null ? null : ids[term.broader]!,
    }
    const id = ids[i]!
    if (term.state === 'draft') await payload.update({ collection: 'glossary-terms', id, draft: true, data: links })
    else await payload.update({ collection: 'glossary-terms', id, data: { ...links, _status: 'published' } })
    if (term.state === 'unpublished')
      await payload.update({ collection: 'glossary-terms', id, data: { _status: 'draft' } })
    if (term.state === 'pendingDraft') {
      await payload.update({
        collection: 'glossary-terms',
        id,
        draft: true,
        data: { summary: `${WORDS[term.word]} pending` },
      })
    }
  }
  const caseStudy = await payload.create({
    collection: 'case-studies',
    data: {
      title: `盲点事例${run}`,
      slug: `blind-case-${run}`,
      persona: { name: '陽菜' },
      relatedTerms: plan.caseTerms.map((j) => ids[j]!),
      _status: 'published',
    },
  })
  const playbook = await payload.create({
    collection: 'playbooks',
    data: {
      title: `盲点手順${run}`,
      slug: `blind-playbook-${run}`,
      steps: [{ title: '一歩', relatedTerms: plan.stepTerms.map((j) => ids[j]!) }],
      _status: 'published',
    },
  })
  return { ids, caseId: String(caseStudy.id), playbookId: String(playbook.id) }
}

/** Rewrites everything hidden (never-published and unpublished documents, pending drafts) and nothing else. */
const changeHiddenData = async (plan: GraphPlan, ids: string[], shift: number) => {
  for (const [i, term] of plan.terms.entries()) {
    if (term.state === 'published') continue
    const word = WORDS[(term.word + shift) % WORDS.length]!
    const text = { englishName: `${word} name`, summary: `${word} summary`, aliases: [word, `${word}-x`] }
    const otherLinks = {
      related: ids.filter((_, j) => j !== i).slice(0, shift % 3),
      broader: ids[(i + shift) % ids.length]!,
    }
    if (term.state === 'pendingDraft') {
      await payload.update({ collection: 'glossary-terms', id: ids[i]!, draft: true, data: { ...text, ...otherLinks } })
    } else {
      await payload.update({
        collection: 'glossary-terms',
        id: ids[i]!,
        draft: true,
        data: { ...text, ...otherLinks, _status: 'draft' },
      })
    }
  }
}

type Probe = { collection: string; path: string; operator: string; value: string; draft: boolean }

const relationPaths: Record<string, string[]> = {
  'glossary-terms': [
    'related.summary',
    'related.englishName',
    'related.aliases',
    'related._status',
    'broader.summary',
    'broader._status',
    'related.related.summary',
    'broader.related.englishName',
    'related',
    'broader',
    'related.id',
  ],
  'case-studies': ['relatedTerms.summary', 'relatedTerms._status', 'relatedTerms.broader.summary', 'relatedTerms'],
  playbooks: ['steps.relatedTerms.summary', 'steps.relatedTerms._status', 'steps.relatedTerms'],
}

const probeArb = (ids: string[]): fc.Arbitrary<Probe> =>
  fc.constantFrom(...Object.keys(relationPaths)).chain((collection) =>
    fc.record({
      collection: fc.constant(collection),
      path: fc.constantFrom(...relationPaths[collection]!),
      operator: fc.constantFrom('like', 'equals', 'not_equals', 'contains', 'exists', 'in'),
      value: fc.oneof(
        fc.constantFrom(...WORDS, 'draft', 'published', 'summary', 'true', 'false'),
        fc.constantFrom(...ids),
        fc.constantFrom(...WORDS.map((w) => `${w} summary`)),
      ),
      draft: fc.boolean(),
    }),
  )

const answer = async (probe: Probe, sort?: string) => {
  const query = new URLSearchParams({
    [`where[${probe.path}][${probe.operator}]`]: probe.value,
    limit: '100',
    depth: '0',
  })
  if (probe.draft) query.set('draft', 'true')
  if (sort) query.set('sort', sort)
  const { status, json } = await rest(`/api/${probe.collection}?${query}`)
  expect(status, `${probe.collection}?${query} answered ${status}: ${JSON.stringify(json).slice(0, 300)}`).toBeLessThan(
    500,
  )
  return { status, totalDocs: json?.totalDocs, ids: (json?.docs ?? []).map((d: { id: string }) => d.id) }
}

describe('anonymous counts never depend on hidden data', () => {
  let matched = 0
  it('holds for random graphs of published, draft, unpublished and pending-draft terms and random relationship filters', async () => {
    await fc.assert(
      fc.asyncProperty(graphPlan, fc.integer({ min: 1, max: 3 }), fc.context(), async (plan, shift, ctx) => {
        const { ids } = await createGraph(plan)
        const probes = fc.sample(probeArb(ids), { numRuns: 12, seed: run })
        const before = await Promise.all(probes.map((probe) => answer(probe)))
        await changeHiddenData(plan, ids, shift)
        const after = await Promise.all(probes.map((probe) => answer(probe)))
        matched += before.filter((a) => a.status === 200 && a.totalDocs > 0).length
        for (const [i, probe] of probes.entries()) {
          ctx.log(JSON.stringify(probe))
          expect(after[i], JSON.stringify(probe)).toEqual(before[i])
        }
      }),
      { numRuns: Number(process.env.BLIND_RUNS ?? 8), seed: Number(process.env.FUZZ_SEED ?? 20261201) },
    )
    // Not vacuous: filters through relations to published terms still match.
    expect(matched).toBeGreaterThan(0)
  })
})

describe('the attacks from the field report', () => {
  let ids: Record<string, string>
  beforeAll(async () => {
    const secret = await payload.create({
      collection: 'glossary-terms',
      draft: true,
      data: {
        term: '未公開の秘密',
        slug: 'never-published',
        summary: 'zephyr hidden text',
        glossary: glossaryId,
        _status: 'draft',
      },
    })
    const pub = await payload.create({
      collection: 'glossary-terms',
      data: {
        term: '公開用語',
        slug: 'published-one',
        summary: 'plain text',
        glossary: glossaryId,
        related: [secret.id],
        broader: secret.id,
        _status: 'published',
      },
    })
    const pending = await payload.create({
      collection: 'glossary-terms',
      data: { term: '改稿中', slug: 'pending-edit', glossary: glossaryId, _status: 'published' },
    })
    await payload.update({
      collection: 'glossary-terms',
      id: pending.id,
      draft: true,
      data: { summary: 'next version' },
    })
    ids = { secret: String(secret.id), pub: String(pub.id), pending: String(pending.id) }
  })

  const count = async (query: string) => {
    const { status, json } = await rest(`/api/glossary-terms?${query}`)
    return status === 200 ? json.totalDocs : status
  }

  it.each([
    ['related.summary', 'like', 'zephyr'],
    ['broader.summary', 'like', 'zeph'],
    ['related._status', 'equals', 'draft'],
    ['related', 'equals', '<secret>'],
    ['broader', 'in', '<secret>'],
  ])('where[%s][%s] through a hidden term matches nothing, with or without draft=true', async (path, operator, raw) => {
    const value = raw === '<secret>' ? ids.secret! : raw
    for (const draft of ['', '&draft=true']) {
      expect(
        await count(`where[id][equals]=${ids.pub}&where[${path}][${operator}]=${encodeURIComponent(value)}${draft}`),
      ).toBe(0)
    }
  })

  it('a sort through a relationship to drafts is refused with a 400 naming sort', async () => {
    for (const draft of ['', '&draft=true']) {
      const { status, json } = await rest(`/api/glossary-terms?sort=related.summary${draft}`)
      expect(status).toBe(400)
      expect(JSON.stringify(json)).toMatch(/sort/)
    }
    expect((await rest('/api/glossary-terms?sort=glossary.name')).status).toBe(200)
  })

  it('draft=true means nothing to an anonymous reader: published terms with pending drafts stay listed, unchanged', async () => {
    const { json } = await rest(`/api/glossary-terms?draft=true&limit=100&where[slug][equals]=pending-edit`)
    expect(json.totalDocs).toBe(1)
    expect(JSON.stringify(json)).not.toContain('next version')
    const one = await rest(`/api/glossary-terms/${ids.pending}?draft=true`)
    expect(JSON.stringify(one.json)).not.toContain('next version')
  })

  it('public documents do not list the ids of hidden terms, at any depth', async () => {
    for (const depth of [0, 1, 2]) {
      const { json } = await rest(`/api/glossary-terms/${ids.pub}?depth=${depth}`)
      expect(JSON.stringify(json), `depth ${depth}`).not.toContain(ids.secret)
      expect(json.related).toEqual([])
      expect(json.broader).toBeNull()
    }
  })

  it('GraphQL where through relations and draft:true are scoped the same way', async () => {
    const { json } = await graphql(
      `{ GlossaryTerms(draft: true, where: { related: { equals: "${ids.secret}" } }) { totalDocs } }`,
    )
    expect(json.data.GlossaryTerms.totalDocs).toBe(0)
  })

  it('the Local API without overrideAccess follows the same rules', async () => {
    const { totalDocs } = await payload.count({
      collection: 'glossary-terms',
      overrideAccess: false,
      where: { 'related.summary': { like: 'zephyr' } },
    })
    expect(totalDocs).toBe(0)
  })

  it('filters through relations to published terms still work for anonymous readers', async () => {
    const target = await payload.create({
      collection: 'glossary-terms',
      data: {
        term: '公開関連',
        slug: 'visible-target',
        summary: 'quartz visible',
        glossary: glossaryId,
        _status: 'published',
      },
    })
    await payload.create({
      collection: 'glossary-terms',
      data: {
        term: '公開元',
        slug: 'visible-source',
        glossary: glossaryId,
        related: [target.id],
        broader: target.id,
        _status: 'published',
      },
    })
    expect(await count('where[related.summary][like]=quartz')).toBe(1)
    expect(await count('where[broader.summary][like]=quartz&draft=true')).toBe(1)
    expect(await count(`where[related][contains]=${target.id}`)).toBe(1)
    const { json } = await rest(`/api/playbooks?where[steps.relatedTerms.summary][like]=quartz`)
    expect(json.totalDocs).toBe(0)
  })

  it('staff still filter through relations into drafts', async () => {
    const { totalDocs } = await payload.count({
      collection: 'glossary-terms',
      where: { 'related.summary': { like: 'zephyr' } },
    })
    expect(totalDocs).toBe(1)
  })
})
