import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { expect, it } from 'vitest'

const life = (mode: 'read' | 'write', dataDir: string) => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'test/fixtures/restartWriter.ts', mode], {
    env: { ...process.env, DATABASE_URI: '', HUB_DATA_DIR: dataDir, LOG_LEVEL: 'error' },
    encoding: 'utf8',
    timeout: 120_000,
  })
  expect(result.status, result.stderr).toBe(0)
  return JSON.parse(result.stdout.trim().split('\n').pop()!)
}

it('content written through the API survives a restart of the hub on the embedded default database', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-restart-'))
  const written = life('write', dataDir)
  expect(written.status).toBe(201)
  const read = life('read', dataDir)
  expect(read.engine).toBe(written.engine)
  expect(read.terms).toEqual(['再起動後も残る'])
  expect(fs.readdirSync(dataDir).length).toBeGreaterThan(0)
})
