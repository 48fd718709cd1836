import type { IncomingMessage } from 'node:http'
import { isIPv4, isIPv6 } from 'node:net'

/**
 * Why this exists: a Next route handler cannot see the socket, so `npm start`'s worker (server/worker.ts)
 * writes the client's address into this header after deleting whatever the client sent in it. The value is
 * believed only in a process whose worker did that (`trustClientIpHeader`); elsewhere (`next dev`, tests
 * that call the route directly) every client shares the UNKNOWN_CLIENT bucket.
 */
export const CLIENT_IP_HEADER = 'x-hub-client-ip'
export const UNKNOWN_CLIENT = 'unknown'

const TRUSTED = Symbol.for('hub.clientIpHeaderTrusted')
type Marked = typeof globalThis & { [TRUSTED]?: boolean }

/** Called by the worker before it serves: from now on this process's routes believe CLIENT_IP_HEADER. */
export const trustClientIpHeader = (): void => {
  ;(globalThis as Marked)[TRUSTED] = true
}

const stripMappedIpv4 = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '')

/**
 * The address the client came from, given the socket's peer and `X-Forwarded-For`. With `trustedProxies`
 * 0 the header is ignored; with N it counts N proxies from the right, as Express's `trust proxy = N` does:
 * each trusted proxy appends the address it saw, so the entry N from the right is the one the outermost
 * trusted proxy saw. Entries left of it are whatever the client wrote and are never believed.
 */
export const clientAddress = (
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trustedProxies: number,
): string => {
  const hops = [
    socketAddress ?? '',
    ...(forwardedFor ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean)
      .reverse(),
  ]
  const chosen = hops[Math.min(trustedProxies, hops.length - 1)]
  return chosen ? stripMappedIpv4(chosen) : UNKNOWN_CLIENT
}

/** The worker's step for each request: CLIENT_IP_HEADER replaced (never appended to) by the address it saw. */
export const writeClientAddress = (req: IncomingMessage, trustedProxies: number): void => {
  const forwardedFor = req.headers['x-forwarded-for']
  req.headers[CLIENT_IP_HEADER] = clientAddress(
    req.socket.remoteAddress,
    Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor,
    trustedProxies,
  )
}

/** Groups addresses one client controls together: IPv4 by address, IPv6 by its /64 network. */
export const addressBucket = (address: string): string => {
  if (isIPv4(address)) return address
  if (!isIPv6(address)) return UNKNOWN_CLIENT
  const [head = '', tail = ''] = address.toLowerCase().split('::', 2)
  const left = head ? head.split(':') : []
  const right = address.includes('::') && tail ? tail.split(':') : []
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`
}

/** The client bucket of a request reaching a route: the worker's header when trusted, else UNKNOWN_CLIENT. */
export const clientBucketOf = (headers: Headers | undefined): string => {
  const value = (globalThis as Marked)[TRUSTED] ? headers?.get(CLIENT_IP_HEADER) : null
  return value ? addressBucket(value.trim()) : UNKNOWN_CLIENT
}
