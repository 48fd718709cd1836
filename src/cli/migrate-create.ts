// Regenerates the SQL migrations from the current config against a scratch SQLite database,
// so `npm start` on SQLite creates exactly the schema the code expects.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const name = process.argv[2] ?? 'schema'
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-migrate-'))
const result = spawnSync('npx', ['payload', 'migrate:create', name], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URI: `file:${path.join(scratch, 'scratch.sqlite')}` },
})
process.exit(result.status ?? 1)
