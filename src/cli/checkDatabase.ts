import { preloadLexical } from '../preloadLexical'
import { explainStartupError } from './preflight'

// Run by preflight in a child process: opens Payload once (connecting runs the migrations) and exits
// 0, or prints the one line a person needs and exits 1. The plugins' start-up work is the workers'.
process.env.LOG_LEVEL = 'silent'
try {
  await preloadLexical()
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config, disableOnInit: true })
  await payload.destroy()
  process.exit(0)
} catch (error) {
  console.error(`Cannot start the hub: ${explainStartupError(error)}`)
  process.exit(1)
}
