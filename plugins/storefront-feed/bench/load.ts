/**
 * Load generator for one scenario, run in its own process so it does not share the server's event loop:
 * autocannon with latencies recorded per response (autocannon reports p97.5, not p95).
 * Input: one JSON argument { url, headers, duration, connections, method?, body? }. Output: one JSON line.
 */
import autocannon from 'autocannon'

const { url, headers, duration, connections, timeout, method, body } = JSON.parse(process.argv[2] ?? '{}') as {
  url: string
  /** GET unless given (GraphQL reads are POSTs). */
  method?: 'GET' | 'POST'
  body?: string
  headers?: Record<string, string>
  duration: number
  connections: number
  /** Seconds before a request counts as timed out (autocannon's default is 10). */
  timeout?: number
}

const latencies: number[] = []
const statuses: Record<string, number> = {}

const instance = autocannon(
  { url, headers, method: method ?? 'GET', body, duration, connections, pipelining: 1, timeout: timeout ?? 10 },
  (error, result) => {
    if (error) throw error
    latencies.sort((a, b) => a - b)
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN
    process.stdout.write(
      `${JSON.stringify({
        requestsPerSecond: result.requests.total / result.duration,
        requests: result.requests.total,
        p50: at(0.5),
        p95: at(0.95),
        p99: at(0.99),
        bytesPerSecond: result.throughput.average,
        errors: result.errors,
        timeouts: result.timeouts,
        statuses,
      })}\n`,
    )
  },
)

instance.on('response', (_client: unknown, status: number, _bytes: number, responseTime: number) => {
  latencies.push(responseTime)
  statuses[status] = (statuses[status] ?? 0) + 1
})
