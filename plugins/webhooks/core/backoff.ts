/** What one send attempt came back with, as the retry policy sees it. */
export type AttemptOutcome =
  | { kind: 'response'; status: number; retryAfterSeconds?: number }
  | { kind: 'network'; message: string }
  | { kind: 'timeout' }
  /** Refused before sending (the target resolves to a forbidden address, the webhook is gone): never retried. */
  | { kind: 'refused'; message: string }

export type RetryPolicy = { maxAttempts: number; baseDelayMs: number; maxDelayMs: number }

/** Delivered when the receiver answers 2xx. */
export const isDelivered = (outcome: AttemptOutcome): boolean =>
  outcome.kind === 'response' && outcome.status >= 200 && outcome.status < 300

/**
 * Worth trying again: the receiver was unreachable, too slow, overloaded (429) or broken (5xx). Any other
 * answer (4xx, a redirect, which is not followed) will not change by itself, so it fails at once.
 */
export const isRetryable = (outcome: AttemptOutcome): boolean => {
  if (outcome.kind === 'network' || outcome.kind === 'timeout') return true
  if (outcome.kind === 'refused') return false
  return outcome.status === 429 || outcome.status >= 500
}

/**
 * Delay before attempt `attempt + 1`, after `attempt` failed ones (1-based): base · 2^(attempt-1), capped,
 * with "equal jitter" (half fixed, half random) so receivers that failed together do not get hit together
 * again, while the spacing never drops below half the nominal delay. A 429's Retry-After is honoured up to the cap.
 */
export const retryDelayMs = (
  policy: RetryPolicy,
  attempt: number,
  random: () => number = Math.random,
  retryAfterSeconds?: number,
): number => {
  const nominal = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1))
  const jittered = nominal / 2 + random() * (nominal / 2)
  const asked = retryAfterSeconds !== undefined ? Math.min(policy.maxDelayMs, retryAfterSeconds * 1000) : 0
  return Math.round(Math.max(jittered, asked))
}

export type NextStep =
  { status: 'delivered' } | { status: 'failed'; reason: string } | { status: 'pending'; delayMs: number }

/** What to do with a delivery after its `attempt`-th send came back with `outcome`. */
export const nextStep = (
  policy: RetryPolicy,
  attempt: number,
  outcome: AttemptOutcome,
  random: () => number = Math.random,
): NextStep => {
  if (isDelivered(outcome)) return { status: 'delivered' }
  if (!isRetryable(outcome)) return { status: 'failed', reason: describeOutcome(outcome) }
  if (attempt >= policy.maxAttempts) {
    return { status: 'failed', reason: `gave up after ${attempt} attempts (${describeOutcome(outcome)})` }
  }
  const retryAfter = outcome.kind === 'response' ? outcome.retryAfterSeconds : undefined
  return { status: 'pending', delayMs: retryDelayMs(policy, attempt, random, retryAfter) }
}

export const describeOutcome = (outcome: AttemptOutcome): string => {
  switch (outcome.kind) {
    case 'response':
      if (outcome.status >= 300 && outcome.status < 400) return `HTTP ${outcome.status} (redirects are not followed)`
      return `HTTP ${outcome.status}`
    case 'network':
      return `network error: ${outcome.message}`
    case 'timeout':
      return 'timed out'
    case 'refused':
      return outcome.message
  }
}

/** Retry-After as seconds: a number of seconds or an HTTP date; anything else is ignored. */
export const parseRetryAfter = (value: string | null | undefined, now = Date.now()): number | undefined => {
  if (!value) return undefined
  if (/^\d+$/.test(value.trim())) return Number(value.trim())
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000))
}
