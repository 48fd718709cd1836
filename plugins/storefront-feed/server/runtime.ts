import type { Payload } from 'payload'

import { type CachedPage, PageCache } from '../core/pageCache'
import type { SanitizedFeedOptions } from '../types'
import { type JournalHead, readHead } from './journalStore'
import { TermDirectoryKeeper } from './termDirectory'
import { instanceSlot } from '../../shared/instanceSlot'

/** Longest time a transaction may hold the journal lock before it is released anyway. */
const TRANSACTION_LOCK_TIMEOUT_MS = 15_000

/**
 * Serialises journal writes in this process. Inside a database transaction (MongoDB replica sets) the
 * lock is held until that transaction commits or rolls back, so the next writer reads a head that
 * includes the previous row and no two writers of this instance pick the same sequence.
 */
class JournalLock {
  private tail: Promise<void> = Promise.resolve()
  private heldBy?: string
  private readonly pendingReleases = new Map<string, { release: () => void; timer: NodeJS.Timeout }>()

  async run<T>(transactionID: string | undefined, fn: () => Promise<T>): Promise<T> {
    // Re-entrant within one transaction: its own fan-out or a nested save must not wait on itself.
    if (transactionID && this.heldBy === transactionID) return fn()
    const previous = this.tail
    let release!: () => void
    this.tail = new Promise<void>((resolve) => (release = resolve))
    await previous
    this.heldBy = transactionID
    const done = () => {
      this.heldBy = undefined
      release()
    }
    try {
      const result = await fn()
      if (transactionID) this.holdUntilEnd(transactionID, done)
      else done()
      return result
    } catch (error) {
      done()
      throw error
    }
  }

  private holdUntilEnd(transactionID: string, done: () => void) {
    const timer = setTimeout(() => this.transactionEnded(transactionID), TRANSACTION_LOCK_TIMEOUT_MS)
    timer.unref()
    this.pendingReleases.set(transactionID, { release: done, timer })
  }

  /** Returns true when this transaction had written to the journal. */
  transactionEnded(transactionID: string): boolean {
    const pending = this.pendingReleases.get(transactionID)
    if (!pending) return false
    clearTimeout(pending.timer)
    this.pendingReleases.delete(transactionID)
    pending.release()
    return true
  }
}

/** Per Payload instance: its page cache, what it last saw of the journal, its poller and its lock. */
export class FeedRuntime {
  readonly cache: PageCache
  /** Published terms' reference data, for the pages' lookups (read on the first page). */
  readonly terms: TermDirectoryKeeper
  readonly lock = new JournalLock()
  /** Page builds under way, keyed by cache generation and page key. */
  readonly inflight = new Map<string, Promise<CachedPage>>()
  /** Journal head this instance's cached pages were built against; -1 before the first read. */
  knownHead = -1
  private poller?: NodeJS.Timeout
  private polling = false
  private stopped = false

  constructor(
    readonly payload: Payload,
    readonly options: SanitizedFeedOptions,
  ) {
    this.cache = new PageCache(options.cache.maxEntries)
    this.terms = new TermDirectoryKeeper(payload, options)
  }

  /** Adopts a freshly read journal head; a move means another write happened, so cached pages go. */
  observeHead(head: JournalHead): void {
    if (head.sequence !== this.knownHead) {
      if (this.knownHead !== -1) this.cache.clear()
      // Forward: the directory applies the new rows now, before the next page asks. Back: a restore.
      if (head.sequence < this.knownHead) this.terms.reload()
      else if (this.knownHead !== -1) this.terms.advance(head.sequence)
      // The first read too: answers another cache stored before this instance knew the head may be older.
      this.options.cache.onInvalidate('journal')
      this.knownHead = head.sequence
    }
  }

  /** A local write was journaled: drop cached pages now, and once more when its transaction ends. */
  localChange(): void {
    this.invalidate()
  }

  transactionEnded(transactionID: string): void {
    if (this.lock.transactionEnded(transactionID)) this.invalidate()
  }

  private invalidate(): void {
    this.cache.clear()
    this.options.cache.onInvalidate('local')
  }

  /** Reads the journal head once: what the poller does every `pollIntervalMs`. Exposed for tests. */
  async pollOnce(): Promise<void> {
    if (this.polling || this.stopped) return
    this.polling = true
    try {
      this.observeHead(await readHead(this.payload, this.options.changesCollection))
    } catch (error) {
      this.payload.logger.debug({ err: error, msg: 'storefront-feed: journal poll failed; will retry' })
    } finally {
      this.polling = false
    }
  }

  startPolling(): void {
    if (this.poller || this.stopped) return
    this.poller = setInterval(() => void this.pollOnce(), this.options.pollIntervalMs)
    this.poller.unref()
  }

  stopPolling(): void {
    if (this.poller) clearInterval(this.poller)
    this.poller = undefined
  }

  stop(): void {
    this.stopped = true
    this.stopPolling()
    this.cache.clear()
  }
}

const runtimes = instanceSlot<FeedRuntime>('storefront-feed.runtime')

/** The runtime if the plugin is active on this instance (its onInit or a hook created it). */
export const existingFeedRuntime = (payload: Payload): FeedRuntime | undefined => runtimes.get(payload)

/**
 * The runtime for this Payload instance, created on first use. The first one also wraps the adapter's
 * commit and rollback, to learn when a transaction that wrote the journal ends.
 */
export const feedRuntime = (payload: Payload, options: SanitizedFeedOptions): FeedRuntime =>
  runtimes.for(payload, options, (previous) => {
    const runtime = new FeedRuntime(payload, options)
    if (!previous) watchTransactionEnds(payload)
    // payload.destroy() stops everything in `crons`: polling stops with the instance.
    ;(payload.crons as unknown as { stop: () => void }[]).push({ stop: () => runtime.stop() })
    return runtime
  })

/** Tells whichever runtime is current when a transaction ends. */
const watchTransactionEnds = (payload: Payload): void => {
  const ended = (id: unknown) => {
    if (typeof id === 'string' || typeof id === 'number') existingFeedRuntime(payload)?.transactionEnded(String(id))
  }
  const db = payload.db
  const commit = db.commitTransaction.bind(db)
  const rollback = db.rollbackTransaction.bind(db)
  db.commitTransaction = async (id) => {
    try {
      return await commit(id)
    } finally {
      ended(id)
    }
  }
  db.rollbackTransaction = async (id) => {
    try {
      return await rollback(id)
    } finally {
      ended(id)
    }
  }
}
