import path from 'node:path'

import { build } from 'esbuild'

/** Where `npm run build` writes the server entry `npm start` runs. */
const SERVER_BUNDLE_DIR = path.join('.next', 'hub')

/**
 * Compiles the server entry (`src/cli/start.ts`, the primary, and `src/server/workerMain.ts`, each
 * worker) to plain JavaScript next to Next's build. Run from TypeScript through tsx, every process of
 * the server carried tsx's loader thread and an esbuild service (~25 MB each, measured at 100,000
 * items) and compiled the same files again at every start. Packages stay imports (`node_modules`).
 */
export const bundleServer = async (): Promise<number> => {
  try {
    await build({
      entryPoints: { start: 'src/cli/start.ts', workerMain: 'src/server/workerMain.ts' },
      outdir: SERVER_BUNDLE_DIR,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
    })
    return 0
  } catch (error) {
    console.error(`Cannot build the server entry: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
}
