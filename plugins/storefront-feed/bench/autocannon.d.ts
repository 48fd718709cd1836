// Minimal typings for the parts of autocannon 9 the feed benchmark uses (the package ships none).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  type Options = {
    url: string
    connections?: number
    duration?: number
    pipelining?: number
    headers?: Record<string, string>
    timeout?: number
  }
  type Histogram = { average: number; mean: number; p50: number; p99: number; total: number }
  export type Result = {
    requests: Histogram
    latency: Histogram
    throughput: Histogram
    duration: number
    errors: number
    timeouts: number
    non2xx: number
  }
  type Instance = EventEmitter
  function autocannon(options: Options, callback?: (error: Error | null, result: Result) => void): Instance
  export default autocannon
}
