/**
 * Related-term graph benchmark (`npm run bench:graph`), in-process, no database:
 * a generated glossary of 10,000 terms and about 50,000 edges.
 *
 * - full rebuild: GraphIndex.build from records (label normalisation, Aho–Corasick mention
 *   matching over every summary/body, all edge types) — what start-up and a resync do after loading;
 * - depth-2 neighbourhood: the GET /api/term-graph work (query + presentation), random roots;
 * - one-term edit reflected: upsertTerm of an edited term until a query sees the change;
 * - matcher throughput: MentionMatcher.find (automaton candidates, then the word-boundary check with
 *   ICU segments, URL masking, longest match) over the glossary's own texts and over mixed ja/en copy.
 *
 * Options: TERMS=10000 ROUNDS=… (environment variables).
 */
import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'

import { ALL_EDGE_TYPES, GraphIndex, labelsOf } from '../core/graphIndex'
import { MentionMatcher } from '../core/matcher'
import type { TermRecord } from '../core/model'
import { localeOrder, presentNeighbourhood } from '../core/present'
import { generateGlossary, random } from './generate'

const TERMS = Number(process.env.TERMS ?? 10_000)
const QUERIES = Number(process.env.QUERIES ?? 2_000)
const EDITS = Number(process.env.EDITS ?? 300)
const REBUILDS = Number(process.env.REBUILDS ?? 5)

const percentile = (samples: number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number
}
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`

/** Wall-clock and CPU time of each run (CPU: what the work costs when other processes share the cores). */
type Samples = { wall: number[]; cpu: number[] }
const samples = (): Samples => ({ wall: [], cpu: [] })
const measure = (into: Samples, work: () => void): void => {
  const cpuBefore = process.cpuUsage()
  const start = performance.now()
  work()
  into.wall.push(performance.now() - start)
  const used = process.cpuUsage(cpuBefore)
  into.cpu.push((used.user + used.system) / 1000)
}
const detail = (s: Samples) =>
  `p50 ${ms(percentile(s.wall, 50))}, p99 ${ms(percentile(s.wall, 99))}, max ${ms(Math.max(...s.wall))}; CPU p50 ${ms(percentile(s.cpu, 50))}, p95 ${ms(percentile(s.cpu, 95))}`

console.log(
  `Related-term graph benchmark — ${TERMS.toLocaleString()} terms, Node ${process.version}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
)
const input = generateGlossary(TERMS)

// Full rebuild (a first build warms up the JIT; the timed ones follow).
const rebuilds = samples()
let index = GraphIndex.build(input)
for (let i = 0; i < REBUILDS; i++) measure(rebuilds, () => (index = GraphIndex.build(input)))
const stats = index.stats()
console.log(`Graph: ${stats.terms.toLocaleString()} terms, ${stats.edges.toLocaleString()} edges`, stats.byType)

// Depth-2 neighbourhoods, as the endpoint answers them (default limit 50, and the maximum 200).
const next = random(7)
const ids = input.terms.map((t) => t.id)
const order = localeOrder('ja', ['ja', 'en'])
const neighbourhood = (limit: number) => {
  const result = samples()
  for (let i = 0; i < QUERIES; i++) {
    const root = ids[Math.floor(next() * ids.length)] as string
    measure(result, () =>
      presentNeighbourhood(index, index.neighbourhood(root, { depth: 2, types: ALL_EDGE_TYPES, limit }), order),
    )
  }
  return result
}
neighbourhood(50) // warm-up
const q50 = neighbourhood(50)
const q200 = neighbourhood(200)

// One-term edits: the change is applied, then a query must show it.
const edit = (
  change: (record: TermRecord, other: TermRecord) => TermRecord,
  check: (record: TermRecord, other: TermRecord) => boolean,
) => {
  const result = samples()
  for (let i = 0; i < EDITS; i++) {
    const record = index.getTerm(ids[Math.floor(next() * ids.length)] as string) as TermRecord
    const other = index.getTerm(ids[Math.floor(next() * ids.length)] as string) as TermRecord
    if (record.id === other.id) continue
    const edited = change(record, other)
    measure(result, () => {
      index.upsertTerm(edited)
      if (!check(edited, other)) throw new Error(`edit of ${record.slug} not reflected`)
    })
  }
  return result
}
const reflects = (type: 'related' | 'mentions') => (record: TermRecord, other: TermRecord) =>
  index.neighbourhood(record.id, { depth: 1, types: ALL_EDGE_TYPES, limit: 200 }).edges.some((key) => {
    const edge = index.edge(key)
    return edge.type === type && (edge.to === other.id || edge.from === other.id)
  })
const textEdits = edit(
  (record, other) => ({ ...record, text: { ja: `${record.text.ja ?? ''}詳しくは${other.term.ja}を参照します。` } }),
  reflects('mentions'),
)
const relationEdits = edit(
  (record, other) => ({ ...record, related: [...record.related, other.id] }),
  reflects('related'),
)
const newAliases = edit(
  (record) => ({ ...record, aliases: [...record.aliases, `${record.term.ja}プラス`] }),
  (record) => index.mentionsIn(`${record.term.ja}プラスとは`).some((m) => m.termId === record.id),
)

// Matcher throughput: characters per second through find(), boundary check on (it always is).
const matcher = new MentionMatcher(input.terms.map((t) => ({ termId: t.id, labels: labelsOf(t) })))
const glossaryTexts = input.terms.map((t) => t.text.ja ?? '')
const heads = input.terms.map((t) => t.term.ja ?? '')
const mixedTexts = Array.from({ length: 2_000 }, (_, i) => {
  const a = heads[(i * 7) % heads.length]
  const b = heads[(i * 13) % heads.length]
  return `購入後の${a}を見直し、Concept ${i % 500} と ${b}コードで計測した。Our AI team said SKUs and ${a}s sold out; see https://shop.example/${i}?ref=ai または support@shop.example まで。`
})
const throughput = (texts: string[]) => {
  const characters = texts.reduce((sum, text) => sum + text.length, 0)
  for (const text of texts.slice(0, 200)) matcher.find(text) // warm-up
  const cpuBefore = process.cpuUsage()
  const start = performance.now()
  let mentions = 0
  for (const text of texts) mentions += matcher.find(text).length
  const wall = (performance.now() - start) / 1000
  const used = process.cpuUsage(cpuBefore)
  return {
    characters,
    mentions,
    perSecond: characters / wall,
    cpuPerSecond: characters / ((used.user + used.system) / 1e6),
  }
}
const throughputRows = [
  ['Matcher: glossary texts (ja)', throughput(glossaryTexts)],
  ['Matcher: mixed ja/en copy with URLs', throughput(mixedTexts)],
] as const

const goals: [string, Samples, number, number][] = [
  ['Depth-2 neighbourhood, limit 50 (p95)', q50, 95, 5],
  ['Depth-2 neighbourhood, limit 200 (p95)', q200, 95, 5],
  ['Full rebuild (median)', rebuilds, 50, 1500],
  ['One-term edit reflected: text (p95)', textEdits, 95, 20],
  ['One-term edit reflected: related (p95)', relationEdits, 95, 20],
  ['One-term edit reflected: new alias (p95)', newAliases, 95, 20],
]

const rows = goals.map(([what, s, p, goal]) => {
  const value = percentile(s.wall, p)
  return [what, ms(value), `≤ ${ms(goal)}`, value <= goal ? 'ok' : 'MISSED', detail(s)]
})
const header = ['Measure', 'Result', 'Goal', '', 'Detail (wall; CPU)']
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)))
const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')
console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}\n${rows.map(line).join('\n')}\n`)
const thousands = (n: number) => Math.round(n).toLocaleString('en-US')
console.log(
  throughputRows
    .map(
      ([what, r]) =>
        `${what}: ${thousands(r.perSecond)} characters/s (CPU ${thousands(r.cpuPerSecond)}/s), ${thousands(r.characters)} characters, ${thousands(r.mentions)} mentions`,
    )
    .join('\n'),
)
console.log('\nWall-clock figures include time other processes take the CPU away; the CPU figures are the work itself.')
if (rows.some((r) => r[3] !== 'ok')) process.exitCode = 1
