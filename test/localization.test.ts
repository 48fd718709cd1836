import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { createGlossary } from './helpers/fixtures'
import { graphql, rest } from './helpers/http'
import { startPayload } from './helpers/payload'

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
})
afterAll(async () => {
  await payload?.destroy()
})

it('serves the English value when one exists and falls back to Japanese per field', async () => {
  const glossary = await createGlossary(payload)
  const term = await payload.create({
    collection: 'glossary-terms',
    locale: 'ja',
    data: {
      term: 'インフルエンサー',
      summary: 'SNS で影響力を持つ人。',
      slug: 'influencer',
      glossary: glossary.id,
      _status: 'published',
    },
  })
  await payload.update({
    collection: 'glossary-terms',
    id: term.id,
    locale: 'en',
    data: { term: 'Influencer', _status: 'published' },
  })

  const en = await rest('/api/glossary-terms/' + term.id + '?locale=en')
  expect(en.json.term).toBe('Influencer')
  expect(en.json.summary).toBe('SNS で影響力を持つ人。') // no English summary yet: Japanese shows

  const ja = await rest('/api/glossary-terms/' + term.id)
  expect(ja.json.term).toBe('インフルエンサー')

  const gql = await graphql(`
    {
      GlossaryTerms(locale: en) {
        docs {
          term
          summary
        }
      }
    }
  `)
  expect(gql.json.data.GlossaryTerms.docs[0]).toEqual({ term: 'Influencer', summary: 'SNS で影響力を持つ人。' })

  const glossaryEn = await rest(`/api/glossaries/${glossary.id}?locale=en`)
  expect(glossaryEn.json.name).toBe('ソーシャルメディア用語集')
})
