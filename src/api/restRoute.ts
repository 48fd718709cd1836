import { withBodyLimit } from '../security/bodyLimits'
import { guardCollectionQueries } from './queryGuard'

type RouteHandler<Context> = (request: Request, context: Context) => Promise<Response>

/**
 * What every method of the `/api/[...slug]` route goes through before Payload: the body cap (413), then
 * the query and body guard (400). Tests call Payload's router through this same wrapper.
 */
export const guardRestRoute = <Context>(handler: RouteHandler<Context>): RouteHandler<Context> =>
  withBodyLimit(guardCollectionQueries(handler))
