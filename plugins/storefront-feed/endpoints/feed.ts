import type { Endpoint, PayloadHandler } from 'payload'

import { answerFeed } from '../server/answer'
import { feedRuntime } from '../server/runtime'
import { fastAnswerResponse } from '../server/serve'
import type { SanitizedFeedOptions } from '../types'

const handler =
  (options: SanitizedFeedOptions, withBody: boolean): PayloadHandler =>
  async (req) => {
    const answer = await answerFeed(feedRuntime(req.payload, options), {
      payload: req.payload,
      url: new URL(req.url ?? '/', 'http://localhost'),
      conditionals: {
        ifNoneMatch: req.headers.get('if-none-match'),
        ifModifiedSince: req.headers.get('if-modified-since'),
      },
      withBody,
    })
    return fastAnswerResponse(answer)
  }

/** `GET /api/feed` (and `HEAD`, for cheap revalidation). */
export const feedEndpoints = (options: SanitizedFeedOptions): Endpoint[] => [
  { path: '/feed', method: 'get', handler: handler(options, true) },
  { path: '/feed', method: 'head', handler: handler(options, false) },
]
