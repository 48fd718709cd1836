import type { QueryPart } from './tokens'

/** Between documents in a corpus: neither a word character nor any folded query character. */
const SEPARATOR = '\u0001'
const WORD_CHAR = /[\p{L}\p{N}]/u

/**
 * Many folded texts joined into one string, so finding a query part in all of them is one native
 * `indexOf` pass (10,000 calls on short strings cost several times more). Occurrences map back to
 * documents through the start offsets.
 */
export class ScanCorpus {
  readonly #text: string
  readonly #starts: Int32Array

  constructor(texts: string[]) {
    this.#starts = new Int32Array(texts.length + 1)
    let offset = 0
    texts.forEach((text, index) => {
      this.#starts[index] = offset
      offset += text.length + 1
    })
    this.#starts[texts.length] = offset
    this.#text = texts.join(SEPARATOR) + SEPARATOR
  }

  /** Bytes of the joined text as UTF-8. */
  byteLength(): number {
    return Buffer.byteLength(this.#text)
  }

  /** Length of document `index`'s text. */
  lengthOf(index: number): number {
    return this.#starts[index + 1]! - this.#starts[index]! - 1
  }

  #docAt(position: number): number {
    let low = 0
    let high = this.#starts.length - 2
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (this.#starts[middle]! <= position) low = middle
      else high = middle - 1
    }
    return low
  }

  /**
   * Documents where the part occurs, with the offset of its first occurrence in each. Latin words must
   * start a word (`utm` is not found in `outmost`); Japanese runs may start anywhere.
   */
  find(part: QueryPart): Map<number, number> {
    const found = new Map<number, number>()
    const needle = part.text
    const text = this.#text
    let at = text.indexOf(needle)
    while (at !== -1) {
      if (part.kind === 'latin' && at > 0 && WORD_CHAR.test(text[at - 1]!)) {
        at = text.indexOf(needle, at + 1)
        continue
      }
      const doc = this.#docAt(at)
      found.set(doc, at - this.#starts[doc]!)
      // One occurrence per document is enough: jump to the next one.
      at = text.indexOf(needle, this.#starts[doc + 1]!)
    }
    return found
  }
}
