import type { IncomingMessage } from 'node:http'

import { describe, expect, it } from 'vitest'

import {
  addressBucket,
  CLIENT_IP_HEADER,
  clientAddress,
  clientBucketOf,
  trustClientIpHeader,
  UNKNOWN_CLIENT,
  writeClientAddress,
} from './clientIp'

describe("the client's address", () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(clientAddress('198.51.100.7', '203.0.113.1', 0)).toBe('198.51.100.7')
    expect(clientAddress('::ffff:198.51.100.7', undefined, 0)).toBe('198.51.100.7')
  })

  it('with N trusted proxies is the entry N from the right; entries the client wrote further left are ignored', () => {
    expect(clientAddress('10.0.0.2', 'forged, 198.51.100.7', 1)).toBe('198.51.100.7')
    expect(clientAddress('10.0.0.2', 'forged, 198.51.100.7, 10.0.0.9', 2)).toBe('198.51.100.7')
    // Fewer entries than proxies: the left-most is the furthest any trusted hop saw.
    expect(clientAddress('10.0.0.2', '198.51.100.7', 3)).toBe('198.51.100.7')
    expect(clientAddress('10.0.0.2', undefined, 1)).toBe('10.0.0.2')
  })

  it("the worker replaces a client's own x-hub-client-ip with the address it saw", () => {
    const req = {
      headers: { [CLIENT_IP_HEADER]: '1.2.3.4', 'x-forwarded-for': 'forged, 198.51.100.7' },
      socket: { remoteAddress: '::ffff:10.0.0.2' },
    } as unknown as IncomingMessage
    writeClientAddress(req, 0)
    expect(req.headers[CLIENT_IP_HEADER]).toBe('10.0.0.2')
    writeClientAddress(req, 1)
    expect(req.headers[CLIENT_IP_HEADER]).toBe('198.51.100.7')
  })

  it('is bucketed by IPv4 address and by IPv6 /64, so one host cannot rotate through its own network', () => {
    expect(addressBucket('198.51.100.7')).toBe('198.51.100.7')
    expect(addressBucket('2001:db8:0:1::17')).toBe('2001:db8:0:1::/64')
    expect(addressBucket('2001:0db8:0000:0001:ffff:1:2:3')).toBe('2001:db8:0:1::/64')
    expect(addressBucket('::1')).toBe('0:0:0:0::/64')
    expect(addressBucket('not an address')).toBe(UNKNOWN_CLIENT)
  })

  it("a route believes the worker's header only in a process whose worker writes it", () => {
    const headers = new Headers({ [CLIENT_IP_HEADER]: '198.51.100.7' })
    expect(clientBucketOf(headers)).toBe(UNKNOWN_CLIENT)
    trustClientIpHeader()
    expect(clientBucketOf(headers)).toBe('198.51.100.7')
    expect(clientBucketOf(new Headers())).toBe(UNKNOWN_CLIENT)
  })
})
