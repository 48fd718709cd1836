import AhoCorasick from 'modern-ahocorasick'

import { normalizeLabel, normalizeText, originalRange, type NormalizedText } from './normalize'

/** Shorter labels (after normalisation) match too much noise to count as mentions. */
export const MIN_LABEL_LENGTH = 2

/** A term and every label readers use for it (term in each locale, English name, aliases). */
export type TermLabels = { termId: string; labels: readonly (string | null | undefined)[] }

/** A mention found in a text: which term, by which (normalised) label, where in the original text. */
export type Mention = { termId: string; label: string; start: number; end: number }

type Candidate = { label: string; start: number; end: number }

const compile = (labels: Iterable<string>): AhoCorasick<string> =>
  new AhoCorasick(Array.from(labels, (label) => ({ pattern: label, data: label })))

const isAsciiWord = (code: number): boolean => (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)

/**
 * A label starting/ending with a Latin letter or digit must not sit inside a Latin word (`ec` is
 * not in `select`), while `UTMコード` still matches inside Japanese text. (The library's `ascii-edge`
 * boundary rule, checked here on the lower-cased text: measured ~45% faster than the library doing it.)
 */
const onWordEdges = (text: string, start: number, end: number): boolean =>
  !(isAsciiWord(text.charCodeAt(start)) && start > 0 && isAsciiWord(text.charCodeAt(start - 1))) &&
  !(isAsciiWord(text.charCodeAt(end - 1)) && end < text.length && isAsciiWord(text.charCodeAt(end)))

/**
 * Finds mentions of glossary terms in texts with one Aho–Corasick automaton over all labels.
 *
 * Edits are cheap: labels added since the last full compile live in a small second automaton,
 * and removed labels are filtered out, so a one-term change never recompiles the whole dictionary.
 * When the overlay grows past `overlayLimit` labels the main automaton is rebuilt once.
 */
export class MentionMatcher {
  readonly #labelsByTerm = new Map<string, string[]>()
  readonly #termsByLabel = new Map<string, Set<string>>()
  #main: AhoCorasick<string>
  #mainLabels = new Set<string>()
  #overlay: AhoCorasick<string> | null = null
  #overlayLabels = new Set<string>()
  #overlayStale = false
  readonly #overlayLimit: number

  constructor(entries: Iterable<TermLabels> = [], { overlayLimit = 256 }: { overlayLimit?: number } = {}) {
    this.#overlayLimit = overlayLimit
    for (const { termId, labels } of entries) this.#assign(termId, MentionMatcher.labelsFor(labels))
    this.#mainLabels = new Set(this.#termsByLabel.keys())
    this.#main = compile(this.#mainLabels)
    this.#overlayLabels.clear()
    this.#overlayStale = false
  }

  /** Normalised labels of a term, deduplicated, too-short ones dropped. */
  static labelsFor(labels: readonly (string | null | undefined)[]): string[] {
    const out = new Set<string>()
    for (const label of labels) {
      if (typeof label !== 'string') continue
      const normalized = normalizeLabel(label)
      if (normalized.length >= MIN_LABEL_LENGTH) out.add(normalized)
    }
    return [...out]
  }

  /** The labels currently registered for a term (normalised). */
  labelsOf(termId: string): readonly string[] {
    return this.#labelsByTerm.get(termId) ?? []
  }

  /** Register (or replace) a term's labels. Returns whether its label set changed. */
  setTerm(termId: string, rawLabels: readonly (string | null | undefined)[]): boolean {
    const next = MentionMatcher.labelsFor(rawLabels)
    const previous = this.#labelsByTerm.get(termId) ?? []
    const changed = previous.length !== next.length || previous.some((label) => !next.includes(label))
    if (!changed) return false
    this.#unassign(termId)
    this.#assign(termId, next)
    return true
  }

  /** Forget a term's labels. Returns whether it had any. */
  removeTerm(termId: string): boolean {
    if (!this.#labelsByTerm.has(termId)) return false
    this.#unassign(termId)
    return true
  }

  /**
   * Mentions in `text`, longest match first and non-overlapping: in `インフルエンサーマーケティング`
   * only the longer term counts even when `インフルエンサー` is a term too. A span claimed by
   * `excludeTermId` (the text's own term) is consumed without producing a mention: never A→A.
   */
  find(text: string | NormalizedText, excludeTermId?: string): Mention[] {
    const normalized = typeof text === 'string' ? normalizeText(text) : text
    if (normalized.text.length === 0) return []
    const candidates: Candidate[] = []
    const collect = (matcher: AhoCorasick<string>, from: 'main' | 'overlay') => {
      for (const hit of matcher.iterate(normalized.text)) {
        const label = hit.data as string
        // Labels removed since the main compile stay in its automaton: skip them here.
        if (from === 'main' && !this.#termsByLabel.has(label)) continue
        if (onWordEdges(normalized.text, hit.start, hit.end)) candidates.push({ label, start: hit.start, end: hit.end })
      }
    }
    const overlay = this.#currentOverlay()
    collect(this.#main, 'main')
    if (overlay) collect(overlay, 'overlay')
    if (candidates.length === 0) return []

    candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
    const taken = new Uint8Array(normalized.text.length)
    const mentions: Mention[] = []
    for (const candidate of candidates) {
      let free = true
      for (let i = candidate.start; i < candidate.end; i++) {
        if (taken[i]) {
          free = false
          break
        }
      }
      if (!free) continue
      taken.fill(1, candidate.start, candidate.end)
      const [start, end] = originalRange(normalized, candidate.start, candidate.end)
      for (const termId of this.#termsByLabel.get(candidate.label) ?? []) {
        if (termId !== excludeTermId) mentions.push({ termId, label: candidate.label, start, end })
      }
    }
    return mentions.sort((a, b) => a.start - b.start || a.termId.localeCompare(b.termId))
  }

  /** Whether a normalised text contains any of the given normalised labels (a cheap pre-check). */
  static containsAny(normalizedText: string, labels: readonly string[]): boolean {
    return labels.some((label) => normalizedText.includes(label))
  }

  /** `labels` are already normalised. */
  #assign(termId: string, labels: readonly string[]): void {
    this.#labelsByTerm.set(termId, [...labels])
    for (const label of labels) {
      let owners = this.#termsByLabel.get(label)
      if (!owners) {
        owners = new Set()
        this.#termsByLabel.set(label, owners)
        // A label the main automaton does not know goes to the overlay (checked lazily at find time).
        if (!this.#mainLabels.has(label)) {
          this.#overlayLabels.add(label)
          this.#overlayStale = true
        }
      }
      owners.add(termId)
    }
  }

  #unassign(termId: string): void {
    for (const label of this.#labelsByTerm.get(termId) ?? []) {
      const owners = this.#termsByLabel.get(label)
      owners?.delete(termId)
      if (owners && owners.size === 0) {
        this.#termsByLabel.delete(label)
        if (this.#overlayLabels.delete(label)) this.#overlayStale = true
      }
    }
    this.#labelsByTerm.delete(termId)
  }

  #currentOverlay(): AhoCorasick<string> | null {
    if (!this.#overlayStale) return this.#overlay
    this.#overlayStale = false
    if (this.#overlayLabels.size > this.#overlayLimit) {
      // Fold the overlay into a fresh main automaton once it stops being small.
      this.#mainLabels = new Set(this.#termsByLabel.keys())
      this.#main = compile(this.#mainLabels)
      this.#overlayLabels.clear()
      this.#overlay = null
      return null
    }
    this.#overlay = this.#overlayLabels.size > 0 ? compile(this.#overlayLabels) : null
    return this.#overlay
  }
}
