import {
  APIError,
  AuthenticationError,
  type AfterErrorHook,
  type CollectionAfterLoginHook,
  type CollectionBeforeOperationHook,
  type Plugin,
  type PayloadRequest,
} from 'payload'

import { clientBucketOf } from './clientIp'
import { createLoginLimiter, type LoginClient, type LoginLimiter } from './loginLimiter'
import { loginLimitOptions } from './loginLimitOptions'

/**
 * Why this exists: see loginLimiter.ts. Installed as Payload hooks on every auth collection, so one rule
 * covers every way in: REST `POST /api/users/login` (and the admin's login form, which posts there) and
 * each GraphQL `loginUser` field, aliases included, since each runs Payload's login operation. The Local
 * API (seed, tests, server code) is not limited: it has no client.
 */

const SHARED = Symbol.for('hub.loginLimiter')
type WithLimiter = typeof globalThis & { [SHARED]?: LoginLimiter }

/** One limiter per process, even when Next loads the config once per route bundle. */
const sharedLimiter = (): LoginLimiter => {
  const global = globalThis as WithLimiter
  return (global[SHARED] ??= createLoginLimiter(loginLimitOptions()))
}

/** Payload's own normalisation of the login email (auth/operations/login.ts); long inputs share a key. */
const normalisedEmail = (value: unknown): string =>
  typeof value === 'string' ? value.toLowerCase().trim().slice(0, 320) : ''

const clientOf = (req: PayloadRequest, email: unknown): LoginClient => ({
  ip: clientBucketOf(req.headers),
  email: normalisedEmail(email),
})

const refuseWhileWaiting =
  (limiter: () => LoginLimiter): CollectionBeforeOperationHook =>
  ({ args, operation, req }) => {
    if (operation !== 'login' || req.payloadAPI === 'local') return args
    const data = (args as { data?: { email?: unknown; username?: unknown } }).data
    const verdict = limiter().admit(clientOf(req, data?.email ?? data?.username))
    if (!verdict.allowed) {
      // Payload sends `req.responseHeaders` with the error, on REST and GraphQL alike.
      req.responseHeaders ??= new Headers()
      req.responseHeaders.set('Retry-After', String(verdict.retryAfterSeconds))
      throw new APIError(
        `Too many failed logins. Try again in ${verdict.retryAfterSeconds} seconds.`,
        429,
        undefined,
        true,
      )
    }
    return args
  }

const forgiveOnSuccess =
  (limiter: () => LoginLimiter): CollectionAfterLoginHook =>
  ({ req, user }) => {
    if (req.payloadAPI !== 'local') limiter().succeeded(clientOf(req, (user as { email?: unknown }).email))
    return user
  }

// Thrown only by the login operation; a LockedAuth can still come from an account locked before this
// plugin (MongoDB keeps the stored `lockUntil`). UnverifiedEmail answers only the right password, so it tells
// a guesser nothing and keeps its own message.
const LOGIN_FAILURES = new Set(['AuthenticationError', 'LockedAuth'])

/** Every failed login answers 401 with the same message, whether the account exists, was locked or not. */
export const oneLoginFailureMessage: AfterErrorHook = ({ error, graphqlResult, req }) => {
  const original = (error as { originalError?: Error }).originalError ?? error
  if (!LOGIN_FAILURES.has(original.name)) return
  const message = new AuthenticationError(req.t).message
  if (graphqlResult) {
    return {
      graphqlResult: {
        ...graphqlResult,
        message,
        extensions: { ...graphqlResult.extensions, name: 'AuthenticationError', statusCode: 401 },
      },
    }
  }
  return { status: 401, response: { errors: [{ message }] } }
}

/**
 * Login rate limits in place of Payload's account lock. `maxLoginAttempts: 0` is set here and only here,
 * because this limiter replaces the lock: without this plugin, Payload's lock (5 failures) is back.
 */
export const loginLimits = (): Plugin => (config) => {
  // Read (and validated) when the config is built, so a bad setting fails at start.
  loginLimitOptions()
  return {
    ...config,
    collections: (config.collections ?? []).map((collection) => {
      if (!collection.auth) return collection
      return {
        ...collection,
        auth: { ...(collection.auth === true ? {} : collection.auth), maxLoginAttempts: 0 },
        hooks: {
          ...collection.hooks,
          beforeOperation: [...(collection.hooks?.beforeOperation ?? []), refuseWhileWaiting(sharedLimiter)],
          afterLogin: [...(collection.hooks?.afterLogin ?? []), forgiveOnSuccess(sharedLimiter)],
        },
      }
    }),
    hooks: { ...config.hooks, afterError: [...(config.hooks?.afterError ?? []), oneLoginFailureMessage] },
  }
}
