import { type DocumentNode, type FragmentDefinitionNode, Kind, parse, type SelectionSetNode } from 'graphql'

import { GRAPHQL_BUDGET } from './graphqlBudget'
import { checkMultipartBody } from './requestBodies'

/**
 * Why this exists: Payload's GraphQL route lets three kinds of request reach code that cannot take them.
 * Invalid JSON throws out of its handler (500, empty body); a fragment cycle sends Payload's complexity
 * rule (and graphql-depth-limit) into endless recursion before graphql's NoFragmentCycles rule can
 * answer (stack overflow, 500); and fragments that each spread the next twice make that rule walk 2^n
 * fields. This guard reads the body first and answers all of these 400 with `{ errors: [{ message }] }`;
 * the per-reader budget (graphqlBudget.ts) then runs as a validation rule, where the user is known.
 * It also gives request errors (parse, validation, budget) the 400 that graphql-http answers only to
 * clients asking for application/graphql-response+json.
 */

/** Tokens the parser reads at most: far above any storefront query, well below a parser-bound flood. */
export const MAX_QUERY_TOKENS = 20_000

type Handler = (request: Request) => Promise<Response>

class RequestProblem extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message)
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const problemResponse = (status: number, parameter: string | undefined, message: string, headers?: Headers) =>
  Response.json({ errors: [{ message, ...(parameter ? { extensions: { parameter } } : {}) }] }, { status, headers })

/**
 * Expanded size of every operation without the schema: cycles are refused, fragments measured once.
 * Exported for tests; the limits are the largest any reader gets (staff), the reader's own come later.
 */
export const assertDocumentShape = (document: DocumentNode): void => {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
  }
  const sizes = new Map<string, { fields: number; depth: number }>()
  const active: string[] = []
  // `schemaOnly`: inside introspection, which reads the schema in memory: its size counts, not its depth.
  const measure = (set: SelectionSetNode, schemaOnly = false): { fields: number; depth: number } => {
    let fields = 0
    let depth = 0
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const introspection = schemaOnly || selection.name.value.startsWith('__')
        const inner = selection.selectionSet ? measure(selection.selectionSet, introspection) : { fields: 0, depth: -1 }
        fields += 1 + inner.fields
        if (!introspection) depth = Math.max(depth, 1 + inner.depth)
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const inner = measure(selection.selectionSet, schemaOnly)
        fields += inner.fields
        depth = Math.max(depth, inner.depth)
      } else {
        const name = selection.name.value
        const fragment = fragments.get(name)
        if (!fragment) continue // unknown fragments are reported by graphql's own rules
        if (active.includes(name)) {
          throw new RequestProblem(
            'query',
            `query: fragment cycle ${[...active.slice(active.indexOf(name)), name].join(' → ')}; a fragment cannot spread itself`,
          )
        }
        const key = `${name}\u0000${schemaOnly}`
        let known = sizes.get(key)
        if (!known) {
          active.push(name)
          known = measure(fragment.selectionSet, schemaOnly)
          active.pop()
          sizes.set(key, known)
        }
        fields += known.fields
        depth = Math.max(depth, known.depth)
      }
      if (fields > GRAPHQL_BUDGET.staff.maxFields) {
        throw new RequestProblem(
          'query',
          `query: selects more than ${GRAPHQL_BUDGET.staff.maxFields} fields once fragments are expanded (query budget)`,
        )
      }
    }
    if (depth > GRAPHQL_BUDGET.staff.maxDepth) {
      throw new RequestProblem('query', `query: nests more than ${GRAPHQL_BUDGET.staff.maxDepth} levels (query budget)`)
    }
    return { fields, depth }
  }
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) measure(definition.selectionSet)
    // Fragments no operation uses are still walked: a cycle among them must not reach the schema rules.
    if (definition.kind === Kind.FRAGMENT_DEFINITION && !sizes.has(`${definition.name.value}\u0000false`)) {
      active.push(definition.name.value)
      sizes.set(`${definition.name.value}\u0000false`, measure(definition.selectionSet))
      active.pop()
    }
  }
}

/** Checks a GraphQL POST body: JSON object, `query` a parseable string, `variables` an object, shape in budget. */
export const checkGraphQLBody = (text: string): void => {
  let body: unknown
  try {
    body = text.trim() === '' ? undefined : JSON.parse(text)
  } catch (error) {
    throw new RequestProblem(
      'body',
      `body: not valid JSON (${(error as Error).message}); send {"query": "…", "variables": {…}}`,
    )
  }
  if (!isPlainObject(body))
    throw new RequestProblem(
      'body',
      'body: must be a JSON object {"query": "…", "variables": {…}}; batches are not supported',
    )
  if (typeof body.query !== 'string' || body.query.trim() === '')
    throw new RequestProblem('query', 'query: must be a non-empty string holding the GraphQL document')
  if (body.variables !== undefined && body.variables !== null && !isPlainObject(body.variables)) {
    throw new RequestProblem('variables', 'variables: must be a JSON object of variable values')
  }
  if (body.operationName !== undefined && body.operationName !== null && typeof body.operationName !== 'string') {
    throw new RequestProblem('operationName', 'operationName: must be a string')
  }
  let document: DocumentNode
  try {
    document = parse(body.query, { maxTokens: MAX_QUERY_TOKENS })
  } catch (error) {
    throw new RequestProblem('query', `query: ${(error as Error).message}`)
  }
  assertDocumentShape(document)
}

const isJsonBody = (request: Request) =>
  /^application\/(graphql-response\+)?json\b/i.test(request.headers.get('content-type') ?? '')

/**
 * An answer of only errors (no `data`: the request never ran) is a request error, 400; an answer whose
 * errors carry status 429 (a rate limit) is 429. Everything else passes unchanged.
 */
const withRequestErrorStatus = async (response: Response): Promise<Response> => {
  if (response.status !== 200 || !/json/i.test(response.headers.get('content-type') ?? '')) return response
  const text = await response.text()
  let status = 200
  if (text.startsWith('{"errors"')) {
    try {
      const body = JSON.parse(text) as { data?: unknown; errors?: { extensions?: { statusCode?: number } }[] }
      if (!('data' in body)) status = 400
      else if (body.errors?.some((error) => error.extensions?.statusCode === 429)) status = 429
    } catch {
      // not ours to judge: send as it came
    }
  }
  return new Response(text, {
    status,
    statusText: status === 200 ? response.statusText : undefined,
    headers: response.headers,
  })
}

/** Wraps Payload's GRAPHQL_POST: malformed bodies (JSON or multipart) answer 400 before Payload reads them. */
export const guardGraphQLRequests =
  (handler: Handler): Handler =>
  async (request) => {
    const bodyProblem = await checkMultipartBody(request)
    if (bodyProblem) return problemResponse(400, bodyProblem.parameter, bodyProblem.message)
    if (request.method === 'POST' && isJsonBody(request)) {
      try {
        checkGraphQLBody(await request.clone().text())
      } catch (error) {
        if (error instanceof RequestProblem) return problemResponse(400, error.parameter, error.message)
        throw error
      }
    }
    let response: Response
    try {
      response = await handler(request)
    } catch (error) {
      // Payload throws its 4xx APIErrors (e.g. a multipart body it cannot read) out of this route.
      const status = (error as { status?: unknown }).status
      if (typeof status === 'number' && status >= 400 && status < 500)
        return problemResponse(status, undefined, (error as Error).message)
      throw error
    }
    return withRequestErrorStatus(response)
  }
