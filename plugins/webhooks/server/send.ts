import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import { isIP, type LookupFunction } from 'node:net'

import { isForbiddenAddress } from '../core/address'
import { type AttemptOutcome, parseRetryAfter } from '../core/backoff'

export type SendResult = { outcome: AttemptOutcome; responseSnippet?: string; durationMs: number }

const SNIPPET = 500

/**
 * The address check again at connect time, on the address actually used: a name that resolved to a public
 * address when the webhook was saved may resolve to 127.0.0.1 now (DNS rebinding).
 */
const guardedLookup =
  (allowPrivate: boolean): LookupFunction =>
  (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4)
      const list = addresses as unknown as LookupAddress[]
      const usable = allowPrivate ? list : list.filter((entry) => !isForbiddenAddress(entry.address))
      if (usable.length === 0) {
        const refused = Object.assign(
          new Error(`${hostname} resolves only to loopback, private or metadata addresses`),
          {
            code: 'EWEBHOOKFORBIDDEN',
          },
        )
        return callback(refused, '', 4)
      }
      if ((options as { all?: boolean }).all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable)
      callback(null, usable[0]!.address, usable[0]!.family)
    })
  }

/**
 * POSTs a body and classifies the answer. No redirects are followed, the whole exchange is bounded by
 * `timeoutMs`, and only the first 500 characters of the answer are kept for the log.
 */
export const sendDelivery = (args: {
  url: string
  body: string
  headers: Record<string, string>
  timeoutMs: number
  allowPrivate: boolean
}): Promise<SendResult> => {
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  return new Promise((resolve) => {
    let settled = false
    // Set once the request is under way; `finish` may run before that and must tolerate its absence.
    // eslint-disable-next-line prefer-const
    let timer: NodeJS.Timeout | undefined
    const finish = (result: Omit<SendResult, 'durationMs'>) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve({ ...result, durationMs: elapsed() })
    }
    let url: URL
    try {
      url = new URL(args.url)
    } catch {
      return finish({ outcome: { kind: 'refused', message: `webhook url "${args.url}" is not a URL` } })
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return finish({ outcome: { kind: 'refused', message: `webhook url uses scheme '${url.protocol}'` } })
    }
    const host = url.hostname.replace(/^\[|\]$/g, '')
    if (!args.allowPrivate && isIP(host) !== 0 && isForbiddenAddress(host)) {
      return finish({
        outcome: { kind: 'refused', message: `refused: ${host} is a loopback, private or metadata address` },
      })
    }
    const client = url.protocol === 'https:' ? https : http
    const request = client.request(url, {
      method: 'POST',
      headers: { ...args.headers, 'Content-Length': String(Buffer.byteLength(args.body)) },
      lookup: guardedLookup(args.allowPrivate),
      agent: false,
    })
    timer = setTimeout(() => {
      request.destroy()
      finish({ outcome: { kind: 'timeout' } })
    }, args.timeoutMs)
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EWEBHOOKFORBIDDEN')
        return finish({ outcome: { kind: 'refused', message: `refused: ${error.message}` } })
      finish({ outcome: { kind: 'network', message: error.code ?? error.message } })
    })
    request.on('response', (response) => {
      const status = response.statusCode ?? 0
      const retryAfterSeconds = parseRetryAfter(response.headers['retry-after'] as string | undefined)
      let snippet = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        if (snippet.length < SNIPPET) snippet += chunk
        if (snippet.length >= SNIPPET) response.destroy()
      })
      const done = () =>
        finish({ outcome: { kind: 'response', status, retryAfterSeconds }, responseSnippet: snippet.slice(0, SNIPPET) })
      response.on('end', done)
      response.on('close', done)
      response.on('error', done)
    })
    request.end(args.body)
  })
}
