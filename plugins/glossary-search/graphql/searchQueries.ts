import type { GraphQLNullableType } from 'graphql'
import { APIError, type GraphQLExtension, type Payload, type PayloadRequest } from 'payload'

import { parseGlossaryIndexQuery, parseSearchQuery, type Parsed } from '../core/params'
import { glossaryIndexResult, searchResult } from '../server/answer'
import type { SearchService } from '../server/service'

/** GraphQL arguments as the REST query string, so both go through one validation. */
const asParams = (args: Record<string, unknown>): URLSearchParams => {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(args)) {
    if (value === undefined || value === null) continue
    params.set(name, Array.isArray(value) ? value.join(',') : String(value))
  }
  return params
}

const failOn = <T>(parsed: Parsed<T>): T => {
  if (parsed.ok) return parsed.query
  throw new APIError(parsed.errors[0]?.message ?? 'Invalid arguments', 400, { errors: parsed.errors }, true)
}

const ready = async (service: SearchService) =>
  service.ready().catch(() => {
    throw new APIError('Search is not available right now (the index is building); retry shortly.', 503, null, true)
  })

/** The answer, or the REST endpoint's 400 for a glossary slug that names no glossary. */
const valueOrUnknownGlossary = <T>(result: { value?: T; error?: unknown }, glossary: string | undefined): T => {
  if (!result.error) return result.value as T
  const message = `no glossary with slug "${glossary}"`
  throw new APIError(message, 400, { errors: [{ parameter: 'glossary', message }] }, true)
}

/**
 * `glossarySearch(q, locale, type, glossary, limit)` and `glossaryIndex(glossary, locale)`: the answers of
 * GET /api/search and /api/glossary-index, same rules; bad arguments are errors with statusCode 400.
 */
export const searchQueries =
  (getService: (payload: Payload) => SearchService, existing?: GraphQLExtension): GraphQLExtension =>
  (GraphQL, context) => {
    const { GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString } = GraphQL
    const nonNull = <T extends GraphQLNullableType>(type: T) => new GraphQLNonNull(type)
    const list = <T extends GraphQLNullableType>(type: T) => nonNull(new GraphQLList(nonNull(type)))

    const hit = new GraphQLObjectType({
      name: 'GlossarySearchHit',
      fields: {
        type: { type: nonNull(GraphQLString) },
        slug: { type: nonNull(GraphQLString) },
        title: { type: nonNull(GraphQLString) },
        summary: { type: nonNull(GraphQLString) },
        url: { type: nonNull(GraphQLString) },
        snippet: { type: nonNull(GraphQLString), description: 'Escaped HTML; matches are wrapped in <mark>.' },
      },
    })
    const results = new GraphQLObjectType({
      name: 'GlossarySearchResults',
      fields: {
        q: { type: nonNull(GraphQLString) },
        locale: { type: nonNull(GraphQLString) },
        total: { type: nonNull(GraphQLInt) },
        hits: { type: list(hit) },
      },
    })
    const entry = new GraphQLObjectType({
      name: 'GlossaryIndexEntry',
      fields: {
        slug: { type: nonNull(GraphQLString) },
        term: { type: nonNull(GraphQLString) },
        reading: { type: GraphQLString },
        summary: { type: nonNull(GraphQLString) },
        url: { type: nonNull(GraphQLString) },
      },
    })
    const group = new GraphQLObjectType({
      name: 'GlossaryIndexGroup',
      fields: {
        key: { type: nonNull(GraphQLString) },
        kind: { type: nonNull(GraphQLString) },
        entries: { type: list(entry) },
      },
    })
    const index = new GraphQLObjectType({
      name: 'GlossaryIndex',
      fields: {
        glossary: { type: GraphQLString },
        locale: { type: nonNull(GraphQLString) },
        total: { type: nonNull(GraphQLInt) },
        groups: { type: list(group) },
      },
    })

    return {
      ...(existing?.(GraphQL, context) ?? {}),
      glossarySearch: {
        type: results,
        args: {
          q: { type: nonNull(GraphQLString) },
          locale: { type: GraphQLString },
          type: { type: new GraphQLList(nonNull(GraphQLString)) },
          glossary: { type: GraphQLString },
          limit: { type: GraphQLInt },
        },
        resolve: async (_source: unknown, args: Record<string, unknown>, { req }: { req: PayloadRequest }) => {
          const query = failOn(parseSearchQuery(asParams(args)))
          const service = getService(req.payload)
          await ready(service)
          const result = searchResult(service, query)
          return valueOrUnknownGlossary(result, query.glossary)
        },
      },
      glossaryIndex: {
        type: index,
        args: { glossary: { type: GraphQLString }, locale: { type: GraphQLString } },
        resolve: async (_source: unknown, args: Record<string, unknown>, { req }: { req: PayloadRequest }) => {
          const query = failOn(parseGlossaryIndexQuery(asParams(args)))
          const service = getService(req.payload)
          await ready(service)
          const result = glossaryIndexResult(service, query)
          return valueOrUnknownGlossary(result, query.glossary)
        },
      },
    }
  }
