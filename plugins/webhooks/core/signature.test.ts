import { createHmac } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { generateSecret, parseSignatureHeader, signBody, verifySignature } from './signature'

const secret = 'whsec_lantern-harbor-secret-value'
const body = '{"id":"evt_1","type":"publish","note":"日本語も"}'

describe('signatures', () => {
  it('signs t.body with HMAC-SHA256 in the t=…,v1=… form a receiver can recompute by hand', () => {
    const header = signBody(secret, body, 1_800_000_000)
    const expected = createHmac('sha256', secret).update(`1800000000.${body}`).digest('hex')
    expect(header).toBe(`t=1800000000,v1=${expected}`)
  })

  it('accepts its own signature and refuses a changed body, another secret, an old timestamp or a junk header', () => {
    const now = 1_800_000_000
    const header = signBody(secret, body, now)
    expect(verifySignature({ body, header, secret, now })).toEqual({ ok: true, timestamp: now })
    expect(verifySignature({ body: body.replace('publish', 'delete'), header, secret, now }).ok).toBe(false)
    expect(verifySignature({ body, header, secret: 'whsec_other-secret-of-same-length', now }).ok).toBe(false)
    expect(verifySignature({ body, header, secret, now: now + 301 })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('tolerance'),
    })
    expect(verifySignature({ body, header: 't=abc,v1=zz', secret, now }).ok).toBe(false)
    expect(verifySignature({ body, header: undefined, secret, now })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('missing'),
    })
  })

  it('accepts any of several v1 values and ignores unknown schemes', () => {
    const now = 1_800_000_100
    const good = signBody(secret, body, now).split(',v1=')[1]
    const header = `t=${now},v0=abc,v1=${'0'.repeat(64)},v1=${good}`
    expect(parseSignatureHeader(header).signatures).toHaveLength(2)
    expect(verifySignature({ body, header, secret, now }).ok).toBe(true)
  })

  it('generates long, distinct secrets', () => {
    const a = generateSecret()
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/)
    expect(generateSecret()).not.toBe(a)
  })
})
