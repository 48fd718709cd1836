import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { expect, it } from 'vitest'

import { testEngine } from './setup/testDatabase'

it.runIf(testEngine() === 'sqlite')(
  'in production the shipped SQLite migrations create the whole schema on first start',
  () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-prod-'))
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'test/fixtures/productionSmoke.ts'], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PAYLOAD_SECRET: 'a-production-secret-that-is-long-enough-1234',
        DATABASE_URI: `file:${path.join(dir, 'prod.sqlite')}`,
        LOG_LEVEL: 'error',
      },
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(result.stderr).not.toMatch(/no such table|no such column/)
    expect(result.status).toBe(0)
    const counts = JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}')
    expect(counts).toEqual({
      glossaries: 1,
      tags: 1,
      'glossary-terms': 1,
      playbooks: 1,
      'case-studies': 1,
      users: 1,
    })
  },
)
