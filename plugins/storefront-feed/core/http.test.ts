import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { cacheControl, computeEtag, ifNoneMatchHits, notModified, safeJsonStringify } from './http'

const bytes = (text: string) => new TextEncoder().encode(text)

describe('computeEtag', () => {
  it('is a strong, quoted validator that changes with any byte', () => {
    const etag = computeEtag(bytes('{"a":1}'))
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/)
    expect(computeEtag(bytes('{"a":1}'))).toBe(etag)
    expect(computeEtag(bytes('{"a":2}'))).not.toBe(etag)
  })
})

describe('notModified', () => {
  const page = { etag: '"abc"', lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT' }
  it.each([
    [{ ifModifiedSince: 'Tue, 01 Dec 2026 10:00:00 GMT' }, true],
    [{ ifModifiedSince: 'Wed, 02 Dec 2026 00:00:00 GMT' }, true],
    [{ ifModifiedSince: 'Tue, 01 Dec 2026 09:59:59 GMT' }, false],
    [{ ifModifiedSince: 'not a date' }, false],
    // If-None-Match wins when both are sent, whatever the date says.
    [{ ifNoneMatch: '"other"', ifModifiedSince: 'Wed, 02 Dec 2026 00:00:00 GMT' }, false],
    [{ ifNoneMatch: '"abc"', ifModifiedSince: 'Mon, 30 Nov 2026 00:00:00 GMT' }, true],
    [{}, false],
  ])('%j → %s', (request, expected) => {
    expect(notModified(request, page)).toBe(expected)
  })

  it('never answers 304 by date for a page without Last-Modified', () => {
    expect(notModified({ ifModifiedSince: 'Wed, 02 Dec 2026 00:00:00 GMT' }, { etag: '"abc"' })).toBe(false)
  })
})

describe('ifNoneMatchHits', () => {
  const etag = '"abc"'
  it.each([
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc"', true],
    ['*', true],
    ['"abcd"', false],
    ['abc', false],
    ['', false],
    [null, false],
  ])('If-None-Match %j → %s', (header, expected) => {
    expect(ifNoneMatchHits(header, etag)).toBe(expected)
  })
})

describe('safeJsonStringify', () => {
  it('leaves no character that could close a script block, and parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = safeJsonStringify(value)
        expect(text).not.toMatch(/[<>&\u2028\u2029]/)
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)))
      }),
    )
    expect(safeJsonStringify({ t: '</script>\u2028' })).toBe('{"t":"\\u003c/script\\u003e\\u2028"}')
  })
})

it('cacheControl is public with both lifetimes', () => {
  expect(cacheControl(60, 300)).toBe('public, max-age=60, stale-while-revalidate=300')
})
