import type { Localized } from './localize'

/** What an item shows of another published term: its slug, headword and glossary, and whom it lists as related. */
export type TermRef = { slug: string; term: Localized<string>; glossary?: string; related: readonly string[] }

/**
 * Every published term's reference data, and who lists whom as related, in memory: a page's lookups of
 * related, broader and linked terms, and of the terms listing a page term as related, read nothing.
 * The server keeps it in step with the change journal (`server/termDirectory.ts`); this class only
 * holds the data and keeps the reverse index true under replacements.
 */
export class TermDirectory {
  readonly #refs = new Map<string, TermRef>()
  /**
   * term id → ids of terms whose `related` lists it (only terms present here). Arrays, not Sets, and
   * every id is one shared string (`#canonical`): at 80,000 terms that halves what the directory holds.
   */
  readonly #listedBy = new Map<string, string[]>()
  /** term id → the one string kept for it (the key of `#refs`). */
  readonly #ids = new Map<string, string>()

  get size(): number {
    return this.#refs.size
  }

  get(id: string): TermRef | undefined {
    return this.#refs.get(id)
  }

  /** Published terms whose `related` lists `id`, in no particular order. */
  listedBy(id: string): string[] {
    return [...(this.#listedBy.get(id) ?? [])]
  }

  /** Sets a term's current published data, or removes it (`undefined`: unpublished or deleted). */
  set(id: string, ref: TermRef | undefined): void {
    const previous = this.#refs.get(id)
    if (previous) for (const target of previous.related) this.#unlist(target, id)
    if (!ref) {
      this.#refs.delete(id)
      this.#forgetIfUnused(id)
      return
    }
    const key = this.#canonical(id)
    const related = [...new Set(ref.related)].map((target) => this.#canonical(target))
    this.#refs.set(key, { ...ref, related })
    for (const target of related) {
      const listing = this.#listedBy.get(target)
      if (listing) listing.push(key)
      else this.#listedBy.set(target, [key])
    }
  }

  #canonical(id: string): string {
    const known = this.#ids.get(id)
    if (known !== undefined) return known
    this.#ids.set(id, id)
    return id
  }

  #unlist(target: string, id: string): void {
    const listing = this.#listedBy.get(target)
    if (!listing) return
    const at = listing.indexOf(id)
    if (at !== -1) listing.splice(at, 1)
    if (listing.length === 0) {
      this.#listedBy.delete(target)
      this.#forgetIfUnused(target)
    }
  }

  #forgetIfUnused(id: string): void {
    if (!this.#refs.has(id) && !this.#listedBy.has(id)) this.#ids.delete(id)
  }
}
