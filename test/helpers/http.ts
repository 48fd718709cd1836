import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { handleEndpoints } from 'payload'

import { guardRestRoute } from '../../src/api/restRoute'
import { withBodyLimit } from '../../src/security/bodyLimits'
import { guardGraphQLRequests } from '../../src/security/graphqlRequests'
import { config } from './payload'

const ORIGIN = 'http://localhost:3000'

const headers = (token?: string, extra: Record<string, string> = {}) => ({
  ...extra,
  ...(token ? { Authorization: `JWT ${token}` } : {}),
})

// The same chains as src/app/(payload)/api/[...slug]/route.ts and api/graphql/route.ts.
const restRoute = guardRestRoute((request: Request) => handleEndpoints({ config, request }))
const graphqlRoute = withBodyLimit(guardGraphQLRequests(GRAPHQL_POST(config)))

const answerOf = async (response: Response) => {
  const text = await response.text()
  let json: unknown
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    throw new Error(`answered ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`)
  }
  return { status: response.status, headers: response.headers, json: json as any }
}

/**
 * A REST call through the same wrappers as the Next route (every method), as a storefront (no token) or a
 * signed-in user. `body` is sent as JSON; `rawBody` with `headers` sends anything else (forms, multipart).
 */
export const rest = async (
  path: string,
  {
    token,
    method = 'GET',
    body,
    rawBody,
    headers: extra = {},
  }: { token?: string; method?: string; body?: unknown; rawBody?: BodyInit; headers?: Record<string, string> } = {},
) => {
  const request = new Request(`${ORIGIN}${path}`, {
    method,
    headers: headers(token, { ...(body ? { 'content-type': 'application/json' } : {}), ...extra }),
    body: rawBody ?? (body ? JSON.stringify(body) : undefined),
  })
  return answerOf(await restRoute(request, undefined))
}

/** A GraphQL POST through the same guard as the Next route; `body` replaces the JSON `{ query }` when given. */
export const graphql = async (
  query: string,
  token?: string,
  { body, headers: extra = {} }: { body?: BodyInit; headers?: Record<string, string> } = {},
) => {
  const request = new Request(`${ORIGIN}/api/graphql`, {
    method: 'POST',
    // A FormData body brings its own multipart content type (with the boundary).
    headers: headers(token, { ...(body instanceof FormData ? {} : { 'content-type': 'application/json' }), ...extra }),
    body: body ?? JSON.stringify({ query }),
  })
  return answerOf(await graphqlRoute(request))
}
