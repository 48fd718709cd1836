import { describe, expect, it } from 'vitest'

import { deliverableNow, nextSequence, type QueuedDelivery } from './order'

const row = (id: string, orderKey: string, sequence: number): QueuedDelivery => ({ id, orderKey, sequence })

describe('per-document order', () => {
  it('sends only the oldest open delivery of each document, documents in parallel', () => {
    const due = [row('a1', 'w|terms|a', 1), row('b1', 'w|terms|b', 2), row('a2', 'w|terms|a', 3)]
    expect(deliverableNow(due, due).map((r) => r.id)).toEqual(['a1', 'b1'])
  })

  it('holds a due delivery while an older one of the same document waits for its retry', () => {
    const due = [row('a2', 'w|terms|a', 5), row('c1', 'w|terms|c', 6)]
    const open = [row('a1', 'w|terms|a', 4)]
    expect(deliverableNow(due, open).map((r) => r.id)).toEqual(['c1'])
  })

  it('keeps webhooks apart: one receiver being slow does not hold another one back', () => {
    const due = [row('x', 'w2|terms|a', 8)]
    expect(deliverableNow(due, [row('old', 'w1|terms|a', 1)]).map((r) => r.id)).toEqual(['x'])
  })

  it('numbers the queue strictly upwards, even within one millisecond', () => {
    const seen = Array.from({ length: 1000 }, () => nextSequence(1_800_000_000_000))
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]!)
  })
})
