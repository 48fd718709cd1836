/**
 * Bookkeeping for the shared change log that keeps several server instances in step.
 *
 * Every instance writes one entry per change (in the same transaction as the change) and polls
 * for entries it has not applied. Entries are read from `since()`, which trails the newest entry
 * seen by `overlapMs`: a transaction that commits late with an older timestamp is still picked up,
 * and ids already applied are skipped. Pure: the caller does the reading and the applying.
 */

export type ChangeEntry = { id: string; createdAt: string; collection: string; docId: string }

export type ChangeFeedOptions = {
  /** How far behind the newest entry each poll looks again (late commits, clock skew). */
  overlapMs: number
}

export class ChangeFeed {
  readonly #overlapMs: number
  /** Entry id → its time, for entries inside the overlap window. */
  readonly #seen = new Map<string, number>()
  #newest: number

  /** `startedAt`: when this instance's view of the data was read (entries from then on matter). */
  constructor(startedAt: number, { overlapMs }: ChangeFeedOptions) {
    this.#overlapMs = overlapMs
    this.#newest = startedAt
  }

  /** The ISO time to read entries from (inclusive). */
  since(): string {
    return new Date(this.#newest - this.#overlapMs).toISOString()
  }

  /** Remember an entry this instance wrote and already applied. */
  markApplied(entry: Pick<ChangeEntry, 'id' | 'createdAt'>): void {
    const time = Date.parse(entry.createdAt)
    this.#seen.set(entry.id, Number.isNaN(time) ? this.#newest : time)
  }

  /**
   * The entries of a poll that still need applying, oldest first, each document once.
   * They count as applied from now on; call `forget` for any that failed to apply.
   */
  take(entries: readonly ChangeEntry[]): ChangeEntry[] {
    const fresh = entries
      .filter((entry) => !this.#seen.has(entry.id))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    for (const entry of fresh) {
      const time = Date.parse(entry.createdAt)
      this.#seen.set(entry.id, time)
      if (time > this.#newest) this.#newest = time
    }
    this.#prune()
    // Applying re-reads the document, so one apply per document covers all its entries.
    const byDocument = new Map<string, ChangeEntry>()
    for (const entry of fresh) byDocument.set(`${entry.collection}:${entry.docId}`, entry)
    return [...byDocument.values()]
  }

  /** Let an entry be taken again on the next poll (its apply failed). */
  forget(id: string): void {
    this.#seen.delete(id)
  }

  #prune(): void {
    const horizon = this.#newest - this.#overlapMs
    for (const [id, time] of this.#seen) if (time < horizon) this.#seen.delete(id)
  }
}
