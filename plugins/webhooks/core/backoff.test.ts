import { describe, expect, it } from 'vitest'

import { isRetryable, nextStep, parseRetryAfter, retryDelayMs } from './backoff'

const policy = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 5000 }

describe('retry policy', () => {
  it('retries network errors, timeouts, 429 and 5xx, and fails other answers at once', () => {
    expect(isRetryable({ kind: 'network', message: 'ECONNREFUSED' })).toBe(true)
    expect(isRetryable({ kind: 'timeout' })).toBe(true)
    for (const status of [429, 500, 502, 503]) expect(isRetryable({ kind: 'response', status })).toBe(true)
    for (const status of [301, 400, 401, 404, 410, 422]) expect(isRetryable({ kind: 'response', status })).toBe(false)
    expect(isRetryable({ kind: 'refused', message: 'private' })).toBe(false)
  })

  it('doubles the delay per attempt up to the cap, never below half of it', () => {
    expect(retryDelayMs(policy, 1, () => 0)).toBe(500)
    expect(retryDelayMs(policy, 1, () => 1)).toBe(1000)
    expect(retryDelayMs(policy, 2, () => 0.5)).toBe(1500)
    expect(retryDelayMs(policy, 10, () => 1)).toBe(5000)
    expect(retryDelayMs(policy, 10, () => 0)).toBe(2500)
  })

  it('spreads receivers that failed together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(policy, 3)))
    expect(delays.size).toBeGreaterThan(10)
  })

  it('honours Retry-After up to the cap', () => {
    expect(retryDelayMs(policy, 1, () => 0, 3)).toBe(3000)
    expect(retryDelayMs(policy, 1, () => 0, 3600)).toBe(5000)
    expect(parseRetryAfter('7')).toBe(7)
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6)
    expect(parseRetryAfter('soon')).toBeUndefined()
  })

  it('delivers on 2xx, gives up after the last attempt, and says why', () => {
    expect(nextStep(policy, 1, { kind: 'response', status: 204 })).toEqual({ status: 'delivered' })
    expect(nextStep(policy, 3, { kind: 'timeout' }, () => 0)).toEqual({ status: 'pending', delayMs: 2000 })
    expect(nextStep(policy, 4, { kind: 'response', status: 503 })).toEqual({
      status: 'failed',
      reason: 'gave up after 4 attempts (HTTP 503)',
    })
    expect(nextStep(policy, 1, { kind: 'response', status: 404 })).toEqual({ status: 'failed', reason: 'HTTP 404' })
    expect(nextStep(policy, 1, { kind: 'response', status: 302 })).toMatchObject({
      reason: expect.stringContaining('redirects'),
    })
  })
})
