import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startPayload } from '../helpers/payload'
import { fuzzEndpoint, type FuzzReport } from '../trust/fuzzEndpoints'
import { PUBLIC_ENDPOINTS } from '../trust/publicEndpoints'
import { createSampleContent } from '../trust/sampleContent'

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000)
const reports: FuzzReport[] = []

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
  await createSampleContent(payload)
})
afterAll(async () => {
  console.log(`\nFuzzed ${reports.reduce((n, r) => n + r.inputs, 0)} query strings:`)
  for (const r of reports)
    console.log(`  ${r.endpoint.padEnd(24)} ${r.inputs} inputs  statuses ${JSON.stringify(r.statuses)}`)
  await payload?.destroy()
})

describe(`${RUNS} generated query strings per public endpoint`, () => {
  it.each(PUBLIC_ENDPOINTS)('%s never answers 5xx and never hangs', async (endpoint) => {
    const report = await fuzzEndpoint(endpoint, RUNS)
    reports.push(report)
    expect(Object.keys(report.statuses).every((s) => Number(s) < 500)).toBe(true)
  })
})
