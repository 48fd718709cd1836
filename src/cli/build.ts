import { bundleServer } from './bundleServer'
import { runNext } from './next'

// The build needs no database: pages are rendered on request. After Next's build, the server entry.
process.env.NEXT_PHASE ??= 'phase-production-build'
runNext(['build', ...process.argv.slice(2)], undefined, bundleServer)
