import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { defineConfig } from 'vitest/config'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default defineConfig({
  resolve: {
    alias: { '@payload-config': path.resolve(dirname, 'payload.config.ts') },
  },
  test: {
    environment: 'node',
    pool: 'forks',
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', '.next/**', '.data/**', 'test/e2e/**', 'test/stress/**'],
    globalSetup: ['test/setup/globalSetup.ts'],
    setupFiles: ['test/setup/freshDatabase.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { LOG_LEVEL: 'fatal', NODE_ENV: 'test' },
  },
})
