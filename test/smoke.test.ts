import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Payload } from 'payload'
import { startPayload } from './helpers/payload'

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
})
afterAll(async () => {
  await payload?.destroy()
})

it('creates a glossary', async () => {
  const g = await payload.create({
    collection: 'glossaries',
    data: { name: 'ソーシャルメディア用語集', slug: 'social-media' },
  })
  expect(typeof g.id).toBe('string')
})
