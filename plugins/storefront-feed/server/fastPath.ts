import type { IncomingMessage, ServerResponse } from 'node:http'

import type { Payload } from 'payload'

import { type Conditionals, notModified } from '../core/http'
import type { CachedPage } from '../core/pageCache'
import { existingFeedRuntime } from './runtime'
import {
  corsHeadersFor,
  fastAnswerResponse,
  feedBaseFor,
  notModifiedHeaders,
  rawRequestKey,
  splitRequestUrl,
  writeFastAnswer,
  type FastAnswer,
} from './serve'

export type FeedFastPath = {
  /** Node `http`: answers from the page cache and returns true, or returns false to let Payload answer. */
  node: (req: IncomingMessage, res: ServerResponse) => boolean
  /** Fetch API (route handlers, Hono, Bun): a Response from the page cache, or undefined to fall through. */
  fetch: (request: Request) => Response | undefined
}

/**
 * Serves `/api/feed` pages that are already cached without entering Payload's request pipeline (request
 * object, auth, i18n, routing), which costs several times more than sending the bytes. It answers only
 * cache hits for requests whose exact query was validated before; everything else falls through to the
 * Payload endpoint, which validates, builds, caches and answers the same bytes and headers (CORS
 * included). Invalidation is shared: the same cache is cleared by local edits and the journal poller.
 */
export const storefrontFeedFastPath = (
  payload: Payload,
  { requestOrigin = (req: IncomingMessage) => `http://${req.headers.host ?? 'localhost'}` } = {},
): FeedFastPath => {
  const feedPath = `${payload.config.routes.api}/feed`
  const cors = corsHeadersFor(payload)

  const answer = (
    method: string,
    pathname: string,
    search: string,
    origin: string,
    headers: Conditionals & { origin?: string | null },
  ): FastAnswer | undefined => {
    // Looked up per request: the runtime is created on the feed's first use, which may come after this.
    const runtime = existingFeedRuntime(payload)
    if (!runtime || (method !== 'GET' && method !== 'HEAD')) return undefined
    if (pathname !== feedPath && pathname !== `${feedPath}/`) return undefined
    const page: CachedPage | undefined = runtime.cache.getByAlias(
      rawRequestKey(feedBaseFor(runtime.options, payload, origin), search),
    )
    if (!page || page.status !== 200) return undefined
    if (notModified(headers, page)) {
      return { status: 304, headers: { ...notModifiedHeaders(page), ...cors(headers.origin) } }
    }
    return {
      status: 200,
      headers: { ...page.headers, ...cors(headers.origin) },
      body: method === 'GET' ? page.body : undefined,
    }
  }

  return {
    node: (req, res) => {
      const { pathname, search } = splitRequestUrl(req)
      const found = answer(req.method ?? 'GET', pathname, search, requestOrigin(req), {
        ifNoneMatch: req.headers['if-none-match'],
        ifModifiedSince: req.headers['if-modified-since'],
        origin: req.headers.origin,
      })
      return found ? writeFastAnswer(res, found) : false
    },
    fetch: (request) => {
      const url = new URL(request.url)
      const found = answer(request.method, url.pathname, url.search, url.origin, {
        ifNoneMatch: request.headers.get('if-none-match'),
        ifModifiedSince: request.headers.get('if-modified-since'),
        origin: request.headers.get('origin'),
      })
      return found ? fastAnswerResponse(found) : undefined
    },
  }
}
