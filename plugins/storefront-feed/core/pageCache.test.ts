import { describe, expect, it } from 'vitest'

import { type CachedPage, PageCache } from './pageCache'

const page = (n: number): CachedPage => ({ status: 200, body: new Uint8Array([n]), etag: `"${n}"`, headers: {} })

describe('PageCache', () => {
  it('evicts the least recently used page beyond its size', () => {
    const cache = new PageCache(2)
    cache.set('a', page(1), cache.generation)
    cache.set('b', page(2), cache.generation)
    cache.get('a')
    cache.set('c', page(3), cache.generation)
    expect(cache.get('b')).toBeUndefined()
    expect(cache.get('a')?.etag).toBe('"1"')
    expect(cache.get('c')?.etag).toBe('"3"')
  })

  it('does not store a page that was built before a clear', () => {
    const cache = new PageCache(10)
    const generation = cache.generation
    cache.clear()
    expect(cache.set('a', page(1), generation)).toBe(false)
    expect(cache.get('a')).toBeUndefined()
  })

  it('keeps aliases across a clear but answers them only once the page is rebuilt', () => {
    const cache = new PageCache(10)
    cache.alias('?limit=5', 'k')
    cache.set('k', page(1), cache.generation)
    expect(cache.getByAlias('?limit=5')?.etag).toBe('"1"')
    cache.clear()
    expect(cache.getByAlias('?limit=5')).toBeUndefined()
    cache.set('k', page(2), cache.generation)
    expect(cache.getByAlias('?limit=5')?.etag).toBe('"2"')
  })
})
