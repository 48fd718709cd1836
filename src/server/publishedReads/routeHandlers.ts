/**
 * Payload's own API route handlers (the `/api/[...slug]` GET and the GraphQL POST, with their guards), as
 * their Next route modules export them. Each module registers its handler when Next first loads it; from
 * then on the server entry answers a published read its cache misses by calling that handler directly,
 * skipping Next's router (15–20 ms of a cold 50-term list on this machine). Same code, same guards, same
 * bytes. Nothing else of Next's runs for these paths: its proxy (src/proxy.ts) matches admin pages only
 * (routeHandlers.test.ts holds it to that). The server entry and the route modules are two copies of this file in one process (Next bundles
 * its own), so they meet on a process-wide symbol, as the published-read channel does.
 */
/** `slug`: the path's segments under the API prefix, decoded, as Next passes them to the catch-all route. */
export type RouteHandler = (request: Request, slug: string[]) => Promise<Response>

export type RouteKind = 'rest' | 'graphql'

const KEY = Symbol.for('commerce-content-hub.route-handlers')

type WithHandlers = typeof globalThis & { [KEY]?: Map<RouteKind, RouteHandler> }

const handlers = (): Map<RouteKind, RouteHandler> => ((globalThis as WithHandlers)[KEY] ??= new Map())

/** Called by a route module; a later load (a reload in dev) replaces the earlier handler. Returns its removal. */
export const registerRouteHandler = (kind: RouteKind, handler: RouteHandler): (() => void) => {
  handlers().set(kind, handler)
  return () => {
    if (handlers().get(kind) === handler) handlers().delete(kind)
  }
}

/** The handler Next would run for this kind of read, once its route module has loaded. */
export const routeHandlerOf = (kind: RouteKind): RouteHandler | undefined => handlers().get(kind)

/** The catch-all route's `slug` param for a path under the API prefix, decoded as Next decodes it. */
export const slugOf = (pathname: string, api: string): string[] =>
  pathname
    .slice(api.length + 1)
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => {
      try {
        return decodeURIComponent(segment)
      } catch {
        return segment
      }
    })
