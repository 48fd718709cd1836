import { describe, expect, it } from 'vitest'

import { allowedDevOrigins } from './devOrigins'

describe('dev origins', () => {
  it('allow loopback, every address of the machine, the configured hub and storefront hosts, and DEV_ORIGINS', () => {
    const hosts = allowedDevOrigins(
      {
        PUBLIC_SERVER_URL: 'https://hub.example.org:8443',
        STOREFRONT_URL: 'https://shop.example.org',
        DEV_ORIGINS: '*.lan, studio.local',
      },
      {
        lo: [{ address: '127.0.0.1', family: 'IPv4' } as never],
        eth0: [{ address: '192.168.10.24', family: 'IPv4' } as never, { address: 'fe80::1', family: 'IPv6' } as never],
      },
    )
    expect(hosts).toEqual(
      expect.arrayContaining([
        'localhost',
        '127.0.0.1',
        '192.168.10.24',
        'fe80::1',
        'hub.example.org',
        'shop.example.org',
        '*.lan',
        'studio.local',
      ]),
    )
    expect(new Set(hosts).size).toBe(hosts.length)
  })

  it('name nothing but loopback and the machine when nothing is configured', () => {
    expect(allowedDevOrigins({}, { eth0: [{ address: '10.0.0.5', family: 'IPv4' } as never] })).toEqual([
      'localhost',
      '127.0.0.1',
      '::1',
      '10.0.0.5',
    ])
  })
})
