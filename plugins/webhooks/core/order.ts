/**
 * Per-document order: a delivery is sent only when no earlier, still open delivery exists for the same
 * webhook and document (`orderKey`). Deliveries of different documents go out in parallel.
 */
export type QueuedDelivery = { id: string; orderKey: string; sequence: number }

export const orderKeyOf = (webhookId: string, collection: string, documentId: string): string =>
  `${webhookId}|${collection}|${documentId}`

/**
 * From due candidates (ascending sequence) and every open delivery of their documents, the ones that may
 * go now: at most one per document, and only the oldest open one of it.
 */
export const deliverableNow = (candidates: QueuedDelivery[], open: QueuedDelivery[]): QueuedDelivery[] => {
  const oldestOpen = new Map<string, number>()
  for (const row of [...open, ...candidates]) {
    const known = oldestOpen.get(row.orderKey)
    if (known === undefined || row.sequence < known) oldestOpen.set(row.orderKey, row.sequence)
  }
  const taken = new Set<string>()
  return candidates.filter((row) => {
    if (taken.has(row.orderKey) || oldestOpen.get(row.orderKey) !== row.sequence) return false
    taken.add(row.orderKey)
    return true
  })
}

let last = 0
/**
 * A strictly increasing number per process, close to the time in microseconds: queue order. Two instances
 * writing in the same microsecond tie; per-document order across instances follows the saves' commit order anyway.
 */
export const nextSequence = (now = Date.now()): number => {
  last = Math.max(last + 1, now * 1000)
  return last
}
