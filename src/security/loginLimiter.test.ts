import { describe, expect, it } from 'vitest'

import { createLoginLimiter, type LoginLimiterOptions } from './loginLimiter'
import { loginLimitOptions } from './loginLimitOptions'

const OPTIONS: LoginLimiterOptions = {
  perIp: { freeFailures: 10, firstDelayMs: 1000, maxDelayMs: 8000 },
  perAccount: { freeFailures: 3, firstDelayMs: 1000, maxDelayMs: 8000 },
  maxKeys: 100,
}

const clockedLimiter = (options = OPTIONS) => {
  let time = 1_000_000
  const limiter = createLoginLimiter(options, () => time)
  return { limiter, advance: (ms: number) => (time += ms) }
}

const admin = { ip: '198.51.100.7', email: 'admin@hub.test' }

describe('login limiter', () => {
  it('allows the free failures, then makes the client wait 1 s, 2 s, 4 s… up to the cap', () => {
    const { limiter, advance } = clockedLimiter()
    for (let i = 0; i < 3; i += 1) expect(limiter.admit(admin)).toEqual({ allowed: true })
    const waits: number[] = []
    for (let i = 0; i < 6; i += 1) {
      const verdict = limiter.admit(admin)
      if (verdict.allowed) throw new Error('expected a wait')
      waits.push(verdict.retryAfterSeconds)
      advance(verdict.retryAfterSeconds * 1000)
      expect(limiter.admit(admin)).toEqual({ allowed: true })
    }
    expect(waits).toEqual([1, 2, 4, 8, 8, 8])
  })

  it('Retry-After counts down from the last failure and rounds up to whole seconds', () => {
    const { limiter, advance } = clockedLimiter()
    for (let i = 0; i < 4; i += 1) limiter.admit(admin)
    advance(1000)
    // The fifth failure: two past the allowance, so 2 s from now.
    expect(limiter.admit(admin)).toEqual({ allowed: true })
    advance(500)
    expect(limiter.admit(admin)).toEqual({ allowed: false, retryAfterSeconds: 2 })
    advance(600)
    expect(limiter.admit(admin)).toEqual({ allowed: false, retryAfterSeconds: 1 })
    advance(900)
    expect(limiter.admit(admin)).toEqual({ allowed: true })
  })

  it('a refused attempt does not lengthen the wait', () => {
    const { limiter, advance } = clockedLimiter()
    for (let i = 0; i < 4; i += 1) limiter.admit(admin)
    expect(limiter.admit(admin)).toEqual({ allowed: false, retryAfterSeconds: 1 })
    for (let i = 0; i < 20; i += 1) limiter.admit(admin)
    advance(1000)
    expect(limiter.admit(admin)).toEqual({ allowed: true })
  })

  it('a successful login resets that email from that address, and the address keeps its other failures', () => {
    const { limiter } = clockedLimiter({ ...OPTIONS, perIp: { ...OPTIONS.perIp, freeFailures: 4 } })
    limiter.admit(admin)
    limiter.admit(admin)
    limiter.admit(admin)
    limiter.succeeded(admin)
    // The account counter starts afresh (three more free tries); the address has two failures left of four.
    expect(limiter.admit(admin)).toEqual({ allowed: true })
    expect(limiter.admit(admin)).toEqual({ allowed: true })
    expect(limiter.admit({ ...admin, email: 'someone@hub.test' })).toEqual({ allowed: false, retryAfterSeconds: 1 })
  })

  it('failures for one email from one address do not slow the same email from another address', () => {
    const { limiter } = clockedLimiter()
    for (let i = 0; i < 10; i += 1) limiter.admit({ ...admin, ip: '203.0.113.9' })
    expect(limiter.admit({ ...admin, ip: '203.0.113.9' }).allowed).toBe(false)
    expect(limiter.admit(admin)).toEqual({ allowed: true })
  })

  it('one address trying many emails is slowed by the address limit', () => {
    const { limiter } = clockedLimiter()
    for (let i = 0; i < 10; i += 1)
      expect(limiter.admit({ ip: admin.ip, email: `guess${i}@hub.test` }).allowed).toBe(true)
    expect(limiter.admit({ ip: admin.ip, email: 'guess-next@hub.test' })).toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    })
  })

  it('forgets a key that stayed quiet for the cap after its wait, so memory does not keep every stranger', () => {
    const { limiter, advance } = clockedLimiter()
    for (let i = 0; i < 4; i += 1) limiter.admit(admin)
    advance(1000 + 8000)
    expect(limiter.admit(admin)).toEqual({ allowed: true })
    expect(limiter.admit(admin)).toEqual({ allowed: true })
  })

  it('never remembers more than maxKeys keys per counter; the least recently failed go first', () => {
    const { limiter } = clockedLimiter({ ...OPTIONS, maxKeys: 50 })
    for (let i = 0; i < 4; i += 1) limiter.admit(admin)
    for (let i = 0; i < 5000; i += 1) limiter.admit({ ip: `10.0.${i >> 8}.${i & 255}`, email: `random${i}@hub.test` })
    expect(limiter.size()).toEqual({ ip: 50, account: 50 })
    // The admin's old penalty was evicted with the oldest keys.
    expect(limiter.admit(admin)).toEqual({ allowed: true })
  })
})

describe('login limit settings', () => {
  it('default to 20 failures per address, 5 per account, waits up to 15 minutes', () => {
    const options = loginLimitOptions({} as never)
    expect(options.perIp).toEqual({ freeFailures: 20, firstDelayMs: 1000, maxDelayMs: 900_000 })
    expect(options.perAccount.freeFailures).toBe(5)
  })

  it('are read from HUB_LOGIN_LIMIT_PER_IP, HUB_LOGIN_LIMIT_PER_ACCOUNT and HUB_LOGIN_BACKOFF_MAX_SECONDS', () => {
    const options = loginLimitOptions({
      HUB_LOGIN_LIMIT_PER_IP: '50',
      HUB_LOGIN_LIMIT_PER_ACCOUNT: '3',
      HUB_LOGIN_BACKOFF_MAX_SECONDS: '60',
    } as never)
    expect([options.perIp.freeFailures, options.perAccount.freeFailures, options.perAccount.maxDelayMs]).toEqual([
      50, 3, 60_000,
    ])
  })

  it.each([
    [{ HUB_LOGIN_LIMIT_PER_IP: 'lots' }, /HUB_LOGIN_LIMIT_PER_IP is 'lots'; expected a whole number from 1 to 100000/],
    [{ HUB_LOGIN_LIMIT_PER_ACCOUNT: '0' }, /HUB_LOGIN_LIMIT_PER_ACCOUNT is '0'/],
    [
      { HUB_LOGIN_BACKOFF_MAX_SECONDS: '1.5' },
      /HUB_LOGIN_BACKOFF_MAX_SECONDS is '1.5'; expected a whole number from 1 to 86400/,
    ],
  ])('refuse %j with the setting and what it expects', (env, message) => {
    expect(() => loginLimitOptions(env as never)).toThrow(message)
  })
})
