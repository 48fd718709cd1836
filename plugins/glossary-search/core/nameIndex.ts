/**
 * The inverted index of names (headwords, English names, aliases, readings): token → postings, scored with
 * BM25+ (the formula and weights MiniSearch uses, which this replaced). Names are short and their tokens are
 * deduplicated per field, so a posting is one number (document × fields + field) and a token found in one
 * document is stored as that number itself. MiniSearch keeps a radix-tree node and a Map per field per token:
 * at 100,000 documents whose names are mostly unique (numbers, model codes) that was about 190 MB of heap.
 */

/** One query leaf: an exact token, optionally also every longer token it starts, or every token one edit away. */
export type NameQuery = { token: string; prefix?: boolean; fuzzy?: boolean }

export type NameSearchOptions<F extends string> = {
  fields: readonly F[]
  boost: Partial<Record<F, number>>
  /** Weight of a prefix and of a typo match, relative to an exact one. */
  weights: { prefix: number; fuzzy: number }
  filter?: (key: string) => boolean
}

export type NameHit = { key: string; score: number; /** Index tokens that matched. */ terms: string[] }

// BM25+ parameters (MiniSearch's defaults).
const K = 1.2
const B = 0.7
const D = 0.5

type Postings = number | number[]

/** Whether a and b are at most one insertion, deletion or substitution apart (a !== b). */
export const withinOneEdit = (a: string, b: string): boolean => {
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1)
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}

export class NameIndex<F extends string> {
  readonly #fields: readonly F[]
  readonly #fieldId: Record<string, number>
  readonly #shortIds = new Map<string, number>()
  readonly #keys: (string | undefined)[] = []
  readonly #free: number[] = []
  /** Tokens per field per document (BM25's field length), and their sums. */
  #lengths: Uint16Array[]
  readonly #lengthSums: number[]
  readonly #tokenIds = new Map<string, number>()
  readonly #tokens: string[] = []
  readonly #postings: Postings[] = []
  /** Token ids by token length, for typo matching. */
  readonly #byLength: number[][] = []
  /** Every token in code-unit order (prefix matching), plus tokens added since it was last merged. */
  #sorted: string[] = []
  #unsorted: string[] = []

  constructor(fields: readonly F[]) {
    this.#fields = fields
    this.#fieldId = Object.fromEntries(fields.map((field, index) => [field, index]))
    this.#lengths = fields.map(() => new Uint16Array(1024))
    this.#lengthSums = fields.map(() => 0)
  }

  get size(): number {
    return this.#shortIds.size
  }

  /** Indexes a document's tokens per field (replacing what it had: pass its previous tokens to `remove` first). */
  add(key: string, tokensByField: Record<F, readonly string[]>): void {
    if (this.#shortIds.has(key)) throw new Error(`NameIndex: ${key} is already indexed`)
    const doc = this.#free.pop() ?? this.#keys.length
    this.#shortIds.set(key, doc)
    this.#keys[doc] = key
    if (doc >= this.#lengths[0]!.length) this.#lengths = this.#lengths.map((old) => grown(old, doc))
    this.#fields.forEach((field, fieldId) => {
      const tokens = tokensByField[field]
      this.#lengths[fieldId]![doc] = Math.min(tokens.length, 0xffff)
      this.#lengthSums[fieldId]! += tokens.length
      for (const token of new Set(tokens)) this.#post(token, doc * this.#fields.length + fieldId)
    })
  }

  /** Forgets a document; `tokensByField` must be what it was added with. */
  remove(key: string, tokensByField: Record<F, readonly string[]>): void {
    const doc = this.#shortIds.get(key)
    if (doc === undefined) return
    this.#fields.forEach((field, fieldId) => {
      this.#lengthSums[fieldId]! -= this.#lengths[fieldId]![doc]!
      this.#lengths[fieldId]![doc] = 0
      for (const token of new Set(tokensByField[field])) this.#unpost(token, doc * this.#fields.length + fieldId)
    })
    this.#shortIds.delete(key)
    this.#keys[doc] = undefined
    this.#free.push(doc)
  }

  /** Documents matching every query (AND), best first (ties by key), each with its score and matched tokens. */
  search(queries: readonly NameQuery[][], options: NameSearchOptions<F>): NameHit[] {
    // Each group is one query part; its leaves must all match too (the bigrams of a Japanese run).
    const leaves = queries.flat()
    if (leaves.length === 0) return []
    let combined: Map<number, { score: number; terms: string[] }> | null = null
    for (const leaf of leaves) {
      const found = this.#leaf(leaf, options)
      if (combined === null) combined = found
      else {
        const next = new Map<number, { score: number; terms: string[] }>()
        for (const [doc, hit] of found) {
          const before = combined.get(doc)
          if (!before) continue
          for (const term of hit.terms) if (!before.terms.includes(term)) before.terms.push(term)
          next.set(doc, { score: before.score + hit.score, terms: before.terms })
        }
        combined = next
      }
      if (combined.size === 0) return []
    }
    // MiniSearch multiplies by the number of query terms a document matched: under AND, all of them.
    const quality = new Set(leaves.map((leaf) => leaf.token)).size
    const hits: NameHit[] = []
    for (const [doc, { score, terms }] of combined!) {
      const key = this.#keys[doc]!
      if (options.filter && !options.filter(key)) continue
      hits.push({ key, score: score * quality, terms })
    }
    return hits.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  }

  /** Bytes of a JSON form of what the index holds (the benchmark compares engines by it). */
  serializedSize(): number {
    return Buffer.byteLength(JSON.stringify({ tokens: this.#tokens, postings: this.#postings, keys: this.#keys }))
  }

  #leaf(leaf: NameQuery, options: NameSearchOptions<F>): Map<number, { score: number; terms: string[] }> {
    const results = new Map<number, { score: number; terms: string[] }>()
    const fieldIds = options.fields.map((field) => this.#fieldId[field]!)
    const score = (token: string, weight: number) => {
      const id = this.#tokenIds.get(token)
      if (id === undefined) return
      this.#score(id, weight, fieldIds, options.boost, results)
    }
    score(leaf.token, 1)
    const prefixed = new Set<string>()
    if (leaf.prefix) {
      for (const token of this.#withPrefix(leaf.token)) {
        if (token === leaf.token) continue
        prefixed.add(token)
        const distance = token.length - leaf.token.length
        score(token, (options.weights.prefix * token.length) / (token.length + 0.3 * distance))
      }
    }
    if (leaf.fuzzy) {
      for (let length = leaf.token.length - 1; length <= leaf.token.length + 1; length++) {
        for (const id of this.#byLength[length] ?? []) {
          const token = this.#tokens[id]!
          if (token === leaf.token || prefixed.has(token) || !withinOneEdit(leaf.token, token)) continue
          // A typo match scores like MiniSearch's: weight × length / (length + distance), distance 1.
          this.#score(id, (options.weights.fuzzy * token.length) / (token.length + 1), fieldIds, options.boost, results)
        }
      }
    }
    return results
  }

  #score(
    tokenId: number,
    weight: number,
    fieldIds: number[],
    boost: Partial<Record<F, number>>,
    results: Map<number, { score: number; terms: string[] }>,
  ): void {
    const postings = this.#postings[tokenId]!
    const list = typeof postings === 'number' ? [postings] : postings
    if (list.length === 0) return
    const width = this.#fields.length
    const documents = this.#shortIds.size
    const token = this.#tokens[tokenId]!
    for (const fieldId of fieldIds) {
      let matching = 0
      for (const posting of list) if (posting % width === fieldId) matching++
      if (matching === 0) continue
      const field = this.#fields[fieldId]!
      const fieldBoost = boost[field] ?? 1
      const average = this.#lengthSums[fieldId]! / documents
      const idf = Math.log(1 + (documents - matching + 0.5) / (matching + 0.5))
      for (const posting of list) {
        if (posting % width !== fieldId) continue
        const doc = (posting - fieldId) / width
        const length = this.#lengths[fieldId]![doc]!
        // BM25+ with a term frequency of 1 (tokens are unique per field).
        const raw = idf * (D + (K + 1) / (1 + K * (1 - B + (B * length) / average)))
        const hit = results.get(doc)
        if (hit) {
          hit.score += weight * fieldBoost * raw
          if (!hit.terms.includes(token)) hit.terms.push(token)
        } else results.set(doc, { score: weight * fieldBoost * raw, terms: [token] })
      }
    }
  }

  /** Tokens starting with `prefix` that still have postings. */
  *#withPrefix(prefix: string): Generator<string> {
    this.#mergeUnsorted()
    const sorted = this.#sorted
    let low = 0
    let high = sorted.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (sorted[middle]! < prefix) low = middle + 1
      else high = middle
    }
    for (let i = low; i < sorted.length && sorted[i]!.startsWith(prefix); i++) {
      const postings = this.#postings[this.#tokenIds.get(sorted[i]!)!]!
      if (typeof postings === 'number' || postings.length > 0) yield sorted[i]!
    }
  }

  #mergeUnsorted(): void {
    if (this.#unsorted.length === 0) return
    const added = this.#unsorted.sort()
    this.#unsorted = []
    if (this.#sorted.length === 0) {
      this.#sorted = added
      return
    }
    const merged: string[] = new Array(this.#sorted.length + added.length)
    let a = 0
    let b = 0
    let out = 0
    while (a < this.#sorted.length || b < added.length) {
      if (b >= added.length || (a < this.#sorted.length && this.#sorted[a]! < added[b]!))
        merged[out++] = this.#sorted[a++]!
      else merged[out++] = added[b++]!
    }
    this.#sorted = merged
  }

  #post(token: string, posting: number): void {
    let id = this.#tokenIds.get(token)
    if (id === undefined) {
      id = this.#tokens.length
      this.#tokenIds.set(token, id)
      this.#tokens.push(token)
      this.#postings.push(posting)
      ;(this.#byLength[token.length] ??= []).push(id)
      this.#unsorted.push(token)
      return
    }
    const postings = this.#postings[id]!
    if (typeof postings === 'number') this.#postings[id] = [postings, posting]
    else if (postings.length === 0) this.#postings[id] = posting
    else postings.push(posting)
  }

  // A token whose last posting goes keeps its id and place (empty): re-adding it is common (an edit).
  #unpost(token: string, posting: number): void {
    const id = this.#tokenIds.get(token)
    if (id === undefined) return
    const postings = this.#postings[id]!
    if (typeof postings === 'number') {
      if (postings === posting) this.#postings[id] = []
      return
    }
    const at = postings.indexOf(posting)
    if (at === -1) return
    postings.splice(at, 1)
    if (postings.length === 1) this.#postings[id] = postings[0]!
  }
}

const grown = (old: Uint16Array, index: number): Uint16Array => {
  const next = new Uint16Array(Math.max(old.length * 2, index + 1))
  next.set(old)
  return next
}
