import { preflight } from './preflight'
import { runNext } from './next'

const args = process.argv.slice(2)
const seed = args.includes('--seed')
const nextArgs = args.filter((a) => a !== '--seed')

const database = await preflight()
if (seed) {
  const { runSeedCommand } = await import('../../seed/cli')
  await runSeedCommand(['--publish'])
}
runNext(['dev', ...nextArgs], database)
