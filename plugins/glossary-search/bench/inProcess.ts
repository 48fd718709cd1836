/**
 * In-process figures for `npm run bench:search`: index build time and heap for 10,000 terms, and p50/p95 of
 * the query mix, for the plugin's engine, for its name index beside MiniSearch's over the same name tokens
 * (the library it replaced), and for Orama over every field (the alternative first weighed), same tokens.
 */
import { create, insertMultiple, save, search as oramaSearch } from '@orama/orama'
import MiniSearch from 'minisearch'

import type { TermSource } from '../../storefront-feed/core/items'
import { NAME_FIELDS, SEARCH_FIELDS, termDocument, type SearchDocument } from '../core/documents'
import { NAME_BOOST, nameQueries, nameTokens, SearchEngine, type NameField } from '../core/engine'
import { NameIndex } from '../core/nameIndex'
import { indexTokens } from '../core/tokens'
import { QUERY_MIX, generateTerms } from './generate'

const heap = () => {
  // Twice: the first pass can leave the generated documents' garbage for the second.
  globalThis.gc?.()
  globalThis.gc?.()
  return process.memoryUsage().heapUsed
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1000
}

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!

const time = (rounds: number, run: (query: string) => unknown) => {
  for (const query of QUERY_MIX) run(query)
  const timings: number[] = []
  const cpu: number[] = []
  for (let round = 0; round < rounds; round++) {
    for (const query of QUERY_MIX) {
      const started = performance.now()
      const cpuStarted = process.cpuUsage()
      run(query)
      const used = process.cpuUsage(cpuStarted)
      timings.push(performance.now() - started)
      cpu.push((used.user + used.system) / 1000)
    }
  }
  timings.sort((a, b) => a - b)
  cpu.sort((a, b) => a - b)
  return {
    p50: percentile(timings, 0.5),
    p95: percentile(timings, 0.95),
    cpuP95: percentile(cpu, 0.95),
    max: timings.at(-1)!,
  }
}

export type EngineFigures = {
  name: string
  buildMs: number
  buildCpuMs: number
  cpuP95: number
  heapMb: number
  sizeMb: number
  p50: number
  p95: number
  max: number
  hitsForInfluencer: number
}

/** Builds something and measures it: wall and CPU time, and the heap it holds afterwards. */
const measureBuild = async <T>(build: () => T | Promise<T>) => {
  const before = heap()
  const started = performance.now()
  const cpuStarted = process.cpuUsage()
  const built = await build()
  const buildMs = performance.now() - started
  const buildCpuMs = cpuMs(cpuStarted)
  return { built, figures: { buildMs, buildCpuMs, heapMb: (heap() - before) / 2 ** 20 } }
}

export const measureInProcess = async (
  count: number,
  rounds = 25,
  oramaRounds = 3,
): Promise<{ docs: number; results: EngineFigures[] }> => {
  const docs: SearchDocument[] = generateTerms(count, ['g1', 'g2', 'g3']).map((term) =>
    termDocument(term as unknown as TermSource),
  )
  const results: EngineFigures[] = []

  // The plugin's own engine (name index and scanned texts, query plan, ranking tiers).
  const hub = await measureBuild(() => {
    const engine = new SearchEngine()
    for (const doc of docs) engine.upsert(doc)
    engine.compact()
    return engine
  })
  const filter = { types: ['glossary-term', 'case-study', 'playbook'] as const }
  results.push({
    name: 'hub engine',
    ...hub.figures,
    sizeMb: hub.built.serializedSize() / 2 ** 20,
    ...time(rounds, (query) => hub.built.search(query, 'ja', filter, 10)),
    hitsForInfluencer: hub.built.search('いんふる', 'ja', filter).total,
  })

  // Names alone, the same tokens and query plan: the plugin's name index, then MiniSearch (what it replaced).
  const jaNames: NameField[] = ['term_ja', 'alt', 'reading']
  const nameOptions = { fields: jaNames, boost: NAME_BOOST, weights: { fuzzy: 0.3, prefix: 0.6 } }
  const names = await measureBuild(() => {
    const index = new NameIndex(NAME_FIELDS)
    for (const doc of docs) index.add(doc.key, nameTokens(doc))
    return index
  })
  const runNames = (query: string) => names.built.search(nameQueries(query), nameOptions)
  results.push({
    name: 'names: hub',
    ...names.figures,
    sizeMb: names.built.serializedSize() / 2 ** 20,
    ...time(rounds, runNames),
    hitsForInfluencer: runNames('いんふる').length,
  })
  const mini = await measureBuild(() => {
    const index = new MiniSearch<SearchDocument>({
      idField: 'key',
      fields: [...NAME_FIELDS],
      tokenize: (text) => indexTokens(text, true),
      processTerm: (term) => term,
      searchOptions: { tokenize: (text) => [text], processTerm: (term) => term },
    })
    index.addAll(docs)
    return index
  })
  const runMini = (query: string) =>
    mini.built.search(
      {
        combineWith: 'AND',
        queries: nameQueries(query).map((group) => ({
          combineWith: 'AND',
          queries: group.map((leaf) => ({
            queries: [leaf.token],
            prefix: Boolean(leaf.prefix),
            fuzzy: leaf.fuzzy ? 1 : false,
          })),
        })),
      },
      nameOptions,
    )
  results.push({
    name: 'names: MiniSearch 7.2',
    ...mini.figures,
    sizeMb: Buffer.byteLength(JSON.stringify(mini.built)) / 2 ** 20,
    ...time(rounds, runMini),
    hitsForInfluencer: runMini('いんふる').length,
  })

  // Orama with the same tokens per field (its tokenizer is handed ours), prefix search, tolerance 1.
  const fields = SEARCH_FIELDS.filter((field) => !field.endsWith('_en'))
  const orama = await measureBuild(async () => {
    const db = create({
      schema: Object.fromEntries(fields.map((field) => [field, 'string'])) as Record<string, 'string'>,
      components: {
        tokenizer: {
          language: 'japanese',
          normalizationCache: new Map(),
          tokenize: (raw: string, _language?: string, prop?: string) => indexTokens(raw, !prop?.startsWith('body')),
        },
      },
    })
    await insertMultiple(
      db,
      docs.map((doc) => Object.fromEntries([['id', doc.key], ...fields.map((field) => [field, doc[field]])])) as never,
      1000,
    )
    return db
  })
  const runOrama = (query: string) =>
    oramaSearch(orama.built, {
      term: query,
      properties: fields as never,
      tolerance: 1,
      threshold: 0,
      limit: 10,
      boost: { term_ja: 6, alt: 5, reading: 4, summary_ja: 2 } as never,
    })
  const oramaTimes = time(oramaRounds, (query) => runOrama(query))
  const influencer = (await runOrama('いんふる')) as { count: number }
  results.push({
    name: 'Orama 3.1',
    ...orama.figures,
    sizeMb: Buffer.byteLength(JSON.stringify(save(orama.built))) / 2 ** 20,
    ...oramaTimes,
    hitsForInfluencer: influencer.count,
  })
  return { docs: docs.length, results }
}
