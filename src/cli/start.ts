import { preflight } from './preflight'
import { runNext } from './next'

Object.assign(process.env, { NODE_ENV: 'production' })
const database = await preflight()
runNext(['start', ...process.argv.slice(2)], database)
