import fc from 'fast-check'
import { handleEndpoints } from 'payload'
import { expect } from 'vitest'

import { guardRestRoute } from '../../src/api/restRoute'
import { config } from '../helpers/payload'
import { hostileQueryString } from './fuzzQueries'
import { VALID_BASE_QUERY } from './publicEndpoints'

export type FuzzReport = {
  endpoint: string
  inputs: number
  statuses: Record<number, number>
  deliveredBy: Record<Delivery, number>
}

// Half the inputs as GETs (the storefronts' way), the rest split between the other two deliveries.
const deliveries = fc.constantFrom<Delivery>('get', 'get', 'override-form', 'multipart')

const PER_REQUEST_TIMEOUT_MS = 10_000

// The same chain as src/app/(payload)/api/[...slug]/route.ts, for every method: the guards, then Payload's router.
const route = guardRestRoute((request: Request) => handleEndpoints({ config, request }))

/** The ways a client hands Payload a query or a body it parses: a GET, a method-override form body, a multipart `_payload`. */
export type Delivery = 'get' | 'override-form' | 'multipart'

const requestFor = (url: string, query: string, delivery: Delivery): Request => {
  if (delivery === 'get') return new Request(`${url}?${query}`)
  if (delivery === 'override-form') {
    return new Request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-payload-http-method-override': 'GET' },
      body: query,
    })
  }
  // The generated query's values become the `_payload` (often not JSON) and the other parts.
  const body = new FormData()
  for (const [name, value] of new URLSearchParams(query)) body.append(body.has('_payload') ? name : '_payload', value)
  return new Request(url, { method: 'POST', body })
}

/**
 * Throws `numRuns` generated query strings at one endpoint as an anonymous client, delivered as a GET,
 * a method-override form body or a multipart body. Each answer
 * must be a 2xx, 304 or 4xx with a JSON body, within a time limit (no hang): never a 5xx.
 */
export const fuzzEndpoint = async (endpoint: string, numRuns: number): Promise<FuzzReport> => {
  const statuses: Record<number, number> = {}
  const deliveredBy: Record<Delivery, number> = { get: 0, 'override-form': 0, multipart: 0 }
  await fc.assert(
    fc.asyncProperty(hostileQueryString, fc.boolean(), deliveries, async (hostile, fromValidBase, delivery) => {
      const base = fromValidBase ? VALID_BASE_QUERY[endpoint] : undefined
      const query = base ? [base, hostile].filter(Boolean).join('&') : hostile
      const request = requestFor(`http://localhost:3000${endpoint}`, query, delivery)
      const response = await Promise.race([
        route(request, undefined),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error(`no answer within ${PER_REQUEST_TIMEOUT_MS} ms`)), PER_REQUEST_TIMEOUT_MS),
        ),
      ])
      statuses[response.status] = (statuses[response.status] ?? 0) + 1
      deliveredBy[delivery] += 1
      const text = await response.text()
      expect(
        response.status,
        `${delivery} ${endpoint}?${query} answered ${response.status}: ${text.slice(0, 300)}`,
      ).toBeLessThan(500)
      if (response.status >= 400) {
        expect(() => JSON.parse(text), `${endpoint}?${query} error body is not JSON`).not.toThrow()
      }
    }),
    { numRuns, seed: Number(process.env.FUZZ_SEED ?? 20261123) },
  )
  return { endpoint, inputs: numRuns, statuses, deliveredBy }
}
