/**
 * Glossary search benchmark (`npm run bench:search`).
 *
 * 1. In-process, 10,000 terms: index build time and heap, and p50/p95 of the query mix, for the hub engine (what
 *    the plugin runs), its name index beside MiniSearch's (which it replaced) and Orama, fed the same tokens.
 * 2. Over HTTP: the production build started as `npm start` runs it, on a database holding 10,000 published
 *    terms, loaded with autocannon cycling through the query mix, beside a bare Node server sending the same
 *    bytes for each URL, in the same run. Also: start-up until search answers, and the server's RSS.
 *
 * Environment: BENCH_DURATION (seconds per scenario, default 10), BENCH_CONNECTIONS (default 10),
 * BENCH_ITEMS (default 10000), HUB_E2E_REUSE_BUILD=1 (reuse an existing `.next` build).
 */
import { execFile, execFileSync, fork } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

import { embeddedSqliteUrl } from '../../../src/database/resolve'
import { ensureBuild, startHub } from '../../../test/e2e/hub'
import { QUERY_MIX } from './generate'
import { measureInProcess } from './inProcess'

const here = path.dirname(fileURLToPath(import.meta.url))
const duration = Number(process.env.BENCH_DURATION ?? 10)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10)
const items = Number(process.env.BENCH_ITEMS ?? 10_000)
const run = promisify(execFile)
const line = (text: string) => process.stdout.write(`${text}\n`)
const ms = (value: number) => value.toFixed(2).padStart(8)
const goal = (label: string, value: string, met: boolean) =>
  line(`  ${label.padEnd(46)} ${value.padStart(12)}  ${met ? 'met' : 'NOT met'}`)

line(
  `Glossary search benchmark · ${os.cpus().length} CPUs · Node ${process.version} · load average ${os.loadavg()[0]!.toFixed(1)}`,
)

// ---------------------------------------------------------------------------------------------------
line(`\n1. In-process, ${items.toLocaleString()} terms (wall time; CPU time in brackets, the machine may be shared)`)
const inProcess = await measureInProcess(items)
line(
  `${'engine'.padEnd(16)} ${'build ms'.padStart(10)} ${'(cpu)'.padStart(8)} ${'heap MB'.padStart(8)} ${'saved MB'.padStart(9)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'(cpu)'.padStart(8)}`,
)
for (const r of inProcess.results) {
  line(
    `${r.name.padEnd(16)} ${r.buildMs.toFixed(0).padStart(10)} ${r.buildCpuMs.toFixed(0).padStart(8)} ${r.heapMb.toFixed(1).padStart(8)} ${r.sizeMb.toFixed(1).padStart(9)} ${ms(r.p50)} ${ms(r.p95)} ${ms(r.cpuP95)}`,
  )
}
const engineFigures = inProcess.results[0]!

// ---------------------------------------------------------------------------------------------------
line(`\n2. Over HTTP: the production server (npm start) with ${items.toLocaleString()} published terms`)
ensureBuild()
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-search-bench-'))
process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }))
// First start: the migrations create the schema. Then the terms go in while the hub is stopped.
await (await startHub(dataDir)).stop()
const seedStarted = performance.now()
execFileSync(
  process.execPath,
  [
    '--import',
    'tsx',
    path.join(here, 'seedHub.ts'),
    JSON.stringify({ databaseUri: embeddedSqliteUrl(dataDir), terms: items }),
  ],
  {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PAYLOAD_SECRET: 'bench-secret-0123456789-0123456789-0123456789' },
  },
)
line(`  seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`)

const startedAt = performance.now()
const hub = await startHub(dataDir)
const paths = QUERY_MIX.map((q) => `/api/search?q=${encodeURIComponent(q)}&limit=10`)
let first: Response | undefined
while (performance.now() - startedAt < 120_000) {
  first = await fetch(`${hub.url}${paths[0]}`).catch(() => undefined)
  if (first?.status === 200) break
  await new Promise((resolve) => setTimeout(resolve, 100))
}
const readyMs = performance.now() - startedAt

/** RSS of the hub's processes (npm start → next → server: every process started with its data dir), in MB. */
const rssMb = () => {
  const rss: number[] = []
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      if (!fs.readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').includes(`HUB_DATA_DIR=${dataDir}`)) continue
      const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1]
      if (kb) rss.push(Number(kb) / 1024)
    } catch {
      // gone, or not ours to read
    }
  }
  return { tree: rss.reduce((sum, value) => sum + value, 0), largest: Math.max(0, ...rss) }
}

const pages: Record<string, { headers: Record<string, string>; body: string }> = {}
let hits = 0
for (const pathname of paths) {
  const response = await fetch(`${hub.url}${pathname}`)
  const body = Buffer.from(await response.arrayBuffer())
  if (response.status !== 200) throw new Error(`${pathname} answered ${response.status}: ${body}`)
  hits += (JSON.parse(body.toString()) as { hits: unknown[] }).hits.length
  const {
    connection: _c,
    'keep-alive': _k,
    date: _d,
    'transfer-encoding': _t,
    ...headers
  } = Object.fromEntries(response.headers.entries())
  pages[pathname] = { headers, body: body.toString('base64') }
}
const pagesFile = path.join(dataDir, 'pages.json')
fs.writeFileSync(pagesFile, JSON.stringify(pages))
const bare = fork(path.join(here, 'bare.ts'), [pagesFile], {
  execArgv: ['--import', 'tsx'],
  stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
})
const barePort = await new Promise<string>((resolve) =>
  bare.stdout!.once('data', (data) => resolve(String(data).trim())),
)
const averageBytes =
  Object.values(pages).reduce((sum, page) => sum + Buffer.from(page.body, 'base64').byteLength, 0) / paths.length
line(
  `  search answers ${(readyMs / 1000).toFixed(1)} s after start (index built from the database); ${paths.length} queries, ${hits} hits, ${averageBytes.toFixed(0)} bytes per answer`,
)

type Load = {
  requestsPerSecond: number
  p50: number
  p95: number
  p99: number
  errors: number
  timeouts: number
  statuses: Record<string, number>
}
let loads = 0
const load = async (url: string, loadPaths = paths): Promise<Load> => {
  const pathsFile = path.join(dataDir, `paths-${(loads += 1)}.json`)
  fs.writeFileSync(pathsFile, JSON.stringify(loadPaths))
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', path.join(here, 'load.ts'), JSON.stringify({ url, pathsFile, duration, connections })],
    { maxBuffer: 1 << 20 },
  )
  return JSON.parse(stdout.trim().split('\n').pop()!) as Load
}
// Queries not asked before: every path of the mix in many variants (limit × type × locale), each new to the cache.
const TYPE_VARIANTS = ['', '&type=glossary-term', '&type=case-study,playbook', '&type=glossary-term,playbook']
const unseenPaths = QUERY_MIX.flatMap((q) =>
  Array.from({ length: 50 }, (_, index) => index + 1).flatMap((limit) =>
    TYPE_VARIANTS.flatMap((type) =>
      ['ja', 'en'].map((locale) => `/api/search?q=${encodeURIComponent(q)}&limit=${limit}${type}&locale=${locale}`),
    ),
  ),
)
const memoryBefore = rssMb()
const hubLoad = await load(hub.url)
const unseenLoad = await load(hub.url, unseenPaths)
const bareLoad = await load(`http://127.0.0.1:${barePort}`)
// The floor of the same server: the feed's cached page, also answered before Payload's pipeline.
await fetch(`${hub.url}/api/feed?limit=1`)
const feedLoad = await load(hub.url, ['/api/feed?limit=1'])
const memoryAfter = rssMb()
bare.kill()
await hub.stop()

line(
  `\n${'scenario'.padEnd(48)} ${'req/s'.padStart(9)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'p99 ms'.padStart(7)}  statuses`,
)
for (const [label, r] of [
  ['GET /api/search (npm start), query mix', hubLoad],
  [`GET /api/search, ${unseenPaths.length.toLocaleString()} queries, each new on its first pass`, unseenLoad],
  ['bare Node http, same bytes per URL', bareLoad],
  ['same server: cached GET /api/feed?limit=1 (floor)', feedLoad],
] as const) {
  const statuses = Object.entries(r.statuses)
    .map(([status, count]) => `${status}×${count}`)
    .join(' ')
  line(
    `${label.padEnd(48)} ${Math.round(r.requestsPerSecond).toLocaleString().padStart(9)} ${String(r.p50).padStart(7)} ${String(r.p95).padStart(7)} ${String(r.p99).padStart(7)}  ${statuses}${r.errors + r.timeouts ? ` errors=${r.errors} timeouts=${r.timeouts}` : ''}`,
  )
}
const ratio = hubLoad.requestsPerSecond / bareLoad.requestsPerSecond
line(
  `  search / feed's cached page on the same server: ${(hubLoad.requestsPerSecond / feedLoad.requestsPerSecond).toFixed(2)} ×`,
)
line(
  `  server RSS (largest process of the hub's tree): ${memoryBefore.largest.toFixed(0)} MB before load, ${memoryAfter.largest.toFixed(0)} MB after`,
)

line('\nGoals')
goal('in-process p95 (hub engine, wall)', `${engineFigures.p95.toFixed(2)} ms`, engineFigures.p95 <= 5)
goal('in-process p95 (hub engine, CPU)', `${engineFigures.cpuP95.toFixed(2)} ms`, engineFigures.cpuP95 <= 5)
goal('HTTP throughput / bare Node', `${ratio.toFixed(2)} ×`, ratio >= 0.3)
goal('index build (wall)', `${engineFigures.buildMs.toFixed(0)} ms`, engineFigures.buildMs <= 2000)
goal('index build (CPU)', `${engineFigures.buildCpuMs.toFixed(0)} ms`, engineFigures.buildCpuMs <= 2000)
// The memory goal is the search's own (its index); the server's RSS is Next + Payload + every cache, shown above.
goal('search memory (index heap)', `${engineFigures.heapMb.toFixed(0)} MB`, engineFigures.heapMb <= 200)
process.exit(0)
