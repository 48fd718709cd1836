import { randomUUID } from 'node:crypto'

import type { Payload, PayloadRequest } from 'payload'

import { startPoller } from '../../shared/poller'
import type { ChangeLogEntry } from '../collections/changeLogCollection'
import { ChangeFeed, type ChangeEntry } from '../core/changeFeed'
import { GraphIndex } from '../core/graphIndex'
import type { SanitizedRelatedTermGraphConfig } from '../types'
import { createLoader, VIEW_KINDS, type Loader, type ViewKind } from './load'

/** The kinds of documents whose changes move the graph. */
export type SourceKind = 'terms' | 'case-studies' | 'playbooks' | 'tags' | 'glossaries'

export type Views = Partial<Record<ViewKind, GraphIndex>>

/** Entries read per poll; more than this pending means a rebuild is cheaper than replaying. */
const POLL_BATCH = 500
/** A poll re-reads this far behind the newest entry it has seen (late commits, clock skew). */
const POLL_OVERLAP_MS = 60_000
/** How often one instance clears expired change-log entries. */
const PRUNE_EVERY_MS = 5 * 60_000

/**
 * The related-term graph of one Payload instance: a published view, built on start (or on first use),
 * and a latest view, built when an editor first needs it (a storefront-only server never holds it);
 * both changed in place by collection hooks and kept in step with other instances sharing the
 * database through a change log polled every `pollIntervalMs`.
 */
export class TermGraphService {
  readonly instanceId = randomUUID()
  readonly loader: Loader
  readonly #views: Views = {}
  readonly #building = new Map<ViewKind, Promise<GraphIndex>>()
  #feed: ChangeFeed | null = null
  // Every change to the views runs in order, so a slow read can never apply older data last.
  #queue: Promise<unknown> = Promise.resolve()
  #poller: { stop: () => void } | null = null
  #polling = false
  #lastPollOk = Date.now()
  #lastPrune = 0
  #stopped = false

  constructor(
    readonly payload: Payload,
    readonly options: SanitizedRelatedTermGraphConfig,
  ) {
    this.loader = createLoader(payload, options)
  }

  get locales(): readonly string[] {
    return this.loader.locales
  }

  get defaultLocale(): string {
    return this.payload.config.localization
      ? this.payload.config.localization.defaultLocale
      : (this.locales[0] as string)
  }

  /** A view, building it first if needed (a failed build is retried on the next call). */
  async view(kind: ViewKind): Promise<GraphIndex> {
    const built = this.#views[kind]
    if (built) return built
    let building = this.#building.get(kind)
    if (!building) {
      building = this.#serial(() => this.#build(kind)).finally(() => this.#building.delete(kind))
      this.#building.set(kind, building)
    }
    return building
  }

  /** The views built so far (the published one first built if none is). */
  async views(): Promise<Views> {
    await this.view('published')
    return this.#views
  }

  /** Which view a request may see. */
  viewFor(req: PayloadRequest): ViewKind {
    return this.options.canSeeDrafts(req) ? 'latest' : 'published'
  }

  /** Rebuild the views built so far from the database (e.g. after missing too many changes). */
  rebuild(): Promise<Views> {
    return this.#serial(async () => {
      const startedAt = Date.now()
      const kinds = VIEW_KINDS.filter((kind) => this.#views[kind])
      for (const kind of kinds.length > 0 ? kinds : (['published'] as const)) await this.#build(kind)
      // Polling starts over from this read: what was missed before it is in the views now.
      this.#feed = new ChangeFeed(startedAt, { overlapMs: POLL_OVERLAP_MS })
      return this.#views
    })
  }

  /**
   * A document changed on this instance (collection hook): log it for the other instances in the
   * same transaction, then apply it here at once.
   */
  async documentChanged(kind: SourceKind, id: string, req: PayloadRequest): Promise<void> {
    await this.views()
    const entry = (await this.payload.create({
      collection: this.options.changesCollection,
      data: { kind, docId: id, instance: this.instanceId },
      depth: 0,
      overrideAccess: true,
      req,
    })) as unknown as ChangeLogEntry
    this.#feed?.markApplied({ id: String(entry.id), createdAt: String(entry.createdAt) })
    await this.apply(kind, id, req)
  }

  /** Re-read one document in the views built so far and update them; idempotent. */
  apply(kind: SourceKind, id: string, req?: PayloadRequest): Promise<void> {
    return this.#serial(async () => {
      for (const view of VIEW_KINDS) {
        const index = this.#views[view]
        if (!index) continue
        if (kind === 'terms') {
          const record = await this.loader.term(id, view, req)
          if (record) index.upsertTerm(record)
          else index.removeTerm(id)
        } else if (kind === 'tags') {
          index.setTag(id, await this.loader.tagName(id, req))
        } else if (kind === 'glossaries') {
          index.setGlossary(id, await this.loader.glossarySlug(id, req))
        } else {
          const { source, groups } = await this.loader.citations(kind, id, view, req)
          index.setCitations(source, groups)
        }
      }
    })
  }

  /** Apply the changes other instances logged since the last poll. */
  async poll(): Promise<{ applied: number; rebuilt: boolean }> {
    if (this.#polling || !this.#feed) return { applied: 0, rebuilt: false }
    this.#polling = true
    try {
      if (Date.now() - this.#lastPollOk > this.options.changeRetentionMs / 2) {
        // Entries this instance never saw may have expired: start over.
        await this.rebuild()
        this.#lastPollOk = Date.now()
        return { applied: 0, rebuilt: true }
      }
      const { docs } = await this.payload.find({
        collection: this.options.changesCollection,
        where: { createdAt: { greater_than_equal: this.#feed.since() } },
        sort: 'createdAt',
        limit: POLL_BATCH,
        depth: 0,
        overrideAccess: true,
      })
      if (docs.length >= POLL_BATCH) {
        await this.rebuild()
        this.#lastPollOk = Date.now()
        return { applied: 0, rebuilt: true }
      }
      const entries: ChangeEntry[] = (docs as unknown as ChangeLogEntry[]).map((doc) => ({
        id: String(doc.id),
        createdAt: String(doc.createdAt),
        collection: String(doc.kind),
        docId: String(doc.docId),
      }))
      const feed = this.#feed
      let applied = 0
      for (const entry of feed.take(entries)) {
        try {
          await this.apply(entry.collection as SourceKind, entry.docId)
          applied++
        } catch (error) {
          feed.forget(entry.id)
          throw error
        }
      }
      this.#lastPollOk = Date.now()
      await this.#pruneChangeLog()
      return { applied, rebuilt: false }
    } finally {
      this.#polling = false
    }
  }

  /** Start polling for other instances' changes (no-op when `pollIntervalMs` is 0). */
  start(): void {
    if (this.#poller || this.options.pollIntervalMs <= 0 || this.#stopped) return
    this.#poller = startPoller(
      this.payload,
      this.options.pollIntervalMs,
      () => this.poll(),
      'related-term-graph: polling the change log failed; will retry',
    )
    // payload.destroy() stops everything in `crons`: polling stops with the instance.
    ;(this.payload.crons as unknown as { stop: () => void }[]).push({ stop: () => this.stop() })
  }

  stop(): void {
    this.#stopped = true
    this.#poller?.stop()
    this.#poller = null
  }

  async #build(kind: ViewKind): Promise<GraphIndex> {
    const startedAt = Date.now()
    const index = GraphIndex.build(await this.loader.all(kind), {
      maxSharedTagGroup: this.options.maxSharedTagGroup,
    })
    this.#views[kind] = index
    // Changes logged while the first view was read are replayed by the next poll (applying is idempotent);
    // a view built later reads after every change the feed has already applied.
    this.#feed ??= new ChangeFeed(startedAt, { overlapMs: POLL_OVERLAP_MS })
    this.#lastPollOk = Date.now()
    this.start()
    return index
  }

  async #pruneChangeLog(): Promise<void> {
    if (Date.now() - this.#lastPrune < PRUNE_EVERY_MS) return
    this.#lastPrune = Date.now()
    await this.payload.delete({
      collection: this.options.changesCollection,
      where: { createdAt: { less_than: new Date(Date.now() - this.options.changeRetentionMs).toISOString() } },
      overrideAccess: true,
    })
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work, work)
    this.#queue = run.catch(() => undefined)
    return run
  }
}
