import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

import { z } from 'zod'

import { CONTENT_TYPES, type ContentType } from '../types'

/**
 * Cursors and sync tokens are opaque to storefronts: base64url JSON plus an HMAC keyed by the Payload
 * secret, so a hand-edited token is refused (400) instead of silently skipping or repeating items.
 */

/** Where a full pass stands: the last item served, and the journal head when the pass began. */
export type FeedCursor = {
  /** Journal sequence read by the pass's first page; `since` from it picks up what changed meanwhile. */
  head: number
  /** Fingerprint of the filters the pass was started with. */
  filter: string
  /** The last item served, in feed order (id descending, then type descending). */
  after: { id: string; type: ContentType }
}

const MAC_LENGTH = 22
const MAX_TOKEN_LENGTH = 600

const cursorShape = z.object({
  v: z.literal(1),
  k: z.literal('c'),
  h: z.number().int().min(0),
  f: z.string().min(1).max(32),
  i: z.string().min(1).max(100),
  t: z.enum(CONTENT_TYPES),
})

const syncShape = z.object({ v: z.literal(1), k: z.literal('s'), s: z.number().int().min(0) })

const mac = (secret: string, body: string): string =>
  createHmac('sha256', secret).update(`storefront-feed:${body}`).digest('base64url').slice(0, MAC_LENGTH)

const seal = (secret: string, value: object): string => {
  const body = Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${body}.${mac(secret, body)}`
}

export class TokenError extends Error {
  override name = 'TokenError'
}

const open = (secret: string, token: string, what: string): unknown => {
  if (token.length > MAX_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token)) {
    throw new TokenError(`not a ${what} this feed issued; copy it unchanged from the feed`)
  }
  const [body = '', signature = ''] = token.split('.')
  const expected = Buffer.from(mac(secret, body))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new TokenError(`${what} was altered or issued by another hub; copy it unchanged from the feed`)
  }
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    throw new TokenError(`${what} is unreadable; copy it unchanged from the feed`)
  }
}

export const encodeCursor = (secret: string, cursor: FeedCursor): string =>
  seal(secret, { v: 1, k: 'c', h: cursor.head, f: cursor.filter, i: cursor.after.id, t: cursor.after.type })

export const decodeCursor = (secret: string, token: string): FeedCursor => {
  const parsed = cursorShape.safeParse(open(secret, token, 'cursor'))
  if (!parsed.success) throw new TokenError('is not a page cursor; pass the `cursor` from a `next_url` unchanged')
  const { h, f, i, t } = parsed.data
  return { head: h, filter: f, after: { id: i, type: t } }
}

export const encodeSyncToken = (secret: string, sequence: number): string => seal(secret, { v: 1, k: 's', s: sequence })

/** The journal sequence a sync token stands for. */
export const decodeSyncToken = (secret: string, token: string): number => {
  const parsed = syncShape.safeParse(open(secret, token, 'sync token'))
  if (!parsed.success) throw new TokenError('is not a sync token; pass a `_hub.sync_token` from an earlier response')
  return parsed.data.s
}

/** Short digest of the filters, stored in cursors so one cannot be replayed against another query. */
export const filterFingerprint = (filter: { types: readonly string[]; glossary?: string; tag?: string }): string =>
  createHash('sha256')
    .update(JSON.stringify([[...filter.types].sort(), filter.glossary ?? null, filter.tag ?? null]))
    .digest('base64url')
    .slice(0, 12)
