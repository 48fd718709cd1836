import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { chooseDatabase } from '../src/database/choose'
import { prepareDatabase } from '../src/database/embedded'
import { DatabaseConfigError, existingEmbeddedEngine, parseDatabaseUri, redactUrl } from '../src/database/resolve'
import { DEVELOPMENT_SECRET, payloadSecret } from '../src/secret'

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'hub-data-'))

describe('DATABASE_URI selects the engine', () => {
  it('mongodb:// and mongodb+srv:// use MongoDB', () => {
    expect(parseDatabaseUri('mongodb://localhost:27017/hub').engine).toBe('mongodb')
    expect(parseDatabaseUri('mongodb+srv://user:pw@cluster.example.net/hub').engine).toBe('mongodb')
  })

  it('file: uses SQLite', () => {
    expect(parseDatabaseUri('file:./.data/hub.sqlite')).toMatchObject({
      engine: 'sqlite',
      url: 'file:./.data/hub.sqlite',
    })
  })

  it('an unknown scheme is refused with a message naming it and the accepted ones', () => {
    expect(() => parseDatabaseUri('http://localhost/db')).toThrow(DatabaseConfigError)
    expect(() => parseDatabaseUri('http://localhost/db')).toThrow(
      "DATABASE_URI uses scheme 'http:'; expected mongodb://, mongodb+srv:// or file:",
    )
    expect(() => parseDatabaseUri('postgres://localhost/db')).toThrow(/scheme 'postgres:'/)
    expect(() => parseDatabaseUri('just-a-path.db')).toThrow(/no scheme/)
  })

  it('credentials never reach the logs', () => {
    expect(redactUrl('mongodb+srv://user:secret@cluster.example.net/hub')).toBe(
      'mongodb+srv://***@cluster.example.net/hub',
    )
  })
})

describe('the embedded default', () => {
  it('keeps using the engine whose database .data/ already holds', () => {
    const dir = tempDir()
    expect(existingEmbeddedEngine(dir)).toBeUndefined()
    fs.writeFileSync(path.join(dir, 'hub.sqlite'), '')
    expect(existingEmbeddedEngine(dir)).toBe('sqlite')

    const mongoDir = tempDir()
    fs.mkdirSync(path.join(mongoDir, 'mongodb'))
    fs.writeFileSync(path.join(mongoDir, 'mongodb', 'collection-0.wt'), '')
    expect(existingEmbeddedEngine(mongoDir)).toBe('mongodb')
  })

  it('never opens an empty SQLite database over an embedded MongoDB one', () => {
    const dir = tempDir()
    fs.mkdirSync(path.join(dir, 'mongodb'))
    fs.writeFileSync(path.join(dir, 'mongodb', 'WiredTiger.wt'), '')
    const previous = process.env.HUB_DATA_DIR
    process.env.HUB_DATA_DIR = dir
    try {
      expect(() => chooseDatabase({ NODE_ENV: 'test' } as NodeJS.ProcessEnv)).toThrow(
        /holds an embedded MongoDB database/,
      )
    } finally {
      process.env.HUB_DATA_DIR = previous
    }
  })

  it('falls back to SQLite under .data/ when no mongod can be had, and says so', async () => {
    const dir = tempDir()
    const saved = { ...process.env }
    process.env.HUB_DATA_DIR = dir
    delete process.env.DATABASE_URI
    // An unreachable download host stands in for an offline machine.
    process.env.MONGOMS_DOWNLOAD_MIRROR = 'http://127.0.0.1:9'
    const lines: string[] = []
    try {
      const db = await prepareDatabase((line) => lines.push(line))
      expect(db.engine).toBe('sqlite')
      expect(db.url).toBe(`file:${path.join(dir, 'hub.sqlite')}`)
      expect(process.env.DATABASE_URI).toBe(db.url)
      expect(db.description).toMatch(/embedded SQLite at .*hub\.sqlite.*DATABASE_URI=mongodb/)
      expect(fs.existsSync(path.join(dir, 'mongodb'))).toBe(false)
    } finally {
      process.env = saved
    }
  })
})

describe('start-up stops in seconds with one clear line', () => {
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/start.ts'], {
      env: { ...process.env, LOG_LEVEL: 'info', ...env },
      encoding: 'utf8',
      timeout: 30_000,
    })

  it('for a DATABASE_URI with an unknown scheme', () => {
    const result = start({ DATABASE_URI: 'redis://localhost:6379', PAYLOAD_SECRET: 'x'.repeat(40) })
    expect(result.status).toBe(1)
    expect(result.stderr.trim()).toBe(
      "Cannot start the hub: DATABASE_URI uses scheme 'redis:'; expected mongodb://, mongodb+srv:// or file: (e.g. file:./.data/hub.sqlite)",
    )
  })

  it('for an unreachable MongoDB', () => {
    const result = start({ DATABASE_URI: 'mongodb://127.0.0.1:9/hub', PAYLOAD_SECRET: 'x'.repeat(40) })
    expect(result.status).toBe(1)
    const lines = result.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^Cannot start the hub: Cannot connect to MongoDB at DATABASE_URI within 3 s/)
  })

  it('for production without a real PAYLOAD_SECRET', () => {
    const result = start({ DATABASE_URI: `file:${path.join(tempDir(), 'x.sqlite')}`, PAYLOAD_SECRET: '' })
    expect(result.status).toBe(1)
    expect(result.stderr.trim()).toMatch(
      /^Cannot start the hub: PAYLOAD_SECRET is missing or is the development default/,
    )
  })

  it('for a checkout that was never built (npm start runs the compiled server entry)', () => {
    const result = spawnSync(process.execPath, [path.resolve('src/cli/runBuilt.mjs')], {
      cwd: tempDir(),
      encoding: 'utf8',
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toBe('Cannot start the hub: .next/hub/start.mjs is missing; run `npm run build` first\n')
  })
})

describe('the signing secret', () => {
  it('has a development default outside production', () => {
    expect(payloadSecret({ NODE_ENV: 'development' } as NodeJS.ProcessEnv)).toBe(DEVELOPMENT_SECRET)
  })
  it('is required in production, and the development one is refused there', () => {
    expect(() => payloadSecret({ NODE_ENV: 'production' } as NodeJS.ProcessEnv)).toThrow(/PAYLOAD_SECRET/)
    expect(() =>
      payloadSecret({ NODE_ENV: 'production', PAYLOAD_SECRET: DEVELOPMENT_SECRET } as NodeJS.ProcessEnv),
    ).toThrow(/development default/)
  })
})
