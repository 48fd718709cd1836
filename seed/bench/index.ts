import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { syntheticSite } from './corpus'

/**
 * `npm run bench:seed`: what `npm run seed` costs on a whole site. Runs the real command in its own
 * process, as users do: a dry run over 1,000 documents (goal ≤ 10 s) and an import of the resulting
 * ~1,000 terms into a fresh embedded SQLite database, published (goal ≤ 60 s), then a re-run that
 * changes nothing. Each figure is wall-clock time of the whole process, start-up included.
 */
const DOCUMENTS = Number(process.env.BENCH_SEED_DOCUMENTS ?? 1000)
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-seed-'))
const dir = path.join(root, 'documents')
fs.mkdirSync(dir)
for (const [name, text] of Object.entries(syntheticSite(DOCUMENTS))) fs.writeFileSync(path.join(dir, name), text)
// An empty manifest: the sample corpus's manifest would only add "matches nothing" warnings.
fs.writeFileSync(path.join(dir, 'manifest.json'), '{}')

const cli = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'cli.ts')
const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx')
const env = { ...process.env, DATABASE_URI: `file:${path.join(root, 'seed.sqlite')}`, LOG_LEVEL: 'error' }

const timed = (label: string, args: string[]) => {
  const started = process.hrtime.bigint()
  const run = spawnSync(tsx, [cli, '--dir', dir, ...args], { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  if (run.status !== 0) {
    console.error(run.stderr.split('\n').slice(-15).join('\n'))
    throw new Error(`${label}: npm run seed exited ${run.status}`)
  }
  return { seconds, stdout: run.stdout, stderr: run.stderr }
}

try {
  const dry = timed('dry run', ['--dry-run', '--json'])
  const report = JSON.parse(dry.stdout) as { terms: unknown[]; errors: unknown[] }
  const terms = report.terms.length
  const imported = timed('import', ['--publish', '--json'])
  const counts = (JSON.parse(imported.stdout) as { counts: Record<string, { created: number }> }).counts
  const again = timed('re-run', ['--publish', '--json'])
  const unchanged = (JSON.parse(again.stdout) as { unchanged: boolean }).unchanged

  const rows = [
    ['step', 'documents', 'terms', 'seconds', 'goal', 'ok'],
    [
      'dry-run parse',
      String(DOCUMENTS),
      String(terms),
      dry.seconds.toFixed(1),
      '≤ 10',
      dry.seconds <= 10 ? 'yes' : 'NO',
    ],
    [
      'import (publish)',
      String(DOCUMENTS),
      String(counts['glossary-terms']?.created ?? 0),
      imported.seconds.toFixed(1),
      '≤ 60',
      imported.seconds <= 60 ? 'yes' : 'NO',
    ],
    [
      're-run (unchanged)',
      String(DOCUMENTS),
      unchanged ? 'all unchanged' : 'CHANGED',
      again.seconds.toFixed(1),
      '',
      unchanged ? 'yes' : 'NO',
    ],
  ]
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)))
  for (const row of rows)
    console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '))
  console.log(
    `(${report.errors.length} files rejected; times are whole processes, start-up included; ${os.cpus().length} CPUs)`,
  )
} finally {
  fs.rmSync(root, { recursive: true, force: true })
}
