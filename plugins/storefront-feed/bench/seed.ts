import { randomBytes } from 'node:crypto'

import { type CollectionSlug, createLocalReq, type Payload } from 'payload'

import { itemId } from '../core/items'
import type { ContentType } from '../types'

/**
 * Bulk content for the benchmark. Glossaries and tags go through the Local API (hooks and all); the many
 * published items are written with the database adapter's own `create` (Payload's engine-neutral adapter
 * API: no SQL, but no hooks, validation or version rows either, which makes 100,000 documents take minutes
 * instead of an hour), and each gets the journal row its afterChange hook would have written.
 */

const paragraph = (text: string) => ({
  type: 'paragraph',
  version: 1,
  format: '',
  indent: 0,
  direction: 'ltr',
  textFormat: 0,
  children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }],
})
const richText = (...texts: string[]) => ({
  root: { type: 'root', version: 1, format: '', indent: 0, direction: 'ltr', children: texts.map(paragraph) },
})

/** Array rows need ids, which Payload's beforeChange would otherwise assign (ObjectId-shaped). */
const rowId = () => randomBytes(12).toString('hex')

/** Deterministic pseudo-random numbers, so every run builds the same hub. */
const prng = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff
  return seed / 0x7fffffff
}

export type SeedState = {
  glossaries: string[]
  tags: string[]
  terms: string[]
  journalHead: number
}

export const seedLookups = async (payload: Payload): Promise<SeedState> => {
  const glossaries: string[] = []
  const tags: string[] = []
  for (let i = 0; i < 5; i += 1) {
    const glossary = await payload.create({
      collection: 'glossaries',
      data: { name: `用語集 ${i}`, slug: `glossary-${i}` },
    })
    glossaries.push(String(glossary.id))
  }
  for (let i = 0; i < 20; i += 1) {
    const tag = await payload.create({ collection: 'tags', data: { name: `タグ ${i}`, slug: `tag-${i}` } })
    tags.push(String(tag.id))
  }
  const { docs } = await payload.find({
    collection: 'feed-changes' as CollectionSlug,
    sort: '-sequence',
    limit: 1,
    depth: 0,
  })
  return {
    glossaries,
    tags,
    terms: [],
    journalHead: Number((docs[0] as { sequence?: number } | undefined)?.sequence ?? 0),
  }
}

export type BulkCounts = { terms: number; caseStudies: number; playbooks: number; related: boolean }

export const seedBulk = async (
  payload: Payload,
  state: SeedState,
  counts: BulkCounts,
  progress: (done: number, total: number) => void,
): Promise<void> => {
  const req = await createLocalReq({ locale: 'ja' }, payload)
  const random = prng(state.terms.length + 7)
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!
  const total = counts.terms + counts.caseStudies + counts.playbooks
  let done = 0
  const journal = async (type: ContentType, id: string, slug: string) => {
    state.journalHead += 1
    await payload.db.create({
      collection: 'feed-changes' as CollectionSlug,
      data: {
        sequence: state.journalHead,
        itemId: itemId(type, id),
        type,
        docId: id,
        slug,
        action: 'upsert',
        at: new Date().toISOString(),
      },
      req,
      returning: false,
    })
  }
  const create = async (collection: string, data: Record<string, unknown>): Promise<string> => {
    const now = new Date().toISOString()
    const doc = await payload.db.create({
      collection: collection as CollectionSlug,
      data: { ...data, _status: 'published', createdAt: now, updatedAt: now },
      req,
      select: { id: true },
    })
    return String(doc.id)
  }
  const tick = () => {
    done += 1
    if (done % 500 === 0 || done === total) progress(done, total)
  }

  const first = state.terms.length
  for (let i = first; i < first + counts.terms; i += 1) {
    const slug = `term-${i}`
    const related =
      counts.related && state.terms.length > 3 ? [pick(state.terms), pick(state.terms), pick(state.terms)] : []
    const id = await create('glossary-terms', {
      term: { ja: `用語${i}`, ...(i % 3 === 0 ? { en: `Term ${i}` } : {}) },
      slug,
      englishName: `Term ${i}`,
      reading: `ようご${i}`,
      aliases: [`T${i}`],
      summary: { ja: `用語${i}の短い定義。購入後の体験とリピートに関わる。` },
      body: {
        ja: richText(
          `用語${i}は、ECサイトで顧客の行動を測るための考え方です。`,
          '施策の効果を比べるときは、同じ期間と同じ指標で見ることが大切です。',
        ),
      },
      glossary: pick(state.glossaries),
      tags: [pick(state.tags), pick(state.tags)].filter((tag, index, all) => all.indexOf(tag) === index),
      related: [...new Set(related)],
    })
    state.terms.push(id)
    await journal('glossary-term', id, slug)
    tick()
  }
  for (let i = 0; i < counts.caseStudies; i += 1) {
    const slug = `case-${first}-${i}`
    const id = await create('case-studies', {
      title: { ja: `事例 ${i}` },
      slug,
      persona: { name: '絵里奈', romanized: 'Erina' },
      industry: { ja: 'アパレル D2C' },
      channels: ['email', 'line'],
      scenario: { ja: richText('購入翌日にお礼のメールを送り、リピート率が上がった。') },
      tactics: {
        ja: [
          { id: rowId(), text: 'お礼メール' },
          { id: rowId(), text: 'LINE でのフォロー' },
        ],
      },
      outcomes: { ja: [{ id: rowId(), text: 'リピート率 20% 向上' }] },
      relatedTerms: [pick(state.terms), pick(state.terms)].filter((t, index, all) => all.indexOf(t) === index),
    })
    await journal('case-study', id, slug)
    tick()
  }
  for (let i = 0; i < counts.playbooks; i += 1) {
    const slug = `playbook-${first}-${i}`
    const id = await create('playbooks', {
      title: { ja: `プレイブック ${i}` },
      slug,
      stage: 'post-purchase',
      summary: { ja: '購入後の体験を設計する手順。' },
      intro: { ja: richText('はじめに。') },
      steps: [
        {
          id: rowId(),
          title: { ja: '注文確認' },
          key: 'order-confirmation',
          body: { ja: richText('注文直後に確認メールを送る。') },
          relatedTerms: [pick(state.terms)],
        },
        { id: rowId(), title: { ja: '発送通知' }, key: 'shipping', body: { ja: richText('発送したら知らせる。') } },
        { id: rowId(), title: { ja: 'お礼' }, key: 'thank-you', body: { ja: richText('届いた頃にお礼を伝える。') } },
      ],
      closing: { ja: richText('おわりに。') },
      relatedTerms: [pick(state.terms)],
    })
    await journal('playbook', id, slug)
    tick()
  }
}
