import { REST_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CLIENT_IP_HEADER, trustClientIpHeader } from '../../src/security/clientIp'
import { createUser } from '../helpers/fixtures'
import { graphql } from '../helpers/http'
import { config, startPayload } from '../helpers/payload'

const ADMIN = 'admin@example.com'
const PASSWORD = 'correct-horse-battery-staple'

let payload: Payload

beforeAll(async () => {
  // As `npm start`'s worker does: it writes each request's address into CLIENT_IP_HEADER.
  trustClientIpHeader()
  payload = await startPayload()
  await createUser(payload, ADMIN, ['admin'])
})
afterAll(async () => {
  await payload?.destroy()
})

/** A POST through the route's POST handler (REST_POST), from the given client address. */
const post = async (path: string, body: unknown, ip: string) => {
  const request = new Request(`http://localhost:3000/api/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CLIENT_IP_HEADER]: ip },
    body: JSON.stringify(body),
  })
  const response = await REST_POST(config)(request, { params: Promise.resolve({ slug: path.split('/') }) })
  return { status: response.status, headers: response.headers, json: await response.json() }
}

const login = (email: string, password: string, ip: string) => post('users/login', { email, password }, ip)

const graphqlLogin = (email: string, password: string, ip: string) =>
  graphql(
    `mutation { loginUser(email: ${JSON.stringify(email)}, password: ${JSON.stringify(password)}) { token } }`,
    undefined,
    {
      headers: { [CLIENT_IP_HEADER]: ip },
    },
  )

describe('login rate limits instead of an account lock', () => {
  it('six wrong passwords from one address do not lock the admin out from another address', async () => {
    for (let i = 0; i < 6; i += 1) await login(ADMIN, 'wrong-guess', '203.0.113.66')
    const fromElsewhere = await login(ADMIN, PASSWORD, '198.51.100.7')
    expect(fromElsewhere.status).toBe(200)
    expect(fromElsewhere.json.token).toEqual(expect.any(String))
  })

  it('repeated failures from one address answer 429 with Retry-After and a JSON error, even for the right password', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 7; i += 1) statuses.push((await login(ADMIN, 'wrong-guess', '203.0.113.77')).status)
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429])
    const refused = await login(ADMIN, PASSWORD, '203.0.113.77')
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(refused.json).toEqual({
      errors: [{ message: expect.stringMatching(/^Too many failed logins\. Try again in \d+ seconds\.$/) }],
    })
  })

  it('a successful login gives that email from that address its free tries back', async () => {
    const ip = '203.0.113.88'
    for (let i = 0; i < 4; i += 1) expect((await login(ADMIN, 'wrong-guess', ip)).status).toBe(401)
    expect((await login(ADMIN, PASSWORD, ip)).status).toBe(200)
    for (let i = 0; i < 5; i += 1) expect((await login(ADMIN, 'wrong-guess', ip)).status).toBe(401)
  })

  it('one address guessing many emails is slowed by the address limit (20 failures by default)', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 21; i += 1) statuses.push((await login(`stranger${i}@example.com`, 'x', '203.0.113.99')).status)
    expect(statuses.slice(0, 20).every((status) => status === 401)).toBe(true)
    expect(statuses[20]).toBe(429)
  })

  it('GraphQL loginUser is limited too, each aliased field counting as one attempt', async () => {
    const guesses = Array.from(
      { length: 8 },
      (_, i) => `g${i}: loginUser(email: "${ADMIN}", password: "guess-${i}") { token }`,
    )
    const { status, headers, json } = await graphql(`mutation { ${guesses.join(' ')} }`, undefined, {
      headers: { [CLIENT_IP_HEADER]: '192.0.2.10' },
    })
    expect(status).toBe(429)
    expect(Number(headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    const codes = (json.errors as { extensions: { statusCode: number } }[]).map((error) => error.extensions.statusCode)
    expect(codes).toEqual([401, 401, 401, 401, 401, 429, 429, 429])
    expect((await graphqlLogin(ADMIN, PASSWORD, '192.0.2.11')).json.data.loginUser.token).toEqual(expect.any(String))
  })
})

describe('a failed login says nothing about whether the account exists', () => {
  it('unknown email, wrong password and an account others hammered answer the same status and body (REST)', async () => {
    const unknown = await login('nobody@example.com', 'wrong-guess', '192.0.2.20')
    const wrong = await login(ADMIN, 'wrong-guess', '192.0.2.21')
    // The admin has had many failures from other addresses above: under Payload's lock this said "locked".
    for (let i = 0; i < 6; i += 1) await login(ADMIN, 'wrong-guess', '192.0.2.22')
    const hammered = await login(ADMIN, 'wrong-guess', '192.0.2.23')
    expect(unknown.status).toBe(401)
    for (const answer of [wrong, hammered]) expect([answer.status, answer.json]).toEqual([unknown.status, unknown.json])
    expect(unknown.json).toEqual({ errors: [{ message: expect.any(String) }] })
  })

  it('unknown email and wrong password answer the same through GraphQL loginUser', async () => {
    const unknown = await graphqlLogin('nobody@example.com', 'wrong-guess', '192.0.2.30')
    const wrong = await graphqlLogin(ADMIN, 'wrong-guess', '192.0.2.31')
    expect(unknown.json.errors[0].extensions.statusCode).toBe(401)
    expect([wrong.status, wrong.json]).toEqual([unknown.status, unknown.json])
  })

  it('forgot-password answers the same whether the email exists or not', async () => {
    const known = await post('users/forgot-password', { email: ADMIN }, '192.0.2.40')
    const unknown = await post('users/forgot-password', { email: 'nobody@example.com' }, '192.0.2.40')
    expect(known.status).toBe(200)
    expect([unknown.status, unknown.json]).toEqual([known.status, known.json])
  })
})
