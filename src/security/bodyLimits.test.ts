import { describe, expect, it } from 'vitest'

import { bodyLimitFor, bodyLimitsFromEnv, DEFAULT_BODY_LIMITS, limitRequestBody } from './bodyLimits'

const KIB = 1024

describe('body limits from the environment', () => {
  it('defaults to 64 KiB for auth and GraphQL and 2 MiB for other writes, each overridable in KiB', () => {
    expect(bodyLimitsFromEnv({})).toEqual({ auth: 64 * KIB, graphql: 64 * KIB, write: 2048 * KIB })
    expect(
      bodyLimitsFromEnv({
        HUB_BODY_LIMIT_AUTH_KB: '8',
        HUB_BODY_LIMIT_GRAPHQL_KB: ' 128 ',
        HUB_BODY_LIMIT_WRITE_KB: '',
      }),
    ).toEqual({
      auth: 8 * KIB,
      graphql: 128 * KIB,
      write: 2048 * KIB,
    })
  })

  it.each([
    ['HUB_BODY_LIMIT_AUTH_KB', '64k'],
    ['HUB_BODY_LIMIT_GRAPHQL_KB', '0'],
    ['HUB_BODY_LIMIT_WRITE_KB', '-5'],
    ['HUB_BODY_LIMIT_WRITE_KB', '1.5'],
    ['HUB_BODY_LIMIT_WRITE_KB', '99999999'],
  ])('refuses %s=%s naming the setting and what it expects', (name, value) => {
    expect(() => bodyLimitsFromEnv({ [name]: value })).toThrow(
      new RegExp(`${name} is '${value.replace('.', '\\.')}'; expected a whole number of KiB`),
    )
  })
})

describe('which limit a route gets', () => {
  it.each([
    ['/api/users/login', 'auth'],
    ['/api/users/forgot-password', 'auth'],
    ['/api/users/reset-password', 'auth'],
    ['/api/users/first-register', 'auth'],
    ['/api/users/refresh-token', 'auth'],
    ['/api/users/unlock', 'auth'],
    ['/api/graphql', 'graphql'],
    ['/api/glossary-terms', 'write'],
    ['/api/glossary-terms/login-page-term', 'write'],
    ['/api/users/me', 'write'],
    ['/admin/login', 'write'],
  ])('%s → %s', (pathname, kind) => {
    expect(bodyLimitFor(pathname, DEFAULT_BODY_LIMITS).kind).toBe(kind)
  })
})

describe('limitRequestBody', () => {
  const limits = { auth: 1 * KIB, graphql: 1 * KIB, write: 4 * KIB }

  it('answers 413 from a Content-Length over the limit, naming the limit and its setting', async () => {
    const request = new Request('http://hub.test/api/users/login', {
      method: 'POST',
      headers: { 'content-length': '5000' },
      body: 'x'.repeat(5000),
    })
    const answer = await limitRequestBody(request, limits)
    expect(answer).toBeInstanceOf(Response)
    const response = answer as Response
    expect(response.status).toBe(413)
    const { errors } = await response.json()
    expect(errors[0]).toMatchObject({ parameter: 'body', limit: { kind: 'auth', bytes: 1024 } })
    expect(errors[0].message).toMatch(/1 KiB limit for auth requests \(set HUB_BODY_LIMIT_AUTH_KB/)
  })

  it('stops reading a body without Content-Length once it passes the limit', async () => {
    let pulled = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1
        controller.enqueue(new Uint8Array(1024))
      },
    })
    const request = new Request('http://hub.test/api/graphql', {
      method: 'POST',
      body: endless,
      duplex: 'half',
    } as RequestInit)
    const answer = await limitRequestBody(request, limits)
    expect((answer as Response).status).toBe(413)
    expect(pulled).toBeLessThan(5)
  })

  it('passes a body under the limit on, readable whole', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"email":'))
        controller.enqueue(new TextEncoder().encode('"a@b.c"}'))
        controller.close()
      },
    })
    const request = new Request('http://hub.test/api/users/login', {
      method: 'POST',
      body,
      duplex: 'half',
    } as RequestInit)
    const answer = await limitRequestBody(request, limits)
    expect(answer).toBeInstanceOf(Request)
    expect(await (answer as Request).json()).toEqual({ email: 'a@b.c' })
  })
})
