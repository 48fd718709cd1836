import type { Payload } from 'payload'
import { createHeadlessEditor } from '@payloadcms/richtext-lexical/lexical/headless'
import { editorConfigFactory, getEnabledNodes } from '@payloadcms/richtext-lexical'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { handleEndpoints } from 'payload'

import { config, startPayload } from '../../test/helpers/payload'
import { runSeedCommand } from '../cli'
import { parseDocuments } from '../parse'
import type { ParsedCorpus } from '../parse/types'
import { encode, guide, sampleFiles, sampleManifest, teaser, titledPage, untitledPage } from '../test/fixtures'
import { getTermGraphService } from '../../plugins/related-term-graph'
import { importCorpus, type ImportResult } from './importCorpus'

let payload: Payload
let corpus: ParsedCorpus
let first: ImportResult

const totals = (result: ImportResult) =>
  Object.values(result.counts).reduce(
    (sum, counts) => ({
      created: sum.created + counts.created,
      updated: sum.updated + counts.updated,
      unchanged: sum.unchanged + counts.unchanged,
      skipped: sum.skipped + counts.skipped,
    }),
    { created: 0, updated: 0, unchanged: 0, skipped: 0 },
  )

const termBySlug = async (slug: string, draft = true) =>
  (await payload.find({ collection: 'glossary-terms', where: { slug: { equals: slug } }, draft, depth: 0, limit: 1 }))
    .docs[0]

beforeAll(async () => {
  payload = await startPayload()
  corpus = parseDocuments(sampleFiles(), { manifest: sampleManifest() })
  first = await importCorpus(payload, corpus, { publish: true })
})
afterAll(async () => {
  await payload?.destroy()
})

describe('seeding the sample corpus', () => {
  it('creates every glossary, tag, term, playbook and case study once', async () => {
    expect(first.counts).toEqual({
      glossaries: { created: 6, updated: 0, unchanged: 0, skipped: 0 },
      tags: { created: 11, updated: 0, unchanged: 0, skipped: 0 },
      'glossary-terms': { created: 20, updated: 0, unchanged: 0, skipped: 0 },
      playbooks: { created: 1, updated: 0, unchanged: 0, skipped: 0 },
      'case-studies': { created: 4, updated: 0, unchanged: 0, skipped: 0 },
    })
    expect((await payload.count({ collection: 'glossary-terms' })).totalDocs).toBe(20)
    expect((await payload.count({ collection: 'case-studies' })).totalDocs).toBe(4)
  })

  it('tells the feed once, in one journal batch, about every published record, and rebuilds the graph once', async () => {
    // 4 full terms, 1 playbook and 4 case studies are published; 6 glossaries and 11 tags have no drafts.
    const journal = await payload.find({ collection: 'feed-changes' as never, sort: 'sequence', limit: 100, depth: 0 })
    const rows = journal.docs as unknown as { sequence: number; type: string; slug: string }[]
    expect(rows.map((row) => row.sequence)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1))
    expect(
      rows
        .filter((row) => row.type === 'glossary-term')
        .map((row) => row.slug)
        .sort(),
    ).toEqual(['crowdsourcing', 'influencer', 'utm-code', 'x-twitter-handle'])
    const graph = await getTermGraphService(payload)?.view('published')
    expect(graph?.graph.order).toBe(4)
  })

  it('publishes full terms with their rich-text body, glossary, tags and English name', async () => {
    const anonymous = await payload.find({
      collection: 'glossary-terms',
      where: { slug: { equals: 'utm-code' } },
      overrideAccess: false,
      depth: 1,
    })
    const term = anonymous.docs[0]
    expect(term?._status).toBe('published')
    expect(term?.term).toBe('UTMコード')
    expect(term?.englishName).toBe('UTM Code')
    expect(term?.excerpt).toBe(false)
    expect(term?.glossary).toMatchObject({ slug: 'social-media' })
    expect((term?.tags as { slug: string }[]).map((t) => t.slug)).toEqual([
      'omnichannel',
      'omnichannel-commerce',
      'social-media',
      'glossary',
    ])
    // The related excerpt term is a draft: anonymous readers do not even learn its id; staff see the link.
    expect(term?.related).toEqual([])
    const staffView = await payload.findByID({ collection: 'glossary-terms', id: term?.id as string, depth: 0 })
    expect(staffView.related).toEqual([(await termBySlug('utm-parameter'))?.id])
    const types = (term?.body as { root: { children: { type: string }[] } }).root.children.map((c) => c.type)
    expect(types).toEqual(expect.arrayContaining(['paragraph', 'heading', 'list']))
    const english = await payload.findByID({ collection: 'glossary-terms', id: term?.id as string, locale: 'en' })
    expect(english.term).toBe('UTM Code')
  })

  it('leaves excerpt terms as drafts that anonymous readers cannot see', async () => {
    const draft = await termBySlug('net-promoter-score')
    expect(draft).toMatchObject({ _status: 'draft', excerpt: true, aliases: ['NPS'] })
    expect(draft?.sources).toEqual([
      expect.objectContaining({ document: '003_62d5ce0ec09fda94.txt', completeness: 'excerpt' }),
    ])
    const anonymous = await payload.find({
      collection: 'glossary-terms',
      where: { slug: { equals: 'net-promoter-score' } },
      overrideAccess: false,
    })
    expect(anonymous.totalDocs).toBe(0)
  })

  it('writes one playbook whose 14 steps carry the keys case studies link to', async () => {
    const { docs } = await payload.find({ collection: 'playbooks', depth: 0 })
    expect(docs).toHaveLength(1)
    const playbook = docs[0]
    expect(playbook?.steps?.map((step) => step.key)).toHaveLength(14)
    expect(playbook?.steps?.[0]).toMatchObject({ title: '注文確認と注文確定通知', key: 'order-confirmation' })
    expect(playbook?.sources).toHaveLength(4)

    const { docs: cases } = await payload.find({
      collection: 'case-studies',
      where: { slug: { equals: 'shohei-bicycle-store' } },
      depth: 1,
    })
    const shohei = cases[0]
    expect(shohei?.persona).toEqual({ name: '翔平', romanized: 'Shohei' })
    expect(shohei?.channels).toEqual(['store', 'web'])
    expect(
      shohei?.playbookSteps?.map((step) => [(step.playbook as { slug: string }).slug, step.stepKey]),
    ).toContainEqual(['post-purchase-experience', 'cross-sell-upsell'])
    expect((shohei?.relatedTerms as { slug: string }[]).map((t) => t.slug)).toContain('customer-data-platform')
    expect(shohei?.outcomes?.length).toBeGreaterThan(0)
  })

  it("stores rich text that Payload's lexical editor loads unchanged", async () => {
    const editorConfig = await editorConfigFactory.default({ config: payload.config })
    const editor = createHeadlessEditor({ nodes: getEnabledNodes({ editorConfig }) })
    const term = await termBySlug('influencer')
    const body = term?.body as unknown as { root: unknown }
    const state = editor.parseEditorState(body as never)
    expect(state.toJSON()).toEqual(body)
  })

  it('serves a seeded term over REST, published, with its rich-text body', async () => {
    const response = await handleEndpoints({
      config,
      request: new Request('http://localhost/api/glossary-terms?where[slug][equals]=utm-code&depth=0'),
    })
    expect(response.status).toBe(200)
    const { docs } = (await response.json()) as {
      docs: { slug: string; _status: string; body: { root: { children: unknown[] } } }[]
    }
    expect(docs).toHaveLength(1)
    expect(docs[0]?._status).toBe('published')
    expect(docs[0]?.body.root.children.length).toBeGreaterThan(5)
    expect(docs[0]).not.toHaveProperty('seedFingerprint')
  })

  it('remembers in each record a fingerprint of exactly what it stored (no hook rewrote a value)', async () => {
    for (const collection of ['glossaries', 'tags', 'glossary-terms', 'playbooks', 'case-studies'] as const) {
      const { docs } = await payload.find({ collection, showHiddenFields: true, draft: true, limit: 100, depth: 0 })
      for (const doc of docs) {
        const [, input, stored] = /^seed1:([0-9a-f]{16}):([0-9a-f]{16})$/.exec(String(doc.seedFingerprint)) ?? []
        expect(input, `${collection} ${doc.slug}`).toBeDefined()
        expect(stored).toBe(input)
      }
    }
  })

  it('changes nothing on a second run and says so', async () => {
    const second = await importCorpus(payload, corpus, { publish: true })
    expect(totals(second)).toEqual({ created: 0, updated: 0, unchanged: 42, skipped: 0 })
    expect(second.unchanged).toBe(true)
    // Without --publish the published records stay published and unchanged.
    expect(totals(await importCorpus(payload, corpus))).toEqual({ created: 0, updated: 0, unchanged: 42, skipped: 0 })
  })

  it('the seed command prints the summary table and that nothing changed', async () => {
    let stdout = ''
    let stderr = ''
    const code = await runSeedCommand(['--publish'], {
      payload,
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      progressBar: false,
    })
    expect(code).toBe(0)
    expect(stdout).toMatch(/collection\s+created\s+updated\s+unchanged\s+skipped/)
    expect(stdout).toMatch(/glossary-terms\s+0\s+0\s+20\s+0/)
    expect(stdout).toContain('Nothing changed: every record already matches the documents.')
    expect(stderr).toContain('[42/42] case-studies shohei-bicycle-store: unchanged')
  })
})

describe('editors and re-seeding', () => {
  it("keeps an editor's edit on a re-seed, and --force overwrites it", async () => {
    const term = await termBySlug('crowdsourcing')
    const editor = await payload.create({
      collection: 'users',
      data: { email: 'editor@example.com', password: 'correct-horse-battery-staple', roles: ['editor'] },
    })
    // As the admin UI saves it: a draft, under the editor's access rights.
    await payload.update({
      collection: 'glossary-terms',
      id: term?.id as string,
      data: { summary: '編集者が書き直した定義。' },
      draft: true,
      overrideAccess: false,
      user: { ...editor, collection: 'users' },
    })

    const reseed = await importCorpus(payload, corpus, { publish: true })
    expect(reseed.records.find((r) => r.slug === 'crowdsourcing')).toMatchObject({
      outcome: 'skipped',
      reason: expect.stringContaining('edited since the last seed'),
    })
    expect(totals(reseed)).toEqual({ created: 0, updated: 0, unchanged: 41, skipped: 1 })
    expect((await termBySlug('crowdsourcing'))?.summary).toBe('編集者が書き直した定義。')

    const forced = await importCorpus(payload, corpus, { publish: true, force: true })
    expect(forced.records.find((r) => r.slug === 'crowdsourcing')).toMatchObject({ outcome: 'updated' })
    expect((await termBySlug('crowdsourcing'))?.summary).toMatch(/^クラウドソーシングは、/)
    expect(totals(await importCorpus(payload, corpus, { publish: true }))).toMatchObject({ unchanged: 42 })
  })

  it('updates the records of a changed document in place', async () => {
    const before = await termBySlug('utm-code')
    const files = sampleFiles().map((file) =>
      file.name.startsWith('003')
        ? { name: file.name, bytes: encode(new TextDecoder().decode(file.bytes).replace('5 つです。', '5 種類です。')) }
        : file,
    )
    const changed = parseDocuments(files, { manifest: sampleManifest() })
    const result = await importCorpus(payload, changed, { publish: true })
    expect(result.records.filter((r) => r.outcome === 'updated').map((r) => r.slug)).toEqual(['utm-code'])
    const after = await termBySlug('utm-code')
    expect(after?.id).toBe(before?.id)
    expect(after?.summary).toBe(before?.summary)
    expect(JSON.stringify(after?.body)).toContain('5 種類です。')
    await importCorpus(payload, corpus, { publish: true })
  })

  it('leaves a record it did not create alone unless forced', async () => {
    const glossary = await payload.create({
      collection: 'glossaries',
      data: { name: '手作り用語集', slug: 'handmade' },
    })
    await payload.create({
      collection: 'glossary-terms',
      data: { term: '手書きの用語', slug: 'handwritten', glossary: glossary.id, _status: 'published' },
    })
    const page = titledPage({
      term: '手書きの用語',
      glossary: '手作り用語集',
      tags: ['テスト'],
      body: ['手書きの用語は、編集者が先に書いた用語です。'],
    })
    const own = parseDocuments([{ name: 'handmade.txt', text: page }], {
      manifest: {
        ...sampleManifest(),
        terms: [{ term: '手書きの用語', slug: 'handwritten' }],
        glossaries: [{ name: '手作り用語集', slug: 'handmade' }],
      },
    })
    const result = await importCorpus(payload, own)
    expect(result.records.find((r) => r.slug === 'handwritten')).toMatchObject({
      outcome: 'skipped',
      reason: expect.stringContaining('not created by the seed'),
    })
    expect(result.records.find((r) => r.slug === 'handmade')).toMatchObject({ outcome: 'skipped' })

    const forced = await importCorpus(payload, own, { force: true })
    expect(forced.records.find((r) => r.slug === 'handwritten')).toMatchObject({ outcome: 'updated' })
    expect((await termBySlug('handwritten'))?.summary).toBe('手書きの用語は、編集者が先に書いた用語です。')
  })
})

describe('concurrent imports', () => {
  it('two imports at once end with one record per item', async () => {
    const page = titledPage({
      term: '同時実行',
      glossary: '並行処理用語集',
      tags: ['並行', 'テスト'],
      body: [
        '同時実行とは、二つの取り込みが同時に動くことです。',
        '',
        '競合',
        '',
        '  • 一意のスラッグ: 重複を防ぎます。',
      ],
      footer: guide('並行ガイド'),
      recommended: teaser(
        'Race Condition 競合状態 並行処理 用語集',
        '競合状態とは 競合状態は、処理の順序で結果が変わる状態です...',
      ),
    })
    // A three-step guide is a playbook once two pages repeat it.
    const second = untitledPage({
      glossary: '並行処理用語集',
      body: ['排他制御は、一度に一つの処理だけを通す仕組みです。'],
      footer: guide('並行ガイド'),
    })
    const small = parseDocuments(
      [
        { name: 'race.txt', bytes: encode(page) },
        { name: 'race2.txt', bytes: encode(second) },
      ],
      {
        manifest: {
          ...sampleManifest(),
          terms: [{ term: '同時実行', slug: 'concurrency', englishName: 'Concurrency' }],
        },
      },
    )
    expect(small.errors).toEqual([])
    const results = await Promise.all([
      importCorpus(payload, small, { publish: true }),
      importCorpus(payload, small, { publish: true }),
    ])
    for (const slug of ['concurrency', 'race-condition']) {
      expect((await payload.count({ collection: 'glossary-terms', where: { slug: { equals: slug } } })).totalDocs).toBe(
        1,
      )
    }
    expect((await payload.count({ collection: 'playbooks' })).totalDocs).toBe(2)
    const created = results.flatMap((r) => r.records).filter((r) => r.outcome === 'created')
    expect(created.filter((r) => r.slug === 'concurrency')).toHaveLength(1)
    expect(totals(await importCorpus(payload, small, { publish: true }))).toMatchObject({
      updated: 0,
      created: 0,
      skipped: 0,
    })
  })
})
