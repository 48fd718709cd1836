import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { CONTENT_TYPES } from '../types'
import { decodeCursor, decodeSyncToken, encodeCursor, encodeSyncToken, filterFingerprint, TokenError } from './tokens'

const SECRET = 'test-secret'

const tamper = (token: string): string => {
  const [body, mac] = token.split('.') as [string, string]
  const json = JSON.parse(Buffer.from(body, 'base64url').toString())
  json.s = (json.s ?? json.h) + 1
  if (json.h !== undefined) json.h += 1
  return `${Buffer.from(JSON.stringify(json)).toString('base64url')}.${mac}`
}

describe('cursors and sync tokens', () => {
  it('decode to exactly what was encoded', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.constantFrom(...CONTENT_TYPES),
        (head, id, type) => {
          const cursor = { head, filter: 'abc', after: { id, type } }
          expect(decodeCursor(SECRET, encodeCursor(SECRET, cursor))).toEqual(cursor)
          expect(decodeSyncToken(SECRET, encodeSyncToken(SECRET, head))).toBe(head)
        },
      ),
    )
  })

  it('refuse a token whose content was edited', () => {
    expect(() => decodeSyncToken(SECRET, tamper(encodeSyncToken(SECRET, 41)))).toThrow(TokenError)
    const cursor = encodeCursor(SECRET, { head: 3, filter: 'f', after: { id: 'a', type: 'playbook' } })
    expect(() => decodeCursor(SECRET, tamper(cursor))).toThrow(/altered/)
  })

  it('refuse a token signed by another hub', () => {
    expect(() => decodeSyncToken('other-secret', encodeSyncToken(SECRET, 5))).toThrow(/another hub/)
  })

  it('refuse a sync token used as a cursor and a cursor used as a sync token', () => {
    const cursor = encodeCursor(SECRET, { head: 3, filter: 'f', after: { id: 'a', type: 'playbook' } })
    expect(() => decodeCursor(SECRET, encodeSyncToken(SECRET, 3))).toThrow(/not a page cursor/)
    expect(() => decodeSyncToken(SECRET, cursor)).toThrow(/not a sync token/)
  })

  it('refuse anything that is not a token, without throwing anything but TokenError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 700 }), (text) => {
        expect(() => decodeSyncToken(SECRET, text)).toThrow(TokenError)
        expect(() => decodeCursor(SECRET, text)).toThrow(TokenError)
      }),
    )
  })
})

describe('filterFingerprint', () => {
  it('ignores the order types were listed in but not the glossary or tag', () => {
    const base = filterFingerprint({ types: ['playbook', 'glossary-term'] })
    expect(filterFingerprint({ types: ['glossary-term', 'playbook'] })).toBe(base)
    expect(filterFingerprint({ types: ['glossary-term', 'playbook'], glossary: 'sns' })).not.toBe(base)
    expect(filterFingerprint({ types: ['glossary-term', 'playbook'], tag: 'sns' })).not.toBe(
      filterFingerprint({ types: ['glossary-term', 'playbook'], glossary: 'sns' }),
    )
  })
})
