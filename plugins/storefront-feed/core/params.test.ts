import { describe, expect, it } from 'vitest'

import { CONTENT_TYPES } from '../types'
import { parseFeedQuery, queryCacheKey } from './params'
import { encodeCursor, encodeSyncToken, filterFingerprint } from './tokens'

const SECRET = 'test-secret'
const ctx = {
  secret: SECRET,
  contentTypes: [...CONTENT_TYPES],
  pageSize: { default: 50, max: 100 },
  localization: { locales: ['ja', 'en'] as const, defaultLocale: 'ja' as const },
}
const parse = (search: string, context = ctx) => parseFeedQuery(new URLSearchParams(search), context)

const errorsOf = (search: string, context = ctx) => {
  const result = parse(search, context)
  if (result.ok) throw new Error(`expected "${search}" to be refused`)
  return result.errors
}

describe('parseFeedQuery', () => {
  it('fills the defaults: every type, ja, 50 per page, no paging state', () => {
    const result = parse('')
    expect(result.ok && result.query).toMatchObject({ types: CONTENT_TYPES, locale: 'ja', limit: 50 })
    expect(result.ok && result.query.cursor).toBeUndefined()
    expect(result.ok && result.query.since).toBeUndefined()
  })

  it('accepts types comma-separated or repeated, in canonical order', () => {
    const comma = parse('type=playbook,glossary-term')
    const repeated = parse('type=playbook&type=glossary-term')
    expect(comma.ok && comma.query.types).toEqual(['glossary-term', 'playbook'])
    expect(repeated.ok && repeated.query.types).toEqual(['glossary-term', 'playbook'])
    expect(comma.ok && repeated.ok && queryCacheKey(comma.query)).toBe(repeated.ok && queryCacheKey(repeated.query))
  })

  it.each([
    ['type=article', 'type'],
    ['type=', 'type'],
    ['glossary=Social Media', 'glossary'],
    ['glossary=', 'glossary'],
    ['tag=a_b', 'tag'],
    ['tag=-x', 'tag'],
    ['locale=fr', 'locale'],
    ['locale=JA', 'locale'],
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=-1', 'limit'],
    ['limit=1.5', 'limit'],
    ['limit=ten', 'limit'],
    ['limit=99999999999', 'limit'],
    ['cursor=', 'cursor'],
    ['cursor=abc', 'cursor'],
    ['cursor=a.b', 'cursor'],
    ['since=', 'since'],
    ['since=yesterday', 'since'],
    ['since=2025-13-01', 'since'],
    ['since=2025-01-01T25:00:00Z', 'since'],
    ['since=eyJ2IjoxfQ.AAAA', 'since'],
    ['draft=true', 'draft'],
    ['depth=2', 'depth'],
    ['limit=5&limit=6', 'limit'],
  ])('refuses %s naming the parameter "%s"', (search, parameter) => {
    const errors = errorsOf(search)
    expect(errors.map((e) => e.parameter)).toContain(parameter)
    for (const error of errors) expect(error.message.length).toBeGreaterThan(5)
  })

  it('reports every bad parameter at once', () => {
    expect(
      errorsOf('limit=0&locale=fr&type=x')
        .map((e) => e.parameter)
        .sort(),
    ).toEqual(['limit', 'locale', 'type'])
  })

  it('refuses a content type the feed was configured not to publish', () => {
    const errors = errorsOf('type=playbook', { ...ctx, contentTypes: ['glossary-term'] })
    expect(errors[0]).toMatchObject({ parameter: 'type', message: expect.stringContaining('glossary-term') })
  })

  it('accepts a cursor only for the filters it was issued for', () => {
    const filter = filterFingerprint({ types: [...CONTENT_TYPES], glossary: 'sns' })
    const cursor = encodeCursor(SECRET, { head: 4, filter, after: { id: 'x', type: 'glossary-term' } })
    const ok = parse(`glossary=sns&cursor=${cursor}`)
    expect(ok.ok && ok.query.cursor).toEqual({ head: 4, filter, after: { id: 'x', type: 'glossary-term' } })
    expect(errorsOf(`glossary=other&cursor=${cursor}`)[0]?.parameter).toBe('cursor')
    expect(errorsOf(`cursor=${cursor}`)[0]?.parameter).toBe('cursor')
  })

  it('refuses a cursor together with since', () => {
    const cursor = encodeCursor(SECRET, {
      head: 4,
      filter: filterFingerprint({ types: [...CONTENT_TYPES] }),
      after: { id: 'x', type: 'playbook' },
    })
    expect(errorsOf(`since=${encodeSyncToken(SECRET, 1)}&cursor=${cursor}`)[0]?.parameter).toBe('cursor')
  })

  it('reads since as a sync token or an ISO date', () => {
    const token = parse(`since=${encodeSyncToken(SECRET, 12)}`)
    expect(token.ok && token.query.since).toEqual({ kind: 'sequence', sequence: 12 })
    const date = parse('since=2025-01-31T09:00:00%2B09:00')
    expect(date.ok && date.query.since).toEqual({ kind: 'date', date: new Date('2025-01-31T00:00:00Z') })
    const day = parse('since=2025-01-31')
    expect(day.ok && day.query.since).toEqual({ kind: 'date', date: new Date('2025-01-31T00:00:00Z') })
  })

  it('gives different cache keys to different pages and locales', () => {
    const keys = ['', 'locale=en', 'limit=10', 'type=playbook', 'glossary=a', 'tag=a'].map((search) => {
      const result = parse(search)
      return result.ok ? queryCacheKey(result.query) : search
    })
    expect(new Set(keys).size).toBe(keys.length)
  })
})
