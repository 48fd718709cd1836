import * as qs from 'qs-esm'

import { collections } from '../../collections'
import { checkMultipartBody, methodOverrideQuery } from '../security/requestBodies'

/** A query-string problem a client fixes: answered as 400 naming the parameter. */
export type QueryProblem = { parameter: string; message: string }

// Payload has no point fields here, so geo operators can only be mistakes (and crash the SQL adapter).
export const VALUE_OPERATORS = new Set([
  'equals',
  'not_equals',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'not_like',
  'contains',
  'exists',
])
export const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])

const NUMBER_LIMITS: Record<string, [number, number]> = {
  limit: [0, 1000],
  page: [1, 1_000_000],
  depth: [0, 10],
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isScalar = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'

const checkWhere = (where: unknown, path: string): QueryProblem | null => {
  if (!isPlainObject(where)) return { parameter: path, message: 'must be an object of field conditions' }
  for (const [key, condition] of Object.entries(where)) {
    const here = `${path}[${key}]`
    if (key === 'and' || key === 'or') {
      const list = Array.isArray(condition) ? condition : isPlainObject(condition) ? Object.values(condition) : null
      if (!list) return { parameter: here, message: 'must be a list of conditions' }
      for (const [index, item] of list.entries()) {
        const problem = checkWhere(item, `${here}[${index}]`)
        if (problem) return problem
      }
      continue
    }
    if (!isPlainObject(condition)) return { parameter: here, message: 'must name an operator, e.g. [equals]' }
    for (const [operator, value] of Object.entries(condition)) {
      const at = `${here}[${operator}]`
      if (VALUE_OPERATORS.has(operator)) {
        if (!isScalar(value)) return { parameter: at, message: 'must be a single value' }
      } else if (LIST_OPERATORS.has(operator)) {
        const values = Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : [value]
        if (!values.every(isScalar)) return { parameter: at, message: 'must be a comma-separated list of values' }
      } else {
        return { parameter: at, message: `unknown operator '${operator}'` }
      }
    }
  }
  return null
}

/**
 * Checks the query parameters Payload's REST API parses itself (limit, page, depth, where) before
 * Payload sees them: malformed ones would otherwise surface as 500s from the database layer.
 */
export const checkRestQuery = (search: string): QueryProblem | null => {
  let query: Record<string, unknown>
  try {
    query = qs.parse(search, { allowEmptyArrays: true, arrayLimit: 1000, depth: 10, ignoreQueryPrefix: true })
  } catch {
    return { parameter: 'query', message: 'is not a valid query string' }
  }
  for (const [name, [min, max]] of Object.entries(NUMBER_LIMITS)) {
    if (!(name in query)) continue
    const raw = query[name]
    const value = typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : NaN
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      return { parameter: name, message: `must be a whole number from ${min} to ${max}` }
    }
  }
  // Payload JSON-parses a `data` string (the query form of a body) without catching the error.
  if (typeof query.data === 'string' && query.data.length > 0) {
    try {
      JSON.parse(query.data)
    } catch {
      return { parameter: 'data', message: 'is not valid JSON; send the document as a JSON body instead' }
    }
  }
  if ('where' in query) {
    let where = query.where
    if (typeof where === 'string') {
      try {
        where = JSON.parse(where)
      } catch {
        return { parameter: 'where', message: 'is not valid JSON; use where[field][operator]=value' }
      }
    }
    const problem = checkWhere(where, 'where')
    if (problem) return problem
  }
  return null
}

type RouteHandler<Context> = (request: Request, context: Context) => Promise<Response>

const problemResponse = (problem: QueryProblem) =>
  Response.json(
    {
      errors: [
        {
          ...problem,
          message: problem.message.startsWith(problem.parameter)
            ? problem.message
            : `${problem.parameter} ${problem.message}`,
        },
      ],
    },
    { status: 400 },
  )

/** Every way a request to a collection endpoint hands Payload a query or a body it parses without checking. */
const checkCollectionRequest = async (request: Request, url: URL): Promise<QueryProblem | null> => {
  const problem = checkRestQuery(url.search)
  if (problem) return problem
  const override = await methodOverrideQuery(request)
  if (override && 'search' in override) return checkRestQuery(override.search)
  return override
}

/**
 * Payload's own parameter errors (ours among them) carry the parameter in `data`; lifted beside the
 * message so every 400 reads `{ errors: [{ message, parameter }] }`.
 */
const withParameterNamed = async (response: Response): Promise<Response> => {
  if (response.status !== 400 || !/json/i.test(response.headers.get('content-type') ?? '')) return response
  const text = await response.text()
  try {
    const body = JSON.parse(text) as { errors?: { data?: { parameter?: unknown }; parameter?: unknown }[] }
    for (const error of body.errors ?? []) {
      if (typeof error.data?.parameter === 'string' && error.parameter === undefined)
        error.parameter = error.data.parameter
    }
    const headers = new Headers(response.headers)
    headers.delete('content-length')
    return new Response(JSON.stringify(body), { status: 400, statusText: response.statusText, headers })
  } catch {
    return new Response(text, { status: 400, statusText: response.statusText, headers: response.headers })
  }
}

/**
 * Wraps a route handler of any method: a malformed query to a collection endpoint (`/api/<slug>…`),
 * in the URL or in a method-override form body, and (on any endpoint) a multipart body whose `_payload`
 * is not JSON get a 400 JSON answer instead of reaching Payload. Plugin endpoints validate their own
 * query parameters.
 */
export const guardQueries =
  <Context>(handler: RouteHandler<Context>, collectionSlugs: readonly string[]): RouteHandler<Context> =>
  async (request, context) => {
    const url = new URL(request.url)
    const slug = /^\/api\/([^/?]+)/.exec(url.pathname)?.[1]
    // Any endpoint may read a multipart body through Payload's parser; queries are the collections' own.
    const bodyProblem = await checkMultipartBody(request)
    if (bodyProblem) return problemResponse(bodyProblem)
    if (!slug || !collectionSlugs.includes(slug)) return handler(request, context)
    const problem = await checkCollectionRequest(request, url)
    if (problem) return problemResponse(problem)
    return withParameterNamed(await handler(request, context))
  }

const HUB_COLLECTION_SLUGS = collections.map((collection) => collection.slug)

/** `guardQueries` for the hub's own collections: what the `/api` route uses. */
export const guardCollectionQueries = <Context>(handler: RouteHandler<Context>): RouteHandler<Context> =>
  guardQueries(handler, HUB_COLLECTION_SLUGS)
