import type { LoginLimiterOptions } from './loginLimiter'

export class LoginLimitSettingsError extends Error {}

const whole = (env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number => {
  const value = env[name]
  if (value === undefined || value.trim() === '') return fallback
  const number = Number(value)
  if (!/^\d+$/.test(value.trim()) || number < min || number > max) {
    throw new LoginLimitSettingsError(`${name} is '${value}'; expected a whole number from ${min} to ${max}`)
  }
  return number
}

/**
 * The login limits, read once from the environment:
 * HUB_LOGIN_LIMIT_PER_IP (failures from one address before waits start, default 20),
 * HUB_LOGIN_LIMIT_PER_ACCOUNT (failures for one email from one address, default 5),
 * HUB_LOGIN_BACKOFF_MAX_SECONDS (the longest wait, default 900). The first wait is 1 s and doubles.
 */
export const loginLimitOptions = (env: NodeJS.ProcessEnv = process.env): LoginLimiterOptions => {
  const maxDelayMs = whole(env, 'HUB_LOGIN_BACKOFF_MAX_SECONDS', 900, 1, 86_400) * 1000
  return {
    // An office behind one NAT shares an address, so the address allowance is the larger one.
    perIp: { freeFailures: whole(env, 'HUB_LOGIN_LIMIT_PER_IP', 20, 1, 100_000), firstDelayMs: 1000, maxDelayMs },
    perAccount: {
      freeFailures: whole(env, 'HUB_LOGIN_LIMIT_PER_ACCOUNT', 5, 1, 100_000),
      firstDelayMs: 1000,
      maxDelayMs,
    },
    // About 100 bytes a key: a few MB at most, per process.
    maxKeys: 20_000,
  }
}
