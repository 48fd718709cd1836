/** The seed, run as `npm run seed` runs it (Local API, hooks and all), leaves every sample term with the reading it needs. */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { importCorpus } from '../../../seed/import/importCorpus'
import { parseDocuments } from '../../../seed/parse'
import { sampleFiles, sampleManifest } from '../../../seed/test/fixtures'
import { startPayload } from '../../../test/helpers/payload'
import { get } from '../../related-term-graph/test/helpers'
import { readingNeed } from '../core/reading'

let payload: Payload
const corpus = parseDocuments(sampleFiles(), { manifest: sampleManifest() })

beforeAll(async () => {
  payload = await startPayload()
  await importCorpus(payload, corpus, { publish: true })
})

afterAll(async () => {
  await payload?.destroy()
})

type Term = { slug: string; term: string; reading?: string | null; readingSuggested?: boolean }

describe('seeded readings', () => {
  it('gives every Japanese sample term a suggested hiragana reading, and English-only ones none', async () => {
    const { docs } = await payload.find({
      collection: 'glossary-terms',
      limit: 0,
      pagination: false,
      depth: 0,
      locale: 'ja',
      overrideAccess: true,
    })
    const terms = docs as unknown as Term[]
    expect(terms.length).toBeGreaterThan(10)
    const japanese = terms.filter((term) => readingNeed(term.term) !== 'none')
    expect(japanese.length).toBeGreaterThan(0)
    for (const term of japanese) {
      // Hiragana (Latin parts such as `X/Twitter` stay as written); no katakana or kanji left.
      expect(term.reading, term.term).toMatch(/[\u3041-\u3096]/u)
      expect(term.reading, term.term).not.toMatch(/[\u30a1-\u30fa\u3400-\u9fff]/u)
      expect(term.readingSuggested, term.term).toBe(true)
    }
    if (process.env.SHOW_READINGS) console.log(terms.map((t) => `${t.term} → ${t.reading ?? '–'}`).join('\n'))
    for (const term of terms.filter((t) => readingNeed(t.term) === 'none'))
      expect(term.reading ?? null, term.term).toBeNull()
  })

  it('files every seeded term of each glossary in the index, under a kana row when it has a Japanese reading', async () => {
    const { docs: glossaries } = await payload.find({ collection: 'glossaries', limit: 0, pagination: false, depth: 0 })
    for (const glossary of glossaries) {
      const { status, json } = await get(`/api/glossary-index?glossary=${glossary.slug}`)
      expect(status).toBe(200)
      for (const group of json.groups as { key: string; kind: string; entries: { reading: string | null }[] }[]) {
        for (const entry of group.entries)
          if (entry.reading && /^[\u3041-\u309f]/.test(entry.reading)) expect(group.kind, entry.reading).toBe('kana')
      }
    }
  })

  it('a second seed run still finds nothing to change (the suggested readings do not look like edits)', async () => {
    const second = await importCorpus(payload, corpus, { publish: true })
    const changed = Object.values(second.counts).reduce(
      (sum, counts) => sum + counts.created + counts.updated + counts.skipped,
      0,
    )
    expect(changed).toBe(0)
  })
})
