import { defineConfig } from 'vitest/config'

import base from './vitest.config'

// The longer reliability suite (`npm run test:stress`): 1,000 fuzz inputs per endpoint, load, restarts.
// Same aliases, set-up and environment as `npm test`; only the files, ordering and time limits differ.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/stress/**/*.stress.ts'],
    exclude: ['node_modules/**'],
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 600_000,
  },
})
