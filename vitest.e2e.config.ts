import { defineConfig } from 'vitest/config'

// The browser suite: files run one after another, steps in order, against the real app (`npm run build` + `npm start`).
export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
    sequence: { concurrent: false },
  },
})
