/**
 * Load for one scenario in its own process (autocannon), cycling through the query mix's paths on every
 * connection; latencies recorded per response (autocannon reports p97.5, not p95). Output: one JSON line.
 */
import fs from 'node:fs'

import autocannon from 'autocannon'

// The paths come in a file: thousands of them are more than a command line holds.
const { url, pathsFile, duration, connections } = JSON.parse(process.argv[2] ?? '{}') as {
  url: string
  pathsFile: string
  duration: number
  connections: number
}
const paths = JSON.parse(fs.readFileSync(pathsFile, 'utf8')) as string[]

const latencies: number[] = []
const statuses: Record<string, number> = {}

const instance = autocannon(
  { url, duration, connections, pipelining: 1, requests: paths.map((path) => ({ method: 'GET', path })) },
  (error, result) => {
    if (error) throw error
    latencies.sort((a, b) => a - b)
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN
    process.stdout.write(
      `${JSON.stringify({ requestsPerSecond: result.requests.total / result.duration, p50: at(0.5), p95: at(0.95), p99: at(0.99), errors: result.errors, timeouts: result.timeouts, statuses })}\n`,
    )
  },
)

instance.on('response', (_client: unknown, status: number, _bytes: number, responseTime: number) => {
  latencies.push(responseTime)
  statuses[status] = (statuses[status] ?? 0) + 1
})
