import fc from 'fast-check'
import { handleEndpoints } from 'payload'
import { expect } from 'vitest'

import { guardCollectionQueries } from '../../src/api/queryGuard'
import { config } from '../helpers/payload'
import { hostileQueryString } from './fuzzQueries'
import { VALID_BASE_QUERY } from './publicEndpoints'

export type FuzzReport = { endpoint: string; inputs: number; statuses: Record<number, number> }

const PER_REQUEST_TIMEOUT_MS = 10_000

// The same chain as src/app/(payload)/api/[...slug]/route.ts: the query guard, then Payload's router.
const GET = guardCollectionQueries((request: Request) => handleEndpoints({ config, request }))

/**
 * Throws `numRuns` generated query strings at one endpoint as an anonymous client. Each answer
 * must be a 2xx, 304 or 4xx with a JSON body, within a time limit (no hang): never a 5xx.
 */
export const fuzzEndpoint = async (endpoint: string, numRuns: number): Promise<FuzzReport> => {
  const statuses: Record<number, number> = {}
  await fc.assert(
    fc.asyncProperty(hostileQueryString, fc.boolean(), async (hostile, fromValidBase) => {
      const base = fromValidBase ? VALID_BASE_QUERY[endpoint] : undefined
      const query = base ? [base, hostile].filter(Boolean).join('&') : hostile
      const request = new Request(`http://localhost:3000${endpoint}?${query}`)
      const response = await Promise.race([
        GET(request, undefined),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error(`no answer within ${PER_REQUEST_TIMEOUT_MS} ms`)), PER_REQUEST_TIMEOUT_MS),
        ),
      ])
      statuses[response.status] = (statuses[response.status] ?? 0) + 1
      const text = await response.text()
      expect(response.status, `${endpoint}?${query} answered ${response.status}: ${text.slice(0, 300)}`).toBeLessThan(500)
      if (response.status >= 400) {
        expect(() => JSON.parse(text), `${endpoint}?${query} error body is not JSON`).not.toThrow()
      }
    }),
    { numRuns, seed: Number(process.env.FUZZ_SEED ?? 20261123) },
  )
  return { endpoint, inputs: numRuns, statuses }
}
