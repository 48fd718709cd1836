import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, it } from 'vitest'

import { startPayload } from '../helpers/payload'
import { fuzzEndpoint } from './fuzzEndpoints'
import { PUBLIC_ENDPOINTS } from './publicEndpoints'
import { createSampleContent } from './sampleContent'

// The quick pass of `npm test`; `npm run test:stress` runs 1,000 inputs per endpoint.
const RUNS = Number(process.env.FUZZ_RUNS ?? 60)

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
  await createSampleContent(payload)
})
afterAll(async () => {
  await payload?.destroy()
})

describe('generated query strings never break a public endpoint', () => {
  it.each(PUBLIC_ENDPOINTS)('%s answers 2xx or 4xx with JSON, never 5xx', async (endpoint) => {
    await fuzzEndpoint(endpoint, RUNS)
  })

  // Auth routes take bodies, not queries: the multipart and form deliveries reach their body parsing.
  it.each(['/api/users/login', '/api/users/forgot-password'])(
    '%s answers 2xx or 4xx with JSON, never 5xx',
    async (endpoint) => {
      await fuzzEndpoint(endpoint, RUNS)
    },
  )
})
