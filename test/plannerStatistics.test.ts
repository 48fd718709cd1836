import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { refreshPlannerStatistics } from '../src/database/plannerStatistics'
import { createGlossary } from './helpers/fixtures'
import { startPayload } from './helpers/payload'
import { testEngine } from './setup/testDatabase'

/**
 * The second step of an ids-first page read finds its rows by primary key once SQLite has statistics:
 * without them it walks every published row through the `_status` index (src/database/plannerStatistics.ts).
 */
type Client = { execute: (statement: string | { sql: string; args: unknown[] }) => Promise<{ rows: unknown[] }> }
let payload: Payload
let client: Client

describe.runIf(testEngine() === 'sqlite')('SQLite planner statistics', () => {
  beforeAll(async () => {
    payload = await startPayload()
    client = (payload.db as unknown as { client: Client }).client
    const glossary = await createGlossary(payload, 'tides', '潮汐用語集')
    for (let i = 0; i < 120; i += 1) {
      await payload.create({
        collection: 'glossary-terms',
        data: { term: `潮位 ${i}`, slug: `tide-${i}`, glossary: glossary.id, _status: 'published' },
      })
    }
  }, 120_000)
  afterAll(async () => {
    await payload?.destroy()
  })

  const planOfPageRead = async () => {
    const { docs } = await payload.find({ collection: 'glossary-terms', limit: 20, depth: 0, select: { slug: true } })
    const ids = docs.map((doc) => String(doc.id))
    const { rows } = await client.execute({
      sql: `EXPLAIN QUERY PLAN select id from glossary_terms where id in (${ids.map(() => '?').join(',')}) and _status = ?`,
      args: [...ids, 'published'],
    })
    return rows.map((row) => String((row as { detail: string }).detail)).join('\n')
  }

  it('uses the primary key for the rows of a page after a refresh, where it walked the _status index before', async () => {
    await client.execute('DROP TABLE IF EXISTS sqlite_stat1').catch(() => undefined)
    expect(await planOfPageRead()).toMatch(/_status_idx/)

    await refreshPlannerStatistics(client)
    const plan = await planOfPageRead()
    expect(plan).not.toMatch(/_status_idx/)
    expect(plan).toMatch(/sqlite_autoindex_glossary_terms_1|PRIMARY KEY/)
  })
})
