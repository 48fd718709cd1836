import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { defineConfig } from 'vitest/config'

const dirname = path.dirname(fileURLToPath(import.meta.url))

// The longer reliability suite (`npm run test:stress`): 1,000 fuzz inputs per endpoint, load, restarts.
export default defineConfig({
  resolve: {
    alias: { '@payload-config': path.resolve(dirname, 'payload.config.ts') },
  },
  test: {
    environment: 'node',
    pool: 'forks',
    include: ['test/stress/**/*.stress.ts'],
    fileParallelism: false,
    globalSetup: ['test/setup/globalSetup.ts'],
    setupFiles: ['test/setup/freshDatabase.ts'],
    testTimeout: 900_000,
    hookTimeout: 600_000,
    env: { LOG_LEVEL: 'fatal', NODE_ENV: 'test' },
  },
})
