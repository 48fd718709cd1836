import type { IncomingMessage, ServerResponse } from 'node:http'

import type { Payload } from 'payload'

import { type Conditionals, notModified } from '../core/http'
import type { CachedPage } from '../core/pageCache'
import { answerFeed } from './answer'
import { existingFeedRuntime, type FeedRuntime } from './runtime'
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
  /**
   * Node `http`: answers every feed request (GET, HEAD) itself, from the page cache or with a page it builds,
   * and returns true (at once for a cached page, else once written); false for any other request.
   */
  node: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>
  /** Fetch API (route handlers, Hono, Bun): a Response from the page cache, or undefined to fall through. */
  fetch: (request: Request) => Response | undefined
}

// `URL.parse` arrived in Node 20.18; the hub runs on 20.9 and later.
const parseUrl = (url: string, base: string): URL | null => {
  try {
    return new URL(url, base)
  } catch {
    return null
  }
}

/**
 * Serves `/api/feed` without entering Payload's request pipeline (request object, auth, i18n, routing),
 * which costs several times more than sending a cached page and a third of building a small one (a
 * `since` delta). The feed reads no user, so every reader gets the answer the endpoint would give: the
 * Node form answers hits and builds misses through the endpoint's own `answerFeed`; the Fetch form answers
 * hits only (it must answer at once). Either way the bytes and headers (CORS included) are the endpoint's,
 * and the same cache is cleared by local edits and the journal poller.
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

  /** A miss, built as the endpoint builds it. */
  const build = async (req: IncomingMessage, res: ServerResponse, runtime: FeedRuntime, url: URL): Promise<true> => {
    const found = await answerFeed(runtime, {
      payload,
      url,
      conditionals: { ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'] },
      withBody: req.method === 'GET',
    })
    return writeFastAnswer(res, { ...found, headers: { ...found.headers, ...cors(req.headers.origin) } })
  }

  return {
    node: (req, res) => {
      const { pathname, search } = splitRequestUrl(req)
      const method = req.method ?? 'GET'
      const origin = requestOrigin(req)
      const found = answer(method, pathname, search, origin, {
        ifNoneMatch: req.headers['if-none-match'],
        ifModifiedSince: req.headers['if-modified-since'],
        origin: req.headers.origin,
      })
      if (found) return writeFastAnswer(res, found)
      const runtime = existingFeedRuntime(payload)
      const isFeed = (method === 'GET' || method === 'HEAD') && (pathname === feedPath || pathname === `${feedPath}/`)
      const url = isFeed && runtime ? parseUrl(req.url ?? '/', origin) : null
      // A request line no URL parser accepts goes on to Next, which answers it.
      return runtime && url ? build(req, res, runtime, url) : false
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
