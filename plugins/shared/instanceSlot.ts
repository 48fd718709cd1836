import type { Payload } from 'payload'

type Stoppable = { readonly options: unknown; stop: () => void }

/**
 * Where a plugin keeps its per-instance state (a service, a runtime): on the Payload instance under a global
 * Symbol, so a config reload (dev HMR, new options object) stops the old one and replaces it cleanly, even when
 * the plugin's own modules were loaded again.
 */
export const instanceSlot = <T extends Stoppable>(name: string) => {
  const key = Symbol.for(name)
  const holder = (payload: Payload) => payload as unknown as Record<symbol, T | undefined>
  return {
    /** The state of this instance, if the plugin made one. */
    get: (payload: Payload): T | undefined => holder(payload)[key],
    /** The state made with these options; else the old one is stopped and `create` makes the next (told of the old). */
    for: (payload: Payload, options: T['options'], create: (previous: T | undefined) => T): T => {
      const existing = holder(payload)[key]
      if (existing && existing.options === options) return existing
      existing?.stop()
      const made = create(existing)
      holder(payload)[key] = made
      return made
    },
  }
}
