import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * Answers a plugin can give from its own memory before any router runs (the feed's cached pages, the
 * search's cached answers): a Response, or undefined to let the request go on. Each plugin keeps its
 * answers correct itself (its cache is cleared by the same hooks and journal polls that change its
 * data), so these are safe for every reader. Registered in Payload's `onInit` inside Next's bundle and
 * read by the server entry (`npm start`): two copies of this module in one process, so they meet on a
 * process-wide symbol, as the published-read channel does.
 */
export type EarlyAnswer = (request: Request) => Response | undefined

/**
 * The same answer straight onto Node's response (no Request/Response pair): true when it answered, or a
 * promise of that for an answer the plugin builds itself (the feed builds its pages without Payload's router).
 */
export type NodeEarlyAnswer = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>

/** A plugin's fast path: the Fetch form (the /api route), and optionally the Node form (`npm start`). */
export type EarlyAnswers = { fetch: EarlyAnswer; node?: NodeEarlyAnswer }

const KEY = Symbol.for('commerce-content-hub.early-answers')

type WithAnswers = typeof globalThis & { [KEY]?: Map<string, EarlyAnswers> }

const registry = (): Map<string, EarlyAnswers> => ((globalThis as WithAnswers)[KEY] ??= new Map())

/** Registers answers by name; a later Payload instance (a restart in tests, a reload in dev) replaces the earlier one's. */
export const registerEarlyAnswers = (answers: Record<string, EarlyAnswer | EarlyAnswers>): void => {
  for (const [name, answer] of Object.entries(answers)) {
    registry().set(name, typeof answer === 'function' ? { fetch: answer } : answer)
  }
}

/** The first registered answer to a GET or HEAD request, if any. */
export const answerEarly = (request: Request): Response | undefined => {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined
  for (const answer of registry().values()) {
    const response = answer.fetch(request)
    if (response) return response
  }
  return undefined
}

// The only request headers early answers read: conditional requests and CORS.
const READ_HEADERS = ['if-none-match', 'origin', 'host'] as const

/**
 * `answerEarly` for Node's `http` (the server entry): true when it answered. Only GET and HEAD, and
 * only once something registered, so every other request pays nothing. Answers with a Node form write
 * their bytes directly; a Request/Response pair (several times the cost of a cached answer) is made
 * only for answers that have just the Fetch form.
 */
export const answerEarlyNode = async (
  req: IncomingMessage,
  res: ServerResponse,
  /** Called when an answer is being built rather than sent from memory, before it is written. */
  onBuilding?: () => void,
): Promise<boolean> => {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || registry().size === 0) return false
  let request: Request | null | undefined
  for (const answer of registry().values()) {
    if (answer.node) {
      const answered = answer.node(req, res)
      if (answered === true) return true
      if (answered === false) continue
      onBuilding?.()
      if (await answered) return true
      continue
    }
    request ??= fetchRequestOf(req)
    if (!request) return false // a request line URL cannot parse: Next answers it
    const response = answer.fetch(request)
    if (response) {
      await sendResponse(req, res, response)
      return true
    }
  }
  return false
}

const fetchRequestOf = (req: IncomingMessage): Request | null => {
  const headers = new Headers()
  for (const name of READ_HEADERS) {
    const value = req.headers[name]
    if (typeof value === 'string') headers.set(name, value)
  }
  try {
    return new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, { method: req.method, headers })
  } catch {
    return null
  }
}

const sendResponse = async (req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> => {
  const body = req.method === 'HEAD' ? undefined : Buffer.from(await response.arrayBuffer())
  const sent: Record<string, string> = {}
  response.headers.forEach((value, name) => (sent[name] = value))
  if (body) sent['content-length'] = String(body.byteLength)
  res.writeHead(response.status, sent)
  res.end(body)
}
