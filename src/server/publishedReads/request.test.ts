import { describe, expect, it } from 'vitest'

import { sanitizeOptions } from '../../../plugins/storefront-feed/core/options'
import { readRequestOf } from './request'
import { PUBLISHED_READ_ROUTES } from './routes'

const anonymous = { host: 'hub.example.test' }
const keyOf = (url: string, headers: Record<string, string> = anonymous, method = 'GET') => {
  const read = readRequestOf(method, url, headers, PUBLISHED_READ_ROUTES)
  return read.cacheable ? read.key : read.reason
}

describe('which requests the published-read cache may answer', () => {
  it('shares one answer between orderings of the same query, and none between different queries', () => {
    const a = keyOf('/api/glossary-terms?limit=50&depth=1&locale=en')
    expect(keyOf('/api/glossary-terms?locale=en&depth=1&limit=50')).toBe(a)
    expect(keyOf('/api/glossary-terms?locale=en&depth=1&limit=50&')).toBe(a)
    expect(keyOf('/api/glossary-terms?locale=ja&depth=1&limit=50')).not.toBe(a)
    expect(keyOf('/api/glossary-terms?locale=en&depth=2&limit=50')).not.toBe(a)
    expect(keyOf('/api/glossary-terms?locale=en&depth=1&limit=50&select[term]=true')).not.toBe(a)
    expect(keyOf('/api/case-studies?locale=en&depth=1&limit=50')).not.toBe(a)
  })

  it('keeps the order of repeated parameters, which arrays depend on', () => {
    expect(keyOf('/api/tags?where[slug][in]=kiwi&where[slug][in]=plum')).not.toBe(
      keyOf('/api/tags?where[slug][in]=plum&where[slug][in]=kiwi'),
    )
    expect(keyOf('/api/tags?where%5Bslug%5D%5Bequals%5D=kiwi')).toBe(keyOf('/api/tags?where[slug][equals]=kiwi'))
  })

  it('keys on the host and origin an answer may mention', () => {
    expect(keyOf('/api/feed?limit=5', { host: 'a.example.test' })).not.toBe(
      keyOf('/api/feed?limit=5', { host: 'b.example.test' }),
    )
    expect(keyOf('/api/feed?limit=5', { ...anonymous, origin: 'https://shop.example.test' })).not.toBe(
      keyOf('/api/feed?limit=5'),
    )
  })

  it.each([
    ['a cookie', { cookie: 'payload-token=abc' }],
    ['an Authorization header', { authorization: 'JWT abc' }],
    ['an API key', { authorization: 'users API-Key abc' }],
  ])('never answers a request carrying %s', (_what, headers) => {
    expect(keyOf('/api/glossary-terms?limit=5', { ...anonymous, ...headers })).toBe('credentials')
  })

  it.each(['draft=true', 'draft=false', 'preview=1', 'token=abc', 'previewToken=abc', 'DRAFT=true'])(
    'never answers a request asking for drafts or a preview (%s)',
    (query) => expect(keyOf(`/api/glossary-terms/some-id?${query}`)).toBe('draft-or-preview'),
  )

  it.each([
    '/api/users',
    '/api/users/me',
    '/api/glossary-terms/me',
    '/api/glossary-terms/versions',
    '/api/glossary-terms/access',
    '/api/glossary-terms/init',
    '/api/glossary-terms/versions/abc',
    '/api/term-graph',
    '/api/feed-changes',
    '/api/payload-preferences',
    '/admin/collections/glossary-terms',
    '/api/glossary-terms-extra',
  ])('leaves %s to Payload', (path) => expect(keyOf(path)).toBe('not-a-public-read'))

  it('answers only reads: GET and HEAD on REST, POST on GraphQL with its body', () => {
    expect(keyOf('/api/glossary-terms', anonymous, 'POST')).toBe('not-a-public-read')
    expect(keyOf('/api/glossary-terms/abc', anonymous, 'DELETE')).toBe('not-a-public-read')
    expect(keyOf('/api/glossary-terms/abc', anonymous, 'HEAD')).toBe(keyOf('/api/glossary-terms/abc'))
    expect(keyOf('/api/graphql', anonymous, 'GET')).toBe('not-a-public-read')
    const graphql = (query: string) =>
      readRequestOf('POST', '/api/graphql', anonymous, PUBLISHED_READ_ROUTES, Buffer.from(query))
    expect(graphql('{"query":"{ Tags { docs { slug } } }"}')).toMatchObject({ cacheable: true, graphql: true })
    expect(graphql('{"query":"{ Tags { docs { slug } } }"}')).not.toEqual(
      graphql('{"query":"{ Tags { docs { name } } }"}'),
    )
  })

  it('leaves requests from Next client routers and undecodable queries to Next', () => {
    expect(keyOf('/api/tags', { ...anonymous, rsc: '1' })).toBe('not-a-public-read')
    expect(keyOf('/api/tags?where=%E0%A4%A')).toBe('not-a-public-read')
  })

  it('covers exactly the collections whose changes the storefront feed journals', () => {
    const journaled = Object.values(
      sanitizeOptions({ storefront: { baseUrl: 'https://shop.example.test' } }).collections,
    )
    expect([...PUBLISHED_READ_ROUTES.collections].sort()).toEqual([...journaled].sort())
  })
})
