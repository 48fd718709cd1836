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
    // The plugins' minimal configs skip payload.config.ts, which silences the version checker's false alarm
    // (3.90.1 plugin packages pinned onto payload 3.90.2, see there); tests get the same setting.
    env: { LOG_LEVEL: 'fatal', NODE_ENV: 'test', PAYLOAD_DISABLE_DEPENDENCY_CHECKER: 'true' },
  },
})
