/**
 * An Aho–Corasick automaton over UTF-16 code units, kept in typed arrays. The matcher's labels are folded
 * text (NFKC, one case), so code units are the alphabet that matters: no grapheme walk, no re-spelling.
 *
 * Why ours: `modern-ahocorasick` walks non-ASCII text grapheme by grapheme (`Intl.Segmenter`), so the
 * matcher used to spell every pattern and text in ASCII for it, and the library kept each spelt pattern
 * and its `{ pattern, data }` object: 44 MB for 320,000 labels at 100,000 terms. Here a state is 18 bytes
 * and a pattern is the caller's own string.
 *
 * Layout: states are numbered breadth-first, so the children of state s are the states
 * `firstChild[s] … firstChild[s + 1] - 1`, in code-unit order (a binary search finds one); the root's
 * children are also in a 64 K table, because most units of a text leave from the root.
 */
export class PatternAutomaton {
  /** The patterns, by the index a hit reports. */
  readonly patterns: readonly string[]
  readonly #firstChild: Int32Array
  readonly #unit: Uint16Array
  readonly #fail: Int32Array
  /** The pattern that ends at a state (-1: none). */
  readonly #output: Int32Array
  /** The nearest state along the fail links that ends a pattern (-1: none). */
  readonly #nextOutput: Int32Array
  readonly #fromRoot: Int32Array

  constructor(patterns: Iterable<string>) {
    const sorted = [...new Set(patterns)].filter((pattern) => pattern.length > 0).sort()
    this.patterns = sorted
    // 1. A trie in insertion order. Sorted patterns share their prefix with the previous one, and each
    //    state's children are created in code-unit order, so a sibling list needs no sorting.
    const parent: number[] = [-1]
    const units: number[] = [0]
    const output: number[] = [-1]
    const lastChild: number[] = [-1]
    const nextSibling: number[] = [-1]
    const firstChildOf: number[] = [-1]
    const path: number[] = [0]
    let previous = ''
    for (let index = 0; index < sorted.length; index++) {
      const pattern = sorted[index]!
      let shared = 0
      while (shared < previous.length && shared < pattern.length && previous[shared] === pattern[shared]) shared++
      path.length = shared + 1
      for (let at = shared; at < pattern.length; at++) {
        const from = path[at]!
        const state = parent.length
        parent.push(from)
        units.push(pattern.charCodeAt(at))
        output.push(-1)
        lastChild.push(-1)
        nextSibling.push(-1)
        firstChildOf.push(-1)
        if (lastChild[from]! < 0) firstChildOf[from] = state
        else nextSibling[lastChild[from]!] = state
        lastChild[from] = state
        path.push(state)
      }
      output[path[pattern.length]!] = index
      previous = pattern
    }

    // 2. Renumber breadth-first: children of one state get consecutive numbers.
    const count = parent.length
    const order = new Int32Array(count)
    const renamed = new Int32Array(count)
    this.#firstChild = new Int32Array(count + 1)
    let tail = 1
    for (let head = 0; head < count; head++) {
      const old = order[head]!
      renamed[old] = head
      this.#firstChild[head] = tail
      for (let child = firstChildOf[old]!; child >= 0; child = nextSibling[child]!) order[tail++] = child
    }
    this.#firstChild[count] = tail
    this.#unit = new Uint16Array(count)
    this.#output = new Int32Array(count)
    for (let state = 0; state < count; state++) {
      const old = order[state]!
      this.#unit[state] = units[old]!
      this.#output[state] = output[old]!
    }

    // 3. Fail links, breadth-first: the longest proper suffix of a state's text that is also in the trie.
    this.#fromRoot = new Int32Array(0x10000)
    for (let child = this.#firstChild[0]!; child < this.#firstChild[1]!; child++)
      this.#fromRoot[this.#unit[child]!] = child
    this.#fail = new Int32Array(count)
    this.#nextOutput = new Int32Array(count).fill(-1)
    for (let state = 1; state < count; state++) {
      const from = renamed[parent[order[state]!]!]!
      if (from !== 0) this.#fail[state] = this.#step(this.#fail[from]!, this.#unit[state]!)
      const fail = this.#fail[state]!
      this.#nextOutput[state] = this.#output[fail]! >= 0 ? fail : this.#nextOutput[fail]!
    }
  }

  /** The state after reading `unit` in `state`, following fail links (0: the root). */
  #step(state: number, unit: number): number {
    for (;;) {
      if (state === 0) return this.#fromRoot[unit]!
      const child = this.#child(state, unit)
      if (child >= 0) return child
      state = this.#fail[state]!
    }
  }

  #child(state: number, unit: number): number {
    let low = this.#firstChild[state]!
    let high = this.#firstChild[state + 1]! - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      const found = this.#unit[middle]!
      if (found === unit) return middle
      if (found < unit) low = middle + 1
      else high = middle - 1
    }
    return -1
  }

  /** Calls `hit` for every occurrence of every pattern in `text` (overlapping ones included), by end. */
  forEachHit(text: string, hit: (pattern: number, start: number, end: number) => void): void {
    let state = 0
    for (let at = 0; at < text.length; at++) {
      state = this.#step(state, text.charCodeAt(at))
      for (
        let ends = this.#output[state]! >= 0 ? state : this.#nextOutput[state]!;
        ends >= 0;
        ends = this.#nextOutput[ends]!
      ) {
        const pattern = this.#output[ends]!
        hit(pattern, at + 1 - this.patterns[pattern]!.length, at + 1)
      }
    }
  }

  /** Whether `pattern` is one of the automaton's patterns. */
  has(pattern: string): boolean {
    let state = 0
    for (let at = 0; at < pattern.length; at++) {
      state = state === 0 ? this.#fromRoot[pattern.charCodeAt(at)]! : this.#child(state, pattern.charCodeAt(at))
      if (state <= 0) return false
    }
    return pattern.length > 0 && this.#output[state]! >= 0
  }
}
