import { describe, expect, it } from 'vitest'

import { ChangeFeed, type ChangeEntry } from './changeFeed'

const T0 = Date.parse('2025-01-01T00:00:00.000Z')
const at = (ms: number) => new Date(T0 + ms).toISOString()
const entry = (id: string, ms: number, docId = id, collection = 'terms'): ChangeEntry => ({
  id,
  createdAt: at(ms),
  collection,
  docId,
})

describe('change feed', () => {
  it('reads from the start time minus the overlap', () => {
    const feed = new ChangeFeed(T0, { overlapMs: 1000 })
    expect(feed.since()).toBe(at(-1000))
  })

  it('hands out each entry once, oldest first', () => {
    const feed = new ChangeFeed(T0, { overlapMs: 1000 })
    expect(feed.take([entry('b', 20), entry('a', 10)]).map((e) => e.id)).toEqual(['a', 'b'])
    expect(feed.take([entry('a', 10), entry('b', 20)])).toEqual([])
  })

  it('skips entries this instance wrote and applied itself', () => {
    const feed = new ChangeFeed(T0, { overlapMs: 1000 })
    feed.markApplied({ id: 'mine', createdAt: at(5) })
    expect(feed.take([entry('mine', 5), entry('theirs', 6)]).map((e) => e.id)).toEqual(['theirs'])
  })

  it('still picks up an entry that committed late with an older timestamp', () => {
    const feed = new ChangeFeed(T0, { overlapMs: 1000 })
    feed.take([entry('b', 500)])
    // The next poll reads from 500 - 1000: an entry stamped at 100 but committed after the first poll is in range.
    expect(Date.parse(feed.since())).toBeLessThanOrEqual(T0 + 100)
    expect(feed.take([entry('late', 100), entry('b', 500)]).map((e) => e.id)).toEqual(['late'])
  })

  it('applies each document once per poll, however many entries it has', () => {
    const feed = new ChangeFeed(T0, { overlapMs: 1000 })
    const todo = feed.take([
      entry('1', 1, 'x'),
      entry('2', 2, 'x'),
      entry('3', 3, 'y'),
      entry('4', 4, 'x', 'case-studies'),
    ])
    expect(todo.map((e) => `${e.collection}:${e.docId}`).sort()).toEqual(['case-studies:x', 'terms:x', 'terms:y'])
  })

  it('offers a forgotten entry again (its apply failed)', () => {
    const feed = new ChangeFeed(T0, { overlapMs: 1000 })
    feed.take([entry('a', 10)])
    feed.forget('a')
    expect(feed.take([entry('a', 10)]).map((e) => e.id)).toEqual(['a'])
  })

  it('moves its window forward as newer entries arrive', () => {
    const feed = new ChangeFeed(T0, { overlapMs: 1000 })
    feed.take([entry('a', 10_000)])
    expect(feed.since()).toBe(at(9_000))
  })
})
