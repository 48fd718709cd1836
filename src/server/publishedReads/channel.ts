/**
 * How the published-read cache learns that published content changed. The cache lives in the server
 * entry (`npm start`), the journal in Payload inside Next's server bundle: two copies of every module in
 * one process, so they meet on a process-wide symbol rather than a module export.
 */
export type PublishedReadsChannel = {
  /** Bumped by every invalidation: an answer built across one is not stored. */
  generation: number
  /** True once the journal has been read in this process: only then can other instances' edits reach the cache. */
  live: boolean
  invalidate: (cause?: 'local' | 'journal') => void
  subscribe: (listener: () => void) => () => void
}

const KEY = Symbol.for('commerce-content-hub.published-reads')

type WithChannel = typeof globalThis & { [KEY]?: PublishedReadsChannel }

export const publishedReadsChannel = (): PublishedReadsChannel => {
  const global = globalThis as WithChannel
  if (global[KEY]) return global[KEY]
  const listeners = new Set<() => void>()
  const channel: PublishedReadsChannel = {
    generation: 0,
    live: false,
    invalidate: (cause = 'local') => {
      channel.generation += 1
      if (cause === 'journal') channel.live = true
      for (const listener of listeners) listener()
    },
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  global[KEY] = channel
  return channel
}

/** Called by the feed journal whenever it drops its own pages: a local edit, its commit, or another instance's edit seen by the poll. */
export const invalidatePublishedReads = (cause: 'local' | 'journal'): void => publishedReadsChannel().invalidate(cause)
