import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { analyseUnanalysedTables, refreshPlannerStatistics } from '../src/database/plannerStatistics'
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

  /** Back to a database never analysed: no statistics stored, and none left in the connection's planner. */
  const forgetStatistics = async () => {
    await client.execute('DELETE FROM sqlite_stat1').catch(() => undefined)
    await client.execute('ANALYZE sqlite_master')
  }

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
    await forgetStatistics()
    expect(await planOfPageRead()).toMatch(/_status_idx/)

    await refreshPlannerStatistics(client)
    const plan = await planOfPageRead()
    expect(plan).not.toMatch(/_status_idx/)
    expect(plan).toMatch(/sqlite_autoindex_glossary_terms_1|PRIMARY KEY/)
  })

  const statisticsOf = async (table: string) => {
    const { rows } = await client.execute({ sql: 'select idx from sqlite_stat1 where tbl = ?', args: [table] })
    return rows.length
  }

  it('gathers statistics when the hub connects to a database never analysed (a fresh import), for tables with rows', async () => {
    await forgetStatistics()
    expect(await statisticsOf('glossary_terms')).toBe(0)

    // What a worker of `npm start` does on start-up: the adapter's connect (src/database/adapter.ts).
    await payload.db.connect?.()
    client = (payload.db as unknown as { client: Client }).client
    expect(await statisticsOf('glossary_terms')).toBeGreaterThan(0)
    expect(await planOfPageRead()).not.toMatch(/_status_idx/)
    // Nobody has written a case study here: an empty table has nothing to measure yet.
    expect(await statisticsOf('case_studies')).toBe(0)
  })

  it('analyses only the tables that have rows and no statistics, so a second start does nothing', async () => {
    await forgetStatistics()
    const first = await analyseUnanalysedTables(client)
    expect(first).toEqual(expect.arrayContaining(['glossary_terms', 'glossaries']))
    expect(first).not.toContain('tags')
    expect(await analyseUnanalysedTables(client)).toEqual([])

    await payload.create({ collection: 'tags', data: { name: '満潮', slug: 'high-tide' } })
    expect(await analyseUnanalysedTables(client)).toEqual(['tags'])
  })
})
