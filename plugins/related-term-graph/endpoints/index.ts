import type { Endpoint, Payload, PayloadHandler, PayloadRequest } from 'payload'

import { ALL_EDGE_TYPES } from '../core/graphIndex'
import { localeOrder, presentNeighbourhood, presentNode, presentPath, evidenceText } from '../core/present'
import type { TermGraphService } from '../server/service'
import {
  graphParams,
  localeParams,
  parseParams,
  pathParams,
  queryValues,
  rootParams,
  topParams,
  type ParameterError,
} from './params'

type GetService = (payload: Payload) => TermGraphService

const badRequest = (errors: ParameterError[]) => Response.json({ errors }, { status: 400 })
const notFound = (parameter: string, message: string) =>
  Response.json({ errors: [{ parameter, message }] }, { status: 404 })
const forbidden = () =>
  Response.json(
    { errors: [{ message: 'Sign in to the admin panel as an editor to use this endpoint.' }] },
    { status: 403 },
  )

/** Every handler answers with JSON: a graph failure becomes 503 (retry), never a 500. */
const guarded =
  (handler: (req: PayloadRequest) => Promise<Response>): PayloadHandler =>
  async (req) => {
    try {
      return await handler(req)
    } catch (error) {
      req.payload.logger.error({ err: error }, 'related-term-graph: request failed')
      return Response.json(
        {
          errors: [
            {
              message: 'The term graph is not available right now (it may still be building); retry in a few seconds.',
            },
          ],
        },
        { status: 503, headers: { 'Retry-After': '5' } },
      )
    }
  }

const unknownTerm = (parameter: string, value: string, view: string) =>
  notFound(parameter, `No ${view === 'published' ? 'published ' : ''}glossary term with slug "${value}".`)

export const termGraphEndpoints = (getService: GetService): Endpoint[] => {
  const context = (req: PayloadRequest) => {
    const service = getService(req.payload)
    return { service, view: service.viewFor(req), locales: service.locales, defaultLocale: service.defaultLocale }
  }

  return [
    {
      path: '/term-graph',
      method: 'get',
      handler: guarded(async (req) => {
        const { service, view, locales, defaultLocale } = context(req)
        const parsed = parseParams(
          graphParams(locales, defaultLocale),
          queryValues(req.searchParams, ['root', 'depth', 'types', 'limit', 'locale']),
        )
        if (!parsed.ok) return badRequest(parsed.errors)
        const { root, depth, types, limit, locale } = parsed.data
        const index = await service.view(view)
        const rootId = index.resolve(root)
        if (!rootId) return unknownTerm('root', root, view)
        const result = index.neighbourhood(rootId, { depth, limit, types: types ? new Set(types) : ALL_EDGE_TYPES })
        return Response.json(presentNeighbourhood(index, result, localeOrder(locale, locales)), {
          headers: { 'X-Term-Graph-View': view },
        })
      }),
    },
    {
      path: '/term-graph/path',
      method: 'get',
      handler: guarded(async (req) => {
        const { service, view, locales, defaultLocale } = context(req)
        const parsed = parseParams(
          pathParams(locales, defaultLocale),
          queryValues(req.searchParams, ['from', 'to', 'locale']),
        )
        if (!parsed.ok) return badRequest(parsed.errors)
        const { from, to, locale } = parsed.data
        const index = await service.view(view)
        const fromId = index.resolve(from)
        if (!fromId) return unknownTerm('from', from, view)
        const toId = index.resolve(to)
        if (!toId) return unknownTerm('to', to, view)
        const path = index.path(fromId, toId)
        if (!path)
          return Response.json({ errors: [{ message: `No path joins "${from}" and "${to}".` }] }, { status: 404 })
        return Response.json(presentPath(index, path, localeOrder(locale, locales)), {
          headers: { 'X-Term-Graph-View': view },
        })
      }),
    },
    {
      path: '/term-graph/top',
      method: 'get',
      handler: guarded(async (req) => {
        const { service, view, locales, defaultLocale } = context(req)
        const parsed = parseParams(
          topParams(locales, defaultLocale),
          queryValues(req.searchParams, ['limit', 'locale']),
        )
        if (!parsed.ok) return badRequest(parsed.errors)
        const { limit, locale } = parsed.data
        const index = await service.view(view)
        const order = localeOrder(locale, locales)
        return Response.json(
          { nodes: index.top(limit).map(({ id, score }) => presentNode(index, id, score, order)) },
          { headers: { 'X-Term-Graph-View': view } },
        )
      }),
    },
    {
      // Admin UI: links this term's text suggests but no editor has made yet.
      path: '/term-graph/suggestions',
      method: 'get',
      handler: guarded(async (req) => {
        const { service, locales, defaultLocale } = context(req)
        if (!service.options.canSeeDrafts(req)) return forbidden()
        const parsed = parseParams(
          rootParams(locales, defaultLocale),
          queryValues(req.searchParams, ['root', 'locale']),
        )
        if (!parsed.ok) return badRequest(parsed.errors)
        const { root, locale } = parsed.data
        const index = await service.view('latest')
        const rootId = index.resolve(root)
        if (!rootId) return unknownTerm('root', root, 'latest')
        const order = localeOrder(locale, locales)
        return Response.json({
          root: presentNode(index, rootId, 1, order),
          related: (index.getTerm(rootId)?.related ?? []).filter((id) => index.hasTerm(id)),
          // The admin UI saves an added link as a draft when the latest version is one.
          status: index.getTerm(rootId)?.status ?? null,
          suggestions: index.suggestions(rootId).map((suggestion) => ({
            ...presentNode(index, suggestion.id, 0, order),
            direction: suggestion.direction,
            evidence: suggestion.edges
              .map((key) => evidenceText(index, index.edge(key).evidence, order))
              .filter((text): text is string => Boolean(text)),
          })),
        })
      }),
    },
    {
      // Admin UI: orphans and terms whose text mentions no other term.
      path: '/term-graph/health',
      method: 'get',
      handler: guarded(async (req) => {
        const { service, locales, defaultLocale } = context(req)
        if (!service.options.canSeeDrafts(req)) return forbidden()
        const parsed = parseParams(localeParams(locales, defaultLocale), queryValues(req.searchParams, ['locale']))
        if (!parsed.ok) return badRequest(parsed.errors)
        const index = await service.view('latest')
        const order = localeOrder(parsed.data.locale, locales)
        const { orphans, mentionsNothing } = index.health()
        const describe = (id: string) => {
          const { id: termId, slug, term } = presentNode(index, id, 0, order)
          return { id: termId, slug, term }
        }
        return Response.json({
          stats: index.stats(),
          orphans: orphans.map(describe),
          mentionsNothing: mentionsNothing.map(describe),
        })
      }),
    },
  ]
}
