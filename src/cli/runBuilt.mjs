// `npm start`: runs the server entry `npm run build` compiled (src/cli/start.ts → .next/hub/start.mjs),
// in plain Node: no TypeScript loader in the server's processes.
import fs from 'node:fs'
import path from 'node:path'
import process from 'node:process'

const entry = path.resolve('.next', 'hub', 'start.mjs')
if (!fs.existsSync(entry)) {
  process.stderr.write(
    `Cannot start the hub: ${path.relative(process.cwd(), entry)} is missing; run \`npm run build\` first\n`,
  )
  process.exit(1)
}
await import(entry)
