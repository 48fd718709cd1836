import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { CONTENT_TYPES, type ContentType } from '../types'
import { compareFeedOrder, type ItemKey, keysetBound, mergePages } from './order'

/** Simulates the database side: each collection answers `id <op> bound`, sorted by id desc, limit n. */
const readCollection = (items: ItemKey[], type: ContentType, limit: number, after?: ItemKey) =>
  items
    .filter((item) => item.type === type)
    .filter((item) => {
      if (!after) return true
      const bound = keysetBound(type, after)
      return bound.operator === 'less_than' ? item.id < bound.id : item.id <= bound.id
    })
    .sort((a, b) => (a.id > b.id ? -1 : a.id < b.id ? 1 : 0))
    .slice(0, limit)

const pageThrough = (items: () => ItemKey[], limit: number, between: (page: number) => void = () => {}) => {
  const served: ItemKey[] = []
  let after: ItemKey | undefined
  for (let page = 0; page < 1000; page += 1) {
    const current = items()
    const { page: keys, hasMore } = mergePages(
      CONTENT_TYPES.map((type) => readCollection(current, type, limit + 1, after)),
      limit,
      after,
    )
    served.push(...keys)
    if (!hasMore) return served
    after = keys[keys.length - 1]
    between(page)
  }
  throw new Error('paging did not end')
}

const itemsArb = fc.uniqueArray(
  fc.record({ id: fc.stringMatching(/^[0-9a-f]{1,3}$/), type: fc.constantFrom(...CONTENT_TYPES) }),
  { selector: (item) => `${item.type}:${item.id}`, maxLength: 60 },
)

const key = (item: ItemKey) => `${item.type}:${item.id}`

describe('keyset paging', () => {
  it('serves every item exactly once, in feed order, whatever the page size', () => {
    fc.assert(
      fc.property(itemsArb, fc.integer({ min: 1, max: 12 }), (items, limit) => {
        const served = pageThrough(() => items, limit)
        expect(served.map(key)).toEqual([...items].sort(compareFeedOrder).map(key))
      }),
    )
  })

  it('neither skips nor repeats items that stay while others are added and removed between pages', () => {
    fc.assert(
      fc.property(itemsArb, itemsArb, fc.integer({ min: 1, max: 8 }), fc.integer(), (initial, extra, limit, seed) => {
        let current = [...initial]
        const removable = new Set<string>()
        const served = pageThrough(
          () => current,
          limit,
          (page) => {
            // Between pages: remove one item and add one, pseudo-randomly.
            const victim = current[(seed + page) % Math.max(current.length, 1)]
            if (victim) {
              removable.add(key(victim))
              current = current.filter((item) => item !== victim)
            }
            const added = extra[page % Math.max(extra.length, 1)]
            if (added && !current.some((item) => key(item) === key(added))) {
              removable.add(key(added))
              current = [...current, added]
            }
          },
        )
        const servedKeys = served.map(key)
        expect(new Set(servedKeys).size).toBe(servedKeys.length)
        const stayed = initial.filter((item) => !removable.has(key(item))).map(key)
        for (const item of stayed) expect(servedKeys).toContain(item)
      }),
    )
  })

  it('orders by id descending and breaks id ties by content type', () => {
    const items: ItemKey[] = [
      { id: 'a', type: 'glossary-term' },
      { id: 'b', type: 'playbook' },
      { id: 'a', type: 'playbook' },
    ]
    expect([...items].sort(compareFeedOrder)).toEqual([
      { id: 'b', type: 'playbook' },
      { id: 'a', type: 'playbook' },
      { id: 'a', type: 'glossary-term' },
    ])
  })
})
