import { describe, expect, it } from 'vitest'

import { heapFlags, serverSettings } from './settings'

describe('npm start settings', () => {
  it('reads the port and host as next start does, and the worker and cache sizes from the environment', () => {
    expect(
      serverSettings(['-p', '4100', '-H', '127.0.0.1'], { HUB_WORKERS: '2', HUB_READ_CACHE_MB: '8' } as never),
    ).toEqual({
      port: 4100,
      hostname: '127.0.0.1',
      workers: 2,
      cacheBytes: 8 * 1024 * 1024,
      trustedProxies: 0,
      bodyLimits: { auth: 64 * 1024, graphql: 64 * 1024, write: 2 * 1024 * 1024 },
      heap: { youngSpaceMb: 16, growthPercent: 40, headroomMb: 64, maxOldSpaceMb: 0 },
    })
    expect(serverSettings([], { HUB_TRUST_PROXY: '1' } as never).trustedProxies).toBe(1)
    expect(serverSettings(['--port=4200'], { PORT: '4300' } as never)).toMatchObject({
      port: 4200,
      workers: 1,
      cacheBytes: 64 * 1024 * 1024,
    })
    expect(serverSettings([], { PORT: '4300' } as never).port).toBe(4300)
  })

  it.each([
    [['-p', 'eighty'], {}, /-p is 'eighty'; expected a whole number from 0 to 65535/],
    [[], { HUB_WORKERS: '0' }, /HUB_WORKERS is '0'; expected a whole number from 1 to 64/],
    [[], { HUB_WORKERS: '1.5' }, /HUB_WORKERS is '1.5'/],
    [[], { HUB_READ_CACHE_MB: '-1' }, /HUB_READ_CACHE_MB is '-1'/],
    [[], { HUB_TRUST_PROXY: 'yes' }, /HUB_TRUST_PROXY is 'yes'; expected a whole number from 0 to 16/],
    [[], { HUB_HEAP_YOUNG_MB: '32M' }, /HUB_HEAP_YOUNG_MB is '32M'; expected a whole number from 0 to 1024/],
    [[], { HUB_HEAP_GROWTH_PERCENT: '400' }, /HUB_HEAP_GROWTH_PERCENT is '400'; expected a whole number from 0 to 300/],
    [[], { HUB_HEAP_MAX_MB: '1.5' }, /HUB_HEAP_MAX_MB is '1.5'/],
    [[], { HUB_BODY_LIMIT_AUTH_KB: '64k' }, /HUB_BODY_LIMIT_AUTH_KB is '64k'; expected a whole number of KiB/],
    [['--turbo'], {}, /unknown option '--turbo'; npm start accepts -p\/--port and -H\/--hostname/],
  ])('refuses %j %j with the setting and what it expects', (argv, env, message) => {
    expect(() => serverSettings(argv, env as never)).toThrow(message)
  })

  it('turns the heap settings into the V8 flags each worker starts with (0 leaves V8 its own choice)', () => {
    const { heap } = serverSettings([], {} as never)
    expect(heapFlags(heap)).toEqual(['--max-semi-space-size=16', '--heap-growing-percent=40'])
    const tuned = serverSettings([], {
      HUB_HEAP_YOUNG_MB: '0',
      HUB_HEAP_GROWTH_PERCENT: '0',
      HUB_HEAP_MAX_MB: '900',
    } as never)
    expect(heapFlags(tuned.heap)).toEqual(['--max-old-space-size=900'])
  })
})
