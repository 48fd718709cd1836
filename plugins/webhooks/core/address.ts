import { BlockList, isIP } from 'node:net'

/**
 * Addresses a webhook may never reach (SSRF): a hub inside a cloud network could otherwise be made to
 * POST to its own metadata service, database or admin ports. Node's BlockList also matches IPv4-mapped
 * IPv6 forms (`::ffff:127.0.0.1`), so those need no rule of their own.
 */
const forbidden = new BlockList()
const v4: [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT; also Alibaba Cloud's metadata (100.100.100.200)
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local: AWS, GCP and Azure metadata (169.254.169.254)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255
]
const v6: [string, number][] = [
  ['::', 128],
  ['::1', 128],
  ['::', 96], // IPv4-compatible (deprecated) forms of any address
  ['64:ff9b::', 96], // NAT64: reaches any IPv4 address, including the ones above
  ['64:ff9b:1::', 48],
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: embeds an IPv4 address
  ['fc00::', 7], // unique local; includes AWS's IPv6 metadata fd00:ec2::254
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
]
for (const [net, prefix] of v4) forbidden.addSubnet(net, prefix, 'ipv4')
for (const [net, prefix] of v6) forbidden.addSubnet(net, prefix, 'ipv6')

/** Host names that mean "this machine" or an internal service whatever DNS says. */
const FORBIDDEN_NAMES = [/^localhost$/i, /\.localhost$/i, /^metadata\.google\.internal$/i, /\.internal$/i, /\.local$/i]

/** True for loopback, private, link-local, metadata, multicast and reserved addresses (v4, v6 and mapped). */
export const isForbiddenAddress = (address: string): boolean => {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  const family = isIP(bare)
  if (family === 0) return true
  return forbidden.check(bare, family === 4 ? 'ipv4' : 'ipv6')
}

export type ResolvedAddress = { address: string; family: number }
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>

export type TargetCheck = { ok: true; url: URL } | { ok: false; message: string }

export type TargetRules = {
  allowPrivate: boolean
  /** Origins of the hub itself: a webhook must not call the hub back. */
  hubOrigins: string[]
  resolve: Resolve
}

/**
 * Whether a webhook may POST to `value`: an absolute http(s) URL without credentials, not the hub itself,
 * and (unless `allowPrivate`) not a forbidden address, literally or after DNS resolution. A name that does
 * not resolve now is accepted: the same check runs again on every send, on the address actually connected to.
 */
export const checkTargetUrl = async (value: unknown, rules: TargetRules): Promise<TargetCheck> => {
  if (typeof value !== 'string' || value.trim() === '') return { ok: false, message: 'url is required' }
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    return {
      ok: false,
      message: `"${value}" is not an absolute URL; use https://your-storefront.example/api/revalidate`,
    }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {
      ok: false,
      message: `url uses scheme '${url.protocol}'; a webhook URL must start with https:// (or http://)`,
    }
  }
  if (url.username || url.password) {
    return { ok: false, message: 'url must not contain a user name or password; the signature authenticates the hub' }
  }
  if (rules.hubOrigins.some((origin) => origin && sameOrigin(origin, url))) {
    return { ok: false, message: `url points at the hub itself (${url.origin}); a webhook must go to a storefront` }
  }
  if (rules.allowPrivate) return { ok: true, url }
  const host = url.hostname.replace(/^\[|\]$/g, '')
  const refused = (what: string) => ({
    ok: false as const,
    message: `url ${what}, a loopback, private, link-local or metadata address; webhooks may only reach public hosts (set HUB_WEBHOOKS_ALLOW_PRIVATE=1 for local development)`,
  })
  if (isIP(host) !== 0) return isForbiddenAddress(host) ? refused(`is ${host}`) : { ok: true, url }
  if (FORBIDDEN_NAMES.some((pattern) => pattern.test(host))) return refused(`names ${host}`)
  let addresses: ResolvedAddress[]
  try {
    addresses = await rules.resolve(host)
  } catch {
    return { ok: true, url }
  }
  const bad = addresses.find((entry) => isForbiddenAddress(entry.address))
  return bad ? refused(`host ${host} resolves to ${bad.address}`) : { ok: true, url }
}

const sameOrigin = (origin: string, url: URL): boolean => {
  try {
    return new URL(origin).origin === url.origin
  } catch {
    return false
  }
}
