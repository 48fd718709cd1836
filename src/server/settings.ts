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
}

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

/** Reads `-p/--port`, `-H/--hostname` (as `next start` does) and PORT, HUB_WORKERS, HUB_READ_CACHE_MB, HUB_BODY_LIMIT_*_KB, HUB_TRUST_PROXY. */
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
  }
}
