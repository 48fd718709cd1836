/**
 * Fills a stopped hub's SQLite database with the benchmark glossary, in its own process: Payload on the
 * same file with NODE_ENV=production (migrations, no schema push), glossaries through the Local API, the
 * 10,000 published terms through the adapter's `create` (no hooks: the hub builds its index on start).
 * Input: one JSON argument { databaseUri, terms }.
 */
import { createLocalReq, type CollectionSlug } from 'payload'

import { generateTerms } from './generate'

const { databaseUri, terms } = JSON.parse(process.argv[2] ?? '{}') as { databaseUri: string; terms: number }
Object.assign(process.env, { NODE_ENV: 'production', DATABASE_URI: databaseUri, LOG_LEVEL: 'error' })

const { preloadLexical } = await import('../../../src/preloadLexical')
await preloadLexical()
const { default: config } = await import('../../../payload.config')
const { getPayload } = await import('payload')
const payload = await getPayload({ config })
const req = await createLocalReq({ locale: 'ja' }, payload)

const glossaries: string[] = []
for (const [index, name] of ['EC', 'CRM', 'マーケティング'].entries()) {
  const glossary = await payload.create({ collection: 'glossaries', data: { name, slug: `bench-glossary-${index}` } })
  glossaries.push(String(glossary.id))
}
const now = new Date().toISOString()
for (const term of generateTerms(terms, glossaries)) {
  const { id: _id, ...data } = term
  await payload.db.create({
    collection: 'glossary-terms' as CollectionSlug,
    data: { ...data, _status: 'published', createdAt: now, updatedAt: now },
    req,
    select: { id: true },
  })
}
await payload.destroy()
process.exit(0)
