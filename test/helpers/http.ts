import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { handleEndpoints } from 'payload'

import { guardCollectionQueries } from '../../src/api/queryGuard'
import { guardGraphQLRequests } from '../../src/security/graphqlRequests'
import { config } from './payload'

const ORIGIN = 'http://localhost:3000'

const headers = (token?: string, extra: Record<string, string> = {}) => ({
  ...extra,
  ...(token ? { Authorization: `JWT ${token}` } : {}),
})

/** A REST call through Payload's own router, as a storefront (no token) or a signed-in user. */
export const rest = async (
  path: string,
  { token, method = 'GET', body }: { token?: string; method?: string; body?: unknown } = {},
) => {
  const request = new Request(`${ORIGIN}${path}`, {
    method,
    headers: headers(token, body ? { 'content-type': 'application/json' } : {}),
    body: body ? JSON.stringify(body) : undefined,
  })
  const route = (r: Request) => handleEndpoints({ config, request: r })
  // GET goes through the same query guard as the Next route.
  const response = method === 'GET' ? await guardCollectionQueries(route)(request, undefined) : await route(request)
  const text = await response.text()
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : undefined }
}

/** A GraphQL POST through the same guard as the Next route; `body` replaces the JSON `{ query }` when given. */
export const graphql = async (
  query: string,
  token?: string,
  { body, headers: extra = {} }: { body?: string; headers?: Record<string, string> } = {},
) => {
  const request = new Request(`${ORIGIN}/api/graphql`, {
    method: 'POST',
    headers: headers(token, { 'content-type': 'application/json', ...extra }),
    body: body ?? JSON.stringify({ query }),
  })
  const response = await guardGraphQLRequests(GRAPHQL_POST(config))(request)
  const text = await response.text()
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : undefined }
}
