import { describe, expect, it } from 'vitest'

import { type CachedAnswer, PublishedReadCache, storedHeaders } from './cache'

const answer = (
  text: string,
  headers: Record<string, unknown> = { 'content-type': 'application/json' },
): CachedAnswer => {
  const body = Buffer.from(text)
  const kept = storedHeaders(headers, body)
  return { body, headers: kept, etag: kept.etag }
}

describe('the published-read cache', () => {
  it('keeps answers within its byte budget, dropping the least recently used first', () => {
    const cache = new PublishedReadCache(2_000, 0, 2_000)
    cache.set('plum', answer('p'.repeat(600)), 0)
    cache.set('kiwi', answer('k'.repeat(600)), 0)
    cache.get('plum')
    cache.set('fig', answer('f'.repeat(600)), 0)
    expect(cache.get('kiwi')).toBeUndefined()
    expect(cache.get('plum')?.body.toString()).toBe('p'.repeat(600))
    expect(cache.get('fig')).toBeDefined()
    expect(cache.bytes).toBeLessThanOrEqual(2_000)
  })

  it('refuses an answer larger than one entry may be', () => {
    const cache = new PublishedReadCache(8_000)
    expect(cache.set('big', answer('b'.repeat(1_500)), 0)).toBe(false)
    expect(cache.set('small', answer('s'.repeat(100)), 0)).toBe(true)
  })

  it('refuses an answer read before the last invalidation, so a raced edit cannot come back', () => {
    const cache = new PublishedReadCache(8_000)
    cache.set('plum', answer('old'), 0)
    cache.clear(1)
    expect(cache.get('plum')).toBeUndefined()
    expect(cache.set('plum', answer('old'), 0)).toBe(false)
    expect(cache.set('plum', answer('new'), 1)).toBe(true)
  })

  it('gives equal bytes the same strong ETag and different bytes another, and keeps a strong upstream one', () => {
    expect(answer('{"a":1}').etag).toBe(answer('{"a":1}').etag)
    expect(answer('{"a":1}').etag).not.toBe(answer('{"a":2}').etag)
    expect(answer('{"a":1}').etag).toMatch(/^"[^"]+"$/)
    expect(answer('x', { etag: '"feed-page-7"' }).etag).toBe('"feed-page-7"')
    expect(answer('x', { etag: 'W/"weak"' }).etag).not.toBe('W/"weak"')
  })

  it('does not store connection headers', () => {
    const { headers } = answer('x', {
      'content-type': 'application/json',
      connection: 'keep-alive',
      date: 'now',
      'content-length': '1',
      'cache-tag': 'terms',
    })
    expect(Object.keys(headers).sort()).toEqual(['cache-tag', 'content-type', 'etag'])
  })
})
