import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createGlossary, richText } from './helpers/fixtures'
import { startPayload } from './helpers/payload'

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
})
afterAll(async () => {
  await payload?.destroy()
})

describe('every collection supports create, read, update and delete through the Local API', () => {
  it('glossaries and tags', async () => {
    const glossary = await createGlossary(payload)
    expect(typeof glossary.id).toBe('string')
    const tag = await payload.create({ collection: 'tags', data: { name: 'SNS' } })
    expect(tag.slug).toBe('sns')

    const renamed = await payload.update({ collection: 'tags', id: tag.id, data: { name: 'Social' } })
    expect(renamed.name).toBe('Social')
    expect(renamed.slug).toBe('sns') // a slug stays stable when the name changes

    expect((await payload.findByID({ collection: 'glossaries', id: glossary.id })).name).toBe(
      'ソーシャルメディア用語集',
    )
    await payload.delete({ collection: 'tags', id: tag.id })
    await payload.delete({ collection: 'glossaries', id: glossary.id })
    expect((await payload.find({ collection: 'tags' })).totalDocs).toBe(0)
    expect((await payload.find({ collection: 'glossaries' })).totalDocs).toBe(0)
  })

  it('glossary terms with relations, aliases, sources and rich text', async () => {
    const glossary = await createGlossary(payload, 'marketing', 'マーケティング用語集')
    const tag = await payload.create({ collection: 'tags', data: { name: 'Analytics' } })
    const parameter = await payload.create({
      collection: 'glossary-terms',
      data: { term: 'UTMパラメータ', englishName: 'UTM Parameter', glossary: glossary.id, _status: 'published' },
    })
    const term = await payload.create({
      collection: 'glossary-terms',
      data: {
        term: 'UTMコード',
        englishName: 'UTM Code',
        aliases: ['UTM', 'UTM Code'],
        summary: 'UTMコードは、URL に付けて流入元を計測するためのパラメータです。',
        body: richText('キャンペーンの効果測定に使います。'),
        glossary: glossary.id,
        tags: [tag.id],
        related: [parameter.id],
        broader: parameter.id,
        sources: [{ document: '003.txt', completeness: 'full' }],
        _status: 'published',
      },
    })
    expect(term.slug).toBe('utm-code')
    expect(term.aliases).toEqual(['UTM', 'UTM Code'])

    const read = await payload.findByID({ collection: 'glossary-terms', id: term.id, depth: 1 })
    expect(read.glossary).toMatchObject({ slug: 'marketing' })
    expect(read.related?.[0]).toMatchObject({ term: 'UTMパラメータ' })
    // An embedded term carries what a link needs (defaultPopulate), not its body; `populate` asks for more.
    expect(Object.keys(read.broader as object).sort()).toEqual([
      'englishName',
      'glossary',
      'id',
      'reading',
      'slug',
      'summary',
      'term',
    ])
    const withBody = await payload.findByID({
      collection: 'glossary-terms',
      id: term.id,
      depth: 1,
      populate: { 'glossary-terms': { term: true, aliases: true } },
    })
    expect(withBody.broader).toEqual({ id: parameter.id, term: 'UTMパラメータ', aliases: [] })
    expect(read.sources?.[0]).toMatchObject({ document: '003.txt', completeness: 'full' })

    const updated = await payload.update({
      collection: 'glossary-terms',
      id: term.id,
      data: { aliases: ['UTM'], excerpt: true },
    })
    expect(updated.aliases).toEqual(['UTM'])
    expect(updated.excerpt).toBe(true)

    await payload.delete({ collection: 'glossary-terms', id: term.id })
    await expect(payload.findByID({ collection: 'glossary-terms', id: term.id })).rejects.toThrow()
  })

  it('case studies with a persona, channels, tactics, outcomes and playbook steps', async () => {
    const playbook = await payload.create({
      collection: 'playbooks',
      data: {
        title: '購入後体験 14 ステップ',
        stage: 'post-purchase',
        steps: [{ title: '注文確認と注文確定通知', key: 'order-confirmation' }, { title: '顧客データの活用' }],
      },
    })
    expect(playbook.steps?.[0]?.key).toBe('order-confirmation')
    expect(playbook.steps?.[1]?.key).toMatch(/^step-[a-z0-9]+$/) // generated for a Japanese-only title

    const study = await payload.create({
      collection: 'case-studies',
      data: {
        title: '絵里奈さんの事例',
        slug: 'erina',
        persona: { name: '絵里奈', romanized: 'Erina' },
        industry: 'アパレル',
        channels: ['email', 'line'],
        scenario: richText('購入後のフォローで再購入につながった。'),
        tactics: [{ text: '発送通知を丁寧に' }],
        outcomes: [{ text: 'リピート率が上がった' }],
        playbookSteps: [{ playbook: playbook.id, stepKey: 'order-confirmation' }],
      },
    })
    expect(study.persona).toMatchObject({ name: '絵里奈', romanized: 'Erina' })
    expect(study.channels).toEqual(['email', 'line'])

    const edited = await payload.update({
      collection: 'case-studies',
      id: study.id,
      data: { outcomes: [{ text: 'リピート率が上がった' }, { text: 'レビューが増えた' }] },
    })
    expect(edited.outcomes?.map((o) => o.text)).toEqual(['リピート率が上がった', 'レビューが増えた'])

    await payload.delete({ collection: 'case-studies', id: study.id })
    await payload.delete({ collection: 'playbooks', id: playbook.id })
    expect((await payload.find({ collection: 'case-studies' })).totalDocs).toBe(0)
    expect((await payload.find({ collection: 'playbooks' })).totalDocs).toBe(0)
  })

  it('playbook steps keep the order editors give them', async () => {
    const playbook = await payload.create({
      collection: 'playbooks',
      data: { title: '手順', steps: [{ title: 'A' }, { title: 'B' }, { title: 'C' }] },
    })
    const steps = playbook.steps ?? []
    const reordered = await payload.update({
      collection: 'playbooks',
      id: playbook.id,
      data: { steps: [steps[2]!, steps[0]!, steps[1]!] },
    })
    expect(reordered.steps?.map((s) => s.title)).toEqual(['C', 'A', 'B'])
  })

  it('users with roles; the very first account becomes an admin', async () => {
    const first = await payload.create({
      collection: 'users',
      data: { email: 'first@example.com', password: 'correct-horse-battery-staple' },
    })
    expect(first.roles).toEqual(['admin'])
    const user = await payload.create({
      collection: 'users',
      data: { email: 'editor@example.com', password: 'correct-horse-battery-staple', roles: ['editor'] },
    })
    expect(user.roles).toEqual(['editor'])
    const updated = await payload.update({ collection: 'users', id: user.id, data: { name: 'Editor' } })
    expect(updated.name).toBe('Editor')
    await payload.delete({ collection: 'users', id: user.id })
    expect((await payload.find({ collection: 'users' })).docs.map((u) => u.email)).toEqual(['first@example.com'])
  })
})

describe('slugs', () => {
  it('are unique per collection', async () => {
    await payload.create({ collection: 'tags', data: { name: 'Unique', slug: 'unique' } })
    await expect(payload.create({ collection: 'tags', data: { name: 'Other', slug: 'unique' } })).rejects.toThrow()
  })

  it('are made URL-safe, and Japanese-only titles still get one', async () => {
    const tag = await payload.create({ collection: 'tags', data: { name: 'Ｅメール Marketing!' } })
    expect(tag.slug).toBe('e-marketing')
    const japanese = await payload.create({ collection: 'tags', data: { name: 'ソーシャルメディア' } })
    expect(japanese.slug).toMatch(/^tag-[a-z0-9]+$/)
  })

  it('reject characters that would break a URL', async () => {
    await expect(payload.create({ collection: 'tags', data: { name: 'x', slug: '../etc' } })).resolves.toMatchObject({
      slug: 'etc',
    })
  })
})
