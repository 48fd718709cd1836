import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export type RunningHub = {
  url: string
  dataDir: string
  /** Process group of the server (the primary and its workers), for memory readings. */
  pid: number
  stop: () => Promise<void>
  logs: () => string
}

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })

export const hubEnv = (dataDir: string): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_ENV: 'production',
  HUB_DATA_DIR: dataDir,
  HUB_EMBEDDED_ENGINE: 'sqlite',
  DATABASE_URI: '',
  PAYLOAD_SECRET: 'e2e-secret-0123456789-0123456789-0123456789',
  NEXT_TELEMETRY_DISABLED: '1',
  LOG_LEVEL: 'warn',
})

/** A production build, made once; `HUB_E2E_REUSE_BUILD=1` keeps an existing one between local runs. */
export const ensureBuild = () => {
  if (
    process.env.HUB_E2E_REUSE_BUILD === '1' &&
    fs.existsSync('.next/BUILD_ID') &&
    fs.existsSync('.next/hub/start.mjs')
  )
    return
  const result = spawnSync('npm', ['run', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (result.status !== 0) throw new Error('npm run build failed')
}

/** Imports the sample documents into the hub's fresh database, as the README's seed step does. */
export const seedHub = (dataDir: string) => {
  const result = spawnSync('npm', ['run', 'seed', '--', '--publish'], { env: hubEnv(dataDir), encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`npm run seed failed:\n${result.stderr}`)
  return result.stderr
}

/** Starts the real app (`npm start`: production build, Next.js server) on a free port against a fresh database. */
export const startHub = async (
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-e2e-')),
  env: Record<string, string> = {},
): Promise<RunningHub> => {
  const port = await freePort()
  let output = ''
  const child: ChildProcess = spawn(process.execPath, ['src/cli/runBuilt.mjs', '-p', String(port)], {
    env: { ...hubEnv(dataDir), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const url = `http://127.0.0.1:${port}`
  // Long enough for a server starting on 100,000 items (the storefront bench); a crash ends the wait at once.
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the hub exited during start-up:\n${output}`)
    try {
      const response = await fetch(`${url}/api/glossaries?limit=1`)
      if (response.ok) break
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  return {
    url,
    dataDir,
    pid: child.pid!,
    logs: () => output,
    stop: async () => {
      if (child.exitCode !== null || !child.pid) return
      process.kill(-child.pid, 'SIGTERM')
      await new Promise((r) => child.once('exit', r))
    },
  }
}
