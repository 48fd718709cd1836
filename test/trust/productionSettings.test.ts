import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The config reads these once, when it is first imported.
process.env.PUBLIC_SERVER_URL = 'https://hub.example.com'
process.env.STOREFRONT_URL = 'https://shop.example.com'
process.env.CORS_ORIGINS = 'https://preview.example.com'

let payload: Payload
let helpers: typeof import('../helpers/http')
let token: string

beforeAll(async () => {
  const { startPayload } = await import('../helpers/payload')
  const fixtures = await import('../helpers/fixtures')
  helpers = await import('../helpers/http')
  payload = await startPayload()
  await fixtures.createUser(payload, 'admin@example.com', ['admin'])
  token = await fixtures.loginToken(payload, 'admin@example.com')
})
afterAll(async () => {
  await payload?.destroy()
})

const get = async (path: string, headers: Record<string, string>) => {
  const { handleEndpoints } = await import('payload')
  const { config } = await import('../helpers/payload')
  return handleEndpoints({ config, request: new Request(`https://hub.example.com${path}`, { headers }) })
}

describe('CORS allows only the configured storefront and admin origins', () => {
  it.each(['https://shop.example.com', 'https://preview.example.com', 'https://hub.example.com'])(
    'a browser on %s may read the API',
    async (origin) => {
      const response = await get('/api/glossary-terms', { origin })
      expect(response.headers.get('access-control-allow-origin')).toBe(origin)
    },
  )

  it('a browser on any other origin gets no CORS permission', async () => {
    const response = await get('/api/glossary-terms', { origin: 'https://evil.example' })
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('CSRF: a login cookie counts only when sent from a trusted origin', () => {
  it('from the admin origin the cookie signs the user in', async () => {
    const response = await get('/api/users/me', { origin: 'https://hub.example.com', cookie: `payload-token=${token}` })
    expect((await response.json()).user?.email).toBe('admin@example.com')
  })

  it('from another site the same cookie is ignored', async () => {
    const response = await get('/api/users/me', { origin: 'https://evil.example', cookie: `payload-token=${token}` })
    expect((await response.json()).user).toBeNull()
  })
})

describe('GraphQL', () => {
  it('refuses a query above the complexity limit', async () => {
    const fields = Array.from(
      { length: 300 },
      (_, i) => `f${i}: GlossaryTerms(limit: 100) { docs { id term slug summary } }`,
    )
    const { json } = await helpers.graphql(`{ ${fields.join('\n')} }`)
    expect(JSON.stringify(json.errors ?? [])).toMatch(/complexity/i)
    expect(json.data).toBeUndefined()
  })

  it('answers an ordinary query', async () => {
    const { json } = await helpers.graphql('{ GlossaryTerms(limit: 5) { docs { slug } } }')
    expect(json.errors).toBeUndefined()
  })
})
