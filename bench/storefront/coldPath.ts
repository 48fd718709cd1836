/**
 * The cold read path on SQLite, in-process (`npm run bench:cold`): times Payload's `find` as REST and
 * GraphQL call it for anonymous readers, one step (Payload's adapter as shipped) and ids first
 * (src/database/idFirstReads.ts), and prints SQLite's EXPLAIN QUERY PLAN for each statement of a
 * 50-term list. Seeds BENCH_ITEMS published items into a throwaway database first, or reads the SQLite
 * file BENCH_DB_FILE names as it is (a database seeded before: seeding 100,000 items takes minutes).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

const items = Number(process.env.BENCH_ITEMS ?? 10_000)
const existing = process.env.BENCH_DB_FILE
const dbFile =
  existing ?? path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), `hub-cold-${process.pid}.sqlite`)
process.env.DATABASE_URI = `file:${dbFile}`
process.env.LOG_LEVEL ??= 'error'
// A database `npm start` made is migrated, not pushed: read it as production does.
if (existing) Object.assign(process.env, { NODE_ENV: 'production' })
if (!existing)
  process.on('exit', () => ['', '-wal', '-shm'].forEach((suffix) => fs.rmSync(`${dbFile}${suffix}`, { force: true })))

const { preloadLexical } = await import('../../src/preloadLexical')
await preloadLexical()
const { getPayload } = await import('payload')
const { default: config } = await import('../../payload.config')
const { seedBulk, seedLookups } = await import('../../plugins/storefront-feed/bench/seed')
const { getTermGraphService } = await import('../../plugins/related-term-graph')
const { getSearchService } = await import('../../plugins/glossary-search')

const payload: Payload = await getPayload({ config })
const terms = existing ? (await payload.count({ collection: 'glossary-terms' })).totalDocs : Math.round(items * 0.8)
if (!existing)
  await seedBulk(
    payload,
    await seedLookups(payload),
    { terms, caseStudies: Math.round(items * 0.1), playbooks: items - terms - Math.round(items * 0.1), related: true },
    () => {},
  )
// The graph and search build at start-up from what is there: timings wait until they are done.
await getTermGraphService(payload)?.views()
await getSearchService(payload)?.ready()

// The wrapped read the hub installs, and the adapter's own (as Payload ships it).
const wrapped = payload.db.find
const oneStep = (wrapped as { oneStep?: typeof wrapped }).oneStep
if (!oneStep) throw new Error('payload.db.find is not the ids-first read: is HUB_SQLITE_ONE_STEP_READS set?')

type Client = { execute: (statement: unknown) => Promise<unknown> }
const client = (payload.db as unknown as { client: Client }).client
const statements: { sql: string; args: unknown[] }[] = []
const execute = client.execute.bind(client)
client.execute = (statement: unknown) => {
  if (typeof statement === 'object' && statement && 'sql' in statement)
    statements.push(statement as { sql: string; args: unknown[] })
  return execute(statement)
}

const reads = {
  'list of 50, depth 1': () =>
    payload.find({ collection: 'glossary-terms', limit: 50, depth: 1, overrideAccess: false }),
  'list of 50, depth 0, locale=all': () =>
    payload.find({ collection: 'glossary-terms', limit: 50, depth: 0, locale: 'all', overrideAccess: false }),
  'one term by slug, depth 1': () =>
    payload.find({
      collection: 'glossary-terms',
      where: { slug: { equals: `term-${Math.floor(terms / 2)}` } },
      depth: 1,
      overrideAccess: false,
    }),
}
const median = async (fn: () => Promise<unknown>) => {
  const timings: number[] = []
  for (let i = 0; i < 9; i += 1) {
    const started = performance.now()
    await fn()
    timings.push(performance.now() - started)
  }
  return timings.sort((a, b) => a - b)[4]!
}

console.log(`Cold find() on SQLite, ${terms.toLocaleString()} terms, anonymous access, median of 9`)
console.log('| read | one step (as shipped) | ids first |')
console.log('|---|---|---|')
for (const [label, read] of Object.entries(reads)) {
  payload.db.find = oneStep
  const before = await median(read)
  payload.db.find = wrapped
  const after = await median(read)
  console.log(`| ${label} | ${before.toFixed(1)} ms | ${after.toFixed(1)} ms |`)
}

const explain = async (label: string, find: typeof wrapped) => {
  payload.db.find = find
  statements.length = 0
  await payload.find({ collection: 'glossary-terms', limit: 50, depth: 0, overrideAccess: false })
  console.log(`\nEXPLAIN QUERY PLAN, list of 50 (depth 0), ${label}:`)
  for (const statement of [...statements]) {
    const started = performance.now()
    await execute({ sql: statement.sql, args: statement.args })
    const ms = performance.now() - started
    const plan = (await execute({ sql: `EXPLAIN QUERY PLAN ${statement.sql}`, args: statement.args })) as {
      rows: { detail: string }[]
    }
    console.log(`- ${ms.toFixed(1)} ms: ${statement.sql.slice(0, 140)}${statement.sql.length > 140 ? '…' : ''}`)
    for (const row of plan.rows) console.log(`    ${row.detail}`)
  }
}
await explain('one step', oneStep)
await explain('ids first', wrapped)
await payload.destroy()
process.exit(0)
