import type { AuthStrategy, Config, PayloadRequest, Plugin } from 'payload'

/**
 * Why this exists: Payload reads the login cookie whatever page sent the request when `csrf` is empty
 * (packages/payload/src/auth/extractJWT.ts: "No Origin and no csrf configured — no allowlist to enforce",
 * and an empty list accepts every Origin), which is the production default here when PUBLIC_SERVER_URL /
 * STOREFRONT_URL / CORS_ORIGINS are unset. So the login cookie counts only when the request comes from the
 * hub's own origin (the host it was sent to) or a configured trusted origin; otherwise the request is
 * treated as anonymous. Wrapping Payload's JWT strategy covers every door: REST, GraphQL, custom
 * endpoints, admin pages and server functions all authenticate through `payload.authStrategies`.
 */

type Source = { headers: Headers; host?: string }

const firstValue = (value: string | null): string | undefined => value?.split(',')[0]?.trim() || undefined

/** The hosts this request was addressed to: the Host header, a proxy's X-Forwarded-Host, the URL. */
const ownHosts = ({ headers, host }: Source): string[] =>
  [headers.get('host'), firstValue(headers.get('x-forwarded-host')), host]
    .filter((value): value is string => Boolean(value))
    .map((value) => value.toLowerCase())

/**
 * True when a browser page on this hub's origin or on a trusted origin sent the request, or when no page
 * on another site did (non-browser clients send neither Origin nor Sec-Fetch-Site; a link followed from
 * another site opens a page with GET and no Origin).
 */
export const isFromTrustedPage = (source: Source, trustedOrigins: readonly string[]): boolean => {
  const { headers } = source
  const origin = headers.get('origin')
  if (origin !== null) {
    // `Origin: null` is what sandboxed frames, data: URLs and some redirects send: never ours.
    let parsed: URL
    try {
      parsed = new URL(origin)
    } catch {
      return false
    }
    if (trustedOrigins.includes(parsed.origin)) return true
    return ownHosts(source).includes(parsed.host.toLowerCase())
  }
  const site = headers.get('sec-fetch-site')
  if (site !== 'cross-site') return true
  // A top-level navigation from a link elsewhere is a GET of a page (browsers send Origin with every POST).
  return headers.get('sec-fetch-mode') === 'navigate' && headers.get('sec-fetch-dest') === 'document'
}

/** The request's headers without the login cookie (other cookies stay). */
const withoutCookie = (headers: Headers, cookieName: string): Headers => {
  const next = new Headers(headers)
  const kept = (headers.get('cookie') ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part && part.split('=', 1)[0]!.trim() !== cookieName)
  if (kept.length) next.set('cookie', kept.join('; '))
  else next.delete('cookie')
  return next
}

const requestSource = (headers: Headers, req?: Partial<PayloadRequest>): Source => ({
  headers,
  host: typeof req?.host === 'string' ? req.host : undefined,
})

/** Payload's JWT strategy, reading the login cookie only from trusted pages (Authorization headers unchanged). */
export const sameOriginCookieStrategy = (strategy: AuthStrategy, trustedOrigins: readonly string[]): AuthStrategy => ({
  ...strategy,
  authenticate: (args) => {
    const cookieName = `${args.payload.config.cookiePrefix}-token`
    if (isFromTrustedPage(requestSource(args.headers, args.req), trustedOrigins)) return strategy.authenticate(args)
    return strategy.authenticate({ ...args, headers: withoutCookie(args.headers, cookieName) })
  },
})

/** True when `req` may use cookie-based actions (login sets the cookie): it came from a trusted page. */
export const requestFromTrustedPage = (req: PayloadRequest, trustedOrigins: readonly string[]): boolean =>
  !req.headers || isFromTrustedPage(requestSource(req.headers, req), trustedOrigins)

/**
 * Installs the same-origin rule for the login cookie. `trustedOrigins` are the configured browser origins
 * (the hub's own origin is always trusted, whatever host it is reached on).
 */
export const sameOriginCookies =
  (trustedOrigins: readonly string[]): Plugin =>
  (config: Config): Config => ({
    ...config,
    onInit: async (payload) => {
      // Payload assembles `authStrategies` (its JWT strategy last) before onInit runs.
      payload.authStrategies = payload.authStrategies.map((strategy) =>
        strategy.name === 'local-jwt' ? sameOriginCookieStrategy(strategy, trustedOrigins) : strategy,
      )
      await config.onInit?.(payload)
    },
  })
