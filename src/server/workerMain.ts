import { runWorker } from './worker'
import type { ServerSettings } from './settings'

// A worker of `npm start`: the primary passes the parsed settings as its one argument.
const settings = JSON.parse(process.argv[2] ?? '{}') as ServerSettings
Object.assign(process.env, { NODE_ENV: 'production' })
runWorker(settings).catch((error: unknown) => {
  console.error(`Cannot start a hub worker: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
