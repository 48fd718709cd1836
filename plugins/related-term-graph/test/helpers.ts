import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { handleEndpoints, type Payload } from 'payload'

import { config } from '../../../test/helpers/payload'

/** Lexical rich text with one paragraph per string. */
export const richText = (...paragraphs: string[]) => ({
  root: {
    type: 'root',
    format: '' as const,
    indent: 0,
    version: 1,
    direction: 'ltr' as const,
    children: paragraphs.map((text) => ({
      type: 'paragraph',
      format: '' as const,
      indent: 0,
      version: 1,
      direction: 'ltr' as const,
      textFormat: 0,
      children: [{ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
    })),
  },
})

/** An editor account and its JWT. */
export const staffToken = async (payload: Payload, email = 'editor@example.com'): Promise<string> => {
  const password = 'correct-horse-battery-staple'
  await payload.create({ collection: 'users', data: { email, password, roles: ['editor'] }, overrideAccess: true })
  const { token } = await payload.login({ collection: 'users', data: { email, password } })
  if (!token) throw new Error(`no token for ${email}`)
  return token
}

/** A REST call through Payload's own router, anonymously or as a signed-in user. */
export const send = async (method: string, path: string, { token, body }: { token?: string; body?: unknown } = {}) => {
  const request = new Request(`http://localhost:3000${path}`, {
    method,
    headers: {
      ...(token ? { Authorization: `JWT ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  })
  const response = await handleEndpoints({ config, request })
  const text = await response.text()
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : undefined }
}

export const get = (path: string, token?: string) => send('GET', path, { token })

export const graphql = async (query: string, token?: string) => {
  const request = new Request('http://localhost:3000/api/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { Authorization: `JWT ${token}` } : {}) },
    body: JSON.stringify({ query }),
  })
  const response = await GRAPHQL_POST(config)(request)
  return { status: response.status, json: await response.json() }
}
