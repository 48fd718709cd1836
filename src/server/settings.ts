import { BodyLimitSettingError, type BodyLimits, bodyLimitsFromEnv } from '../security/bodyLimits'

/**
 * What `npm start` was asked for: where to listen, how many workers, how much cache per worker, body caps, and
 * how many proxies in front of it may be believed about the client's address (X-Forwarded-For; 0 = none).
 */
export type ServerSettings = {
  port: number
  hostname?: string
  workers: number
  cacheBytes: number
  bodyLimits: BodyLimits
  trustedProxies: number
  heap: HeapSettings
}

/**
 * How each worker's V8 heap may grow. Node's defaults size the heap for throughput: during the start-up read
 * of 100,000 items pages of rows survived the small young generation, filled the old one to twice the live
 * set, and the memory was never given back (2.4 GB resident for ~0.9 GB live). A larger young generation lets
 * those pages die young; a smaller growing factor keeps the old generation near what is live.
 */
export type HeapSettings = {
  /** `--max-semi-space-size` (MiB; 0 = V8's default). */
  youngSpaceMb: number
  /** `--heap-growing-percent`: the old generation grows to (1 + p/100) × live before a full collection (0 = V8's own). */
  growthPercent: number
  /**
   * A fixed percent is too little room for a small heap (a full collection lands in cold reads) and a lot
   * of memory for a large one (20 % of 600 MB is 120 MB), so each worker re-aims its growth to keep about
   * this many MiB of room, never under 5 % nor over `growthPercent` (heapGrowth.ts). 0 keeps `growthPercent`
   * whatever the heap's size.
   */
  headroomMb: number
  /** `--max-old-space-size` (MiB; 0 = V8's default). A hard ceiling: a worker needing more than this crashes. */
  maxOldSpaceMb: number
}

/** The V8 flags a worker starts with for these heap settings. */
export const heapFlags = (heap: HeapSettings): string[] => [
  ...(heap.youngSpaceMb > 0 ? [`--max-semi-space-size=${heap.youngSpaceMb}`] : []),
  ...(heap.growthPercent > 0 ? [`--heap-growing-percent=${heap.growthPercent}`] : []),
  ...(heap.maxOldSpaceMb > 0 ? [`--max-old-space-size=${heap.maxOldSpaceMb}`] : []),
]

export class ServerSettingsError extends Error {}

const integer = (value: string, what: string, min: number, max: number): number => {
  const number = Number(value)
  if (!/^\d+$/.test(value.trim()) || number < min || number > max) {
    throw new ServerSettingsError(`${what} is '${value}'; expected a whole number from ${min} to ${max}`)
  }
  return number
}

const limitsOf = (env: NodeJS.ProcessEnv): BodyLimits => {
  try {
    return bodyLimitsFromEnv(env)
  } catch (error) {
    if (error instanceof BodyLimitSettingError) throw new ServerSettingsError(error.message)
    throw error
  }
}

/**
 * Reads `-p/--port`, `-H/--hostname` (as `next start` does) and PORT, HUB_WORKERS, HUB_READ_CACHE_MB,
 * HUB_BODY_LIMIT_*_KB, HUB_TRUST_PROXY, HUB_HEAP_YOUNG_MB, HUB_HEAP_GROWTH_PERCENT, HUB_HEAP_HEADROOM_MB,
 * HUB_HEAP_MAX_MB.
 */
export const serverSettings = (argv: string[], env: NodeJS.ProcessEnv): ServerSettings => {
  let port = env.PORT ? integer(env.PORT, 'PORT', 0, 65_535) : 3000
  let hostname: string | undefined
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined]
    const value = () => inline ?? argv[++i] ?? ''
    if (flag === '-p' || flag === '--port') port = integer(value(), `${flag}`, 0, 65_535)
    else if (flag === '-H' || flag === '--hostname') hostname = value()
    else throw new ServerSettingsError(`unknown option '${argv[i]}'; npm start accepts -p/--port and -H/--hostname`)
  }
  return {
    port,
    hostname,
    workers: integer(env.HUB_WORKERS || '1', 'HUB_WORKERS', 1, 64),
    cacheBytes: integer(env.HUB_READ_CACHE_MB || '64', 'HUB_READ_CACHE_MB', 0, 16_384) * 1024 * 1024,
    trustedProxies: integer(env.HUB_TRUST_PROXY || '0', 'HUB_TRUST_PROXY', 0, 16),
    bodyLimits: limitsOf(env),
    heap: {
      youngSpaceMb: integer(env.HUB_HEAP_YOUNG_MB || '16', 'HUB_HEAP_YOUNG_MB', 0, 1024),
      growthPercent: integer(env.HUB_HEAP_GROWTH_PERCENT || '40', 'HUB_HEAP_GROWTH_PERCENT', 0, 300),
      headroomMb: integer(env.HUB_HEAP_HEADROOM_MB || '64', 'HUB_HEAP_HEADROOM_MB', 0, 1_048_576),
      maxOldSpaceMb: integer(env.HUB_HEAP_MAX_MB || '0', 'HUB_HEAP_MAX_MB', 0, 1_048_576),
    },
  }
}
