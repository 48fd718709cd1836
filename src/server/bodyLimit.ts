import type { IncomingMessage, ServerResponse } from 'node:http'

import {
  type BodyLimit,
  bodyLimitFor,
  type BodyLimits,
  declaredLengthExceeds,
  tooLargeBody,
} from '../security/bodyLimits'
import { replayRequest } from './publishedReads/http'

const hasBody = (req: IncomingMessage) =>
  req.headers['transfer-encoding'] !== undefined ||
  (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0')

/** Answers 413 and closes the connection once the answer is out, so the client's remaining bytes are never read. */
const refuse = (req: IncomingMessage, res: ServerResponse, limit: BodyLimit) => {
  req.pause()
  const body = JSON.stringify(tooLargeBody(limit))
  res.shouldKeepAlive = false
  res.writeHead(413, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
  })
  res.end(body, () => req.socket.destroy())
}

/**
 * The Node server's body cap, before anything else reads the body: a declared Content-Length over the
 * route's limit is refused unread; otherwise the body is read here up to the limit (413 the moment it goes
 * over) and handed on as a replay. Resolves to the request to hand on, or null when it answered.
 */
export const limitNodeRequestBody = async (
  req: IncomingMessage,
  res: ServerResponse,
  limits: BodyLimits,
): Promise<IncomingMessage | null> => {
  if (!hasBody(req)) return req
  const limit = bodyLimitFor(new URL(req.url ?? '/', 'http://localhost').pathname, limits)
  if (declaredLengthExceeds(req.headers['content-length'], limit)) {
    refuse(req, res, limit)
    return null
  }
  const body = await new Promise<Buffer | null>((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength
      if (size <= limit.bytes) return void chunks.push(chunk)
      req.off('data', onData)
      resolve(null)
    }
    req.on('data', onData)
    req.once('end', () => resolve(Buffer.concat(chunks)))
    req.once('error', reject)
  })
  if (!body) {
    refuse(req, res, limit)
    return null
  }
  return replayRequest(req, body)
}
