import { runNext } from './next'

// The build needs no database: pages are rendered on request.
process.env.NEXT_PHASE ??= 'phase-production-build'
runNext(['build', ...process.argv.slice(2)])
