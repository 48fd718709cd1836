/**
 * Why this exists: Payload's own protection locks an account after `maxLoginAttempts` wrong passwords,
 * so anyone who knows the admin's email can lock the admin out. This limiter slows the guesser instead:
 * failures are counted per client IP and per (email, IP); past a free allowance each further failure
 * doubles the wait, up to a cap. Pure: no Payload, no I/O, the clock is passed in.
 */

export type BackoffRule = {
  /** Failures allowed before any wait. */
  freeFailures: number
  /** The wait after the first failure past the allowance; each further failure doubles it. */
  firstDelayMs: number
  /** The longest wait. A key with no failure for this long after its wait ended is forgotten. */
  maxDelayMs: number
}

export type LoginLimiterOptions = {
  perIp: BackoffRule
  perAccount: BackoffRule
  /** Keys each counter remembers at most; the least recently failed are forgotten first. */
  maxKeys: number
}

/** Who is trying: the client's address bucket and the email as submitted (normalised by the caller). */
export type LoginClient = { ip: string; email: string }

export type LoginVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number }

type Entry = { failures: number; lastFailureAt: number }

const waitFor = (rule: BackoffRule, failures: number): number => {
  const over = failures - rule.freeFailures
  if (over < 0) return 0
  // 2 ** 40 already exceeds any sane cap; the clamp keeps the arithmetic finite.
  return Math.min(rule.maxDelayMs, rule.firstDelayMs * 2 ** Math.min(over, 40))
}

/** Failures per key with exponential backoff, in a Map bounded to `maxKeys` (insertion order = recency). */
const backoffCounter = (rule: BackoffRule, maxKeys: number, now: () => number) => {
  const entries = new Map<string, Entry>()
  const blockedUntil = (entry: Entry) => entry.lastFailureAt + waitFor(rule, entry.failures)

  const current = (key: string): Entry | undefined => {
    const entry = entries.get(key)
    if (entry && now() >= blockedUntil(entry) + rule.maxDelayMs) {
      entries.delete(key)
      return undefined
    }
    return entry
  }

  return {
    /** Milliseconds this key must still wait; 0 when it may try now. */
    waitMs: (key: string): number => {
      const entry = current(key)
      return entry ? Math.max(0, blockedUntil(entry) - now()) : 0
    },
    fail: (key: string): void => {
      const failures = (current(key)?.failures ?? 0) + 1
      entries.delete(key)
      entries.set(key, { failures, lastFailureAt: now() })
      // The oldest keys are the least recently failed: random emails or addresses cannot grow the map.
      for (const oldest of entries.keys()) {
        if (entries.size <= maxKeys) break
        entries.delete(oldest)
      }
    },
    /** Takes back one failure (an attempt counted in advance that turned out right). */
    forgiveOne: (key: string): void => {
      const entry = current(key)
      if (!entry) return
      if (entry.failures <= 1) entries.delete(key)
      else entry.failures -= 1
    },
    forget: (key: string): void => {
      entries.delete(key)
    },
    size: () => entries.size,
  }
}

const accountKey = ({ ip, email }: LoginClient) => `${email}\u0000${ip}`

export type LoginLimiter = ReturnType<typeof createLoginLimiter>

export const createLoginLimiter = (options: LoginLimiterOptions, now: () => number = Date.now) => {
  const perIp = backoffCounter(options.perIp, options.maxKeys, now)
  const perAccount = backoffCounter(options.perAccount, options.maxKeys, now)
  return {
    /**
     * Decides whether `client` may try a password now. An allowed attempt is counted as a failure at
     * once (so parallel guesses cannot all pass before the first one fails); `succeeded` takes it back.
     */
    admit: (client: LoginClient): LoginVerdict => {
      const waitMs = Math.max(perIp.waitMs(client.ip), perAccount.waitMs(accountKey(client)))
      if (waitMs > 0) return { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) }
      perIp.fail(client.ip)
      perAccount.fail(accountKey(client))
      return { allowed: true }
    },
    /** The right password: this email from this address starts afresh; the address keeps its other failures. */
    succeeded: (client: LoginClient): void => {
      perAccount.forget(accountKey(client))
      perIp.forgiveOne(client.ip)
    },
    /** Keys remembered, for tests and diagnostics. */
    size: () => ({ ip: perIp.size(), account: perAccount.size() }),
  }
}
