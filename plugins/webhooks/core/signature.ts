import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** The header every delivery carries: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` (Stripe's scheme). */
export const SIGNATURE_HEADER = 'X-Hub-Signature'

/** How far a signature's timestamp may be from the receiver's clock before it is refused (replays). */
export const DEFAULT_TOLERANCE_SECONDS = 300

const hmac = (secret: string, timestamp: number, body: string): string =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')

/** The header value for a body, signed now (or at `timestamp`, in seconds). */
export const signBody = (secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string =>
  `t=${timestamp},v1=${hmac(secret, timestamp, body)}`

/** A new secret: 32 random bytes, prefixed so it is recognisable in a password manager. */
export const generateSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`

export type VerifyResult = { ok: true; timestamp: number } | { ok: false; reason: string }

/** `t` and every `v1` of a header; unknown schemes are ignored so a future `v2` does not break receivers. */
export const parseSignatureHeader = (header: string): { timestamp?: number; signatures: string[] } => {
  let timestamp: number | undefined
  const signatures: string[] = []
  for (const item of header.split(',')) {
    const at = item.indexOf('=')
    if (at === -1) continue
    const key = item.slice(0, at).trim()
    const value = item.slice(at + 1).trim()
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value)
    if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase())
  }
  return { timestamp, signatures }
}

/**
 * Checks a delivery: `body` must be the raw request body exactly as received (not re-serialised JSON).
 * Constant-time comparison; a timestamp outside `toleranceSeconds` is refused so a captured request cannot
 * be replayed later.
 */
export const verifySignature = (args: {
  body: string
  header: string | null | undefined
  secret: string
  toleranceSeconds?: number
  /** Unix seconds; the current time by default. */
  now?: number
}): VerifyResult => {
  if (!args.header) return { ok: false, reason: `missing ${SIGNATURE_HEADER} header` }
  const { timestamp, signatures } = parseSignatureHeader(args.header)
  if (timestamp === undefined) return { ok: false, reason: 'signature header has no t=<unix seconds>' }
  if (signatures.length === 0) return { ok: false, reason: 'signature header has no v1=<hex>' }
  const now = args.now ?? Math.floor(Date.now() / 1000)
  const tolerance = args.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS
  if (Math.abs(now - timestamp) > tolerance) {
    return { ok: false, reason: `signature timestamp is ${now - timestamp} s from now (tolerance ${tolerance} s)` }
  }
  const expected = Buffer.from(hmac(args.secret, timestamp, args.body), 'hex')
  const matches = signatures.some((signature) => timingSafeEqual(Buffer.from(signature, 'hex'), expected))
  return matches ? { ok: true, timestamp } : { ok: false, reason: 'signature does not match the body' }
}
