import { runCluster } from '../server/cluster'
import { serverSettings, ServerSettingsError } from '../server/settings'
import { preflight } from './preflight'

// `npm start`: check the database once, then serve with HUB_WORKERS workers (src/server/).
Object.assign(process.env, { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' })
let settings
try {
  settings = serverSettings(process.argv.slice(2), process.env)
} catch (error) {
  if (!(error instanceof ServerSettingsError)) throw error
  console.error(`Cannot start the hub: ${error.message}`)
  process.exit(1)
}
const database = await preflight()
runCluster(settings, async (code) => {
  await database.stop()
  process.exit(code)
})
