import type { GraphQLNullableType } from 'graphql'
import { APIError, type GraphQLExtension, type Payload, type PayloadRequest } from 'payload'

import { ALL_EDGE_TYPES } from '../core/graphIndex'
import { localeOrder, presentNeighbourhood } from '../core/present'
import { graphParams, parseParams } from '../endpoints/params'
import type { TermGraphService } from '../server/service'

/**
 * `termGraph(root: String!, depth: Int, types: [String], limit: Int, locale: String)`: the same
 * shape and rules as GET /api/term-graph. Bad arguments and unknown roots are GraphQL errors
 * carrying `extensions.statusCode` 400/404 and `extensions.data.errors` naming the argument.
 */
export const termGraphQueries =
  (getService: (payload: Payload) => TermGraphService, existing?: GraphQLExtension): GraphQLExtension =>
  (GraphQL, context) => {
    const { GraphQLFloat, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString } = GraphQL
    const nonNull = <T extends GraphQLNullableType>(type: T) => new GraphQLNonNull(type)

    const node = new GraphQLObjectType({
      name: 'TermGraphNode',
      fields: {
        id: { type: nonNull(GraphQLString) },
        slug: { type: nonNull(GraphQLString) },
        term: { type: nonNull(GraphQLString) },
        glossary: { type: GraphQLString },
        score: { type: nonNull(GraphQLFloat) },
      },
    })
    const edge = new GraphQLObjectType({
      name: 'TermGraphEdge',
      fields: {
        source: { type: nonNull(GraphQLString) },
        target: { type: nonNull(GraphQLString) },
        type: { type: nonNull(GraphQLString) },
        weight: { type: nonNull(GraphQLFloat) },
        evidence: { type: GraphQLString },
      },
    })
    const graph = new GraphQLObjectType({
      name: 'TermGraph',
      fields: {
        root: { type: nonNull(GraphQLString) },
        nodes: { type: nonNull(new GraphQLList(nonNull(node))) },
        edges: { type: nonNull(new GraphQLList(nonNull(edge))) },
      },
    })

    return {
      ...(existing?.(GraphQL, context) ?? {}),
      termGraph: {
        type: graph,
        args: {
          root: { type: nonNull(GraphQLString) },
          depth: { type: GraphQLInt },
          types: { type: new GraphQLList(GraphQLString) },
          limit: { type: GraphQLInt },
          locale: { type: GraphQLString },
        },
        resolve: async (_source: unknown, args: Record<string, unknown>, { req }: { req: PayloadRequest }) => {
          const service = getService(req.payload)
          const parsed = parseParams(graphParams(service.locales, service.defaultLocale), args)
          if (!parsed.ok) {
            const [first] = parsed.errors
            throw new APIError(first?.message ?? 'Invalid arguments', 400, { errors: parsed.errors }, true)
          }
          const { root, depth, types, limit, locale } = parsed.data
          const view = service.viewFor(req)
          const index = await service.view(view).catch((error: unknown) => {
            req.payload.logger.error({ err: error }, 'related-term-graph: GraphQL request failed')
            throw new APIError(
              'The term graph is not available right now (it may still be building); retry in a few seconds.',
              503,
              null,
              true,
            )
          })
          const rootId = index.resolve(root)
          if (!rootId) {
            const message = `No ${view === 'published' ? 'published ' : ''}glossary term with slug "${root}".`
            throw new APIError(message, 404, { errors: [{ parameter: 'root', message }] }, true)
          }
          const result = index.neighbourhood(rootId, { depth, limit, types: types ? new Set(types) : ALL_EDGE_TYPES })
          return presentNeighbourhood(index, result, localeOrder(locale, service.locales))
        },
      },
    }
  }
