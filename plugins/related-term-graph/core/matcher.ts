import { PatternAutomaton } from './automaton'
import { urlRanges, WordBoundaries } from './boundaries'
import { foldForMatching, foldLabel, isKatakana, originalRange, type FoldedText } from './normalize'

/** Shorter labels (as written) match too much noise to count as mentions. */
export const MIN_LABEL_LENGTH = 2

/** A term and every label readers use for it (term in each locale, reading, English name, aliases). */
export type TermLabels = { termId: string; labels: readonly (string | null | undefined)[] }

/** A mention found in a text: which term, by which (folded) label, where in the original text. */
export type Mention = { termId: string; label: string; start: number; end: number }

/**
 * One label as the matcher keeps it. An all-capitals Latin label with no Japanese in it (`AI`, `SEO`, `D2C`)
 * is an acronym: it matches only where the text has the same capitals (`AI` is not `ai`, `IT` is not `it`).
 * Any other label matches whatever the Latin case.
 */
type Label = {
  key: string
  folded: string
  acronym: string | null
  /** The terms known by this label: one id (nearly always), or several. No Set: 300,000 of them took 40 MB. */
  terms: string | string[]
  /**
   * Per folded unit but the last, as a char code: 1 when a long-vowel mark follows it in the label, 2 when
   * a dot or space does. A string, not a Uint8Array: at 100,000 terms the typed arrays alone took 40 MB.
   */
  marks: string
}

/**
 * What a string the automaton looks for stands for: the key of a label, or PLURAL + the key for an English
 * plural of it. One use is kept as the string itself, several as an array (no object per pattern).
 */
type PatternUses = string | string[]
const PLURAL = '\u0000'
const usesAt = (uses: PatternUses, index: number): string => (typeof uses === 'string' ? uses : uses[index]!)
const usesCount = (uses: PatternUses): number => (typeof uses === 'string' ? 1 : uses.length)
const useOf = (key: string, plural: boolean): string => (plural ? `${PLURAL}${key}` : key)
const keyOfUse = (use: string): string => (use.startsWith(PLURAL) ? use.slice(PLURAL.length) : use)

type Candidate = { label: Label; start: number; end: number; plural: boolean; from: number; to: number }

const LATIN_LETTER = /[A-Za-z]/
const LOWER_LATIN = /[a-z]/
const JAPANESE = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]/

const isAcronym = (cased: string): boolean =>
  LATIN_LETTER.test(cased) && !LOWER_LATIN.test(cased) && !JAPANESE.test(cased)

/**
 * English plurals that mention the singular: `SKUs` → `SKU`, `coupon codes` → `coupon code`,
 * `boxes` → `box`, `strategies` → `strategy`. Only for labels ending in a Latin letter.
 */
const pluralsOf = (folded: string, acronym: boolean): string[] => {
  if (!/[a-z]$/.test(folded)) return []
  if (acronym) return [`${folded}s`]
  if (/(?:s|x|z|ch|sh)$/.test(folded)) return [`${folded}es`]
  if (/[^aeiou]y$/.test(folded)) return [`${folded.slice(0, -1)}ies`]
  return [`${folded}s`]
}

/**
 * Finds mentions of glossary terms in texts: one Aho–Corasick automaton over all folded labels finds
 * candidates, and a candidate counts only when it starts and ends on a word boundary (`boundaries.ts`)
 * and lies outside URLs and e-mail addresses. Longest match wins; overlapping shorter ones are dropped.
 *
 * Edits are cheap: labels added since the last full compile live in a small second automaton,
 * and removed labels are filtered out, so a one-term change never recompiles the whole dictionary.
 * When the overlay grows past `overlayLimit` patterns the main automaton is rebuilt once.
 */
export class MentionMatcher {
  readonly #labelsByTerm = new Map<string, string[]>()
  readonly #labels = new Map<string, Label>()
  readonly #patterns = new Map<string, PatternUses>()
  #main: PatternAutomaton
  /** False while the constructor registers the first labels (they all go into the main automaton). */
  #compiled = false
  #overlay: PatternAutomaton | null = null
  readonly #overlayPatterns = new Set<string>()
  #overlayStale = false
  readonly #overlayLimit: number

  constructor(entries: Iterable<TermLabels> = [], { overlayLimit = 256 }: { overlayLimit?: number } = {}) {
    this.#overlayLimit = overlayLimit
    for (const { termId, labels } of entries) this.#assign(termId, labelKeys(labels))
    this.#main = new PatternAutomaton(this.#patterns.keys())
    this.#compiled = true
  }

  /** Folded labels of a term, deduplicated, too-short ones dropped. */
  static labelsFor(labels: readonly (string | null | undefined)[]): string[] {
    return [...new Set(labelKeys(labels).map((label) => label.folded))]
  }

  /** The labels currently registered for a term (folded). */
  labelsOf(termId: string): readonly string[] {
    return [...new Set((this.#labelsByTerm.get(termId) ?? []).map((key) => this.#labels.get(key)?.folded ?? key))]
  }

  /** Register (or replace) a term's labels. Returns whether its label set changed. */
  setTerm(termId: string, rawLabels: readonly (string | null | undefined)[]): boolean {
    const next = labelKeys(rawLabels)
    const nextKeys = next.map((label) => label.key)
    const previous = this.#labelsByTerm.get(termId) ?? []
    const changed = previous.length !== nextKeys.length || previous.some((key) => !nextKeys.includes(key))
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
  find(text: string | FoldedText, excludeTermId?: string): Mention[] {
    const folded = typeof text === 'string' ? foldForMatching(text) : text
    if (folded.folded.length === 0) return []
    const candidates: Candidate[] = []
    let boundaries: WordBoundaries | undefined
    // Labels inside a longer katakana word: they count only when labels tile that word (see compoundOfLabels).
    const insideKatakana: Candidate[] = []
    const collect = (automaton: PatternAutomaton) => {
      automaton.forEachHit(folded.folded, (pattern, start, end) => {
        const uses = this.#patterns.get(automaton.patterns[pattern]!)
        // Patterns removed since the main compile stay in its automaton: skip them here.
        if (!uses) return
        let range: [number, number] | undefined
        let inside = false
        for (let u = 0; u < usesCount(uses); u++) {
          const use = usesAt(uses, u)
          const plural = use.startsWith(PLURAL)
          const label = this.#labels.get(plural ? keyOfUse(use) : use)
          if (!label || !caseFits(folded, label, plural, start, end)) continue
          if (!range) {
            range = originalRange(folded, start, end)
            boundaries ??= new WordBoundaries(folded.original)
            inside = !boundaries.startsWord(range[0]) || !boundaries.endsWord(range[1])
            if (inside && boundaries.kanjiAffix(range[0], range[1])) inside = false
          }
          if (!longVowelsFit(folded, label, start, end, boundaries as WordBoundaries)) continue
          const candidate = { label, start, end, plural, from: range[0], to: range[1] }
          if (!inside) candidates.push(candidate)
          else if (allKatakana(folded.original, range[0], range[1])) insideKatakana.push(candidate)
        }
      })
    }
    const overlay = this.#currentOverlay()
    collect(this.#main)
    if (overlay) collect(overlay)
    if (insideKatakana.length > 0) candidates.push(...compoundOfLabels(folded.original, candidates, insideKatakana))
    if (candidates.length === 0) return []

    const blocked = urlRanges(folded.original)
    const usable =
      blocked.length === 0 ? candidates : candidates.filter((c) => !blocked.some(([s, e]) => c.from < e && c.to > s))

    // Longest first; on the same span a label itself before a plural reading of another label.
    usable.sort(
      (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || Number(a.plural) - Number(b.plural),
    )
    const taken = new Uint8Array(folded.folded.length)
    const claimed = new Map<number, { end: number; plural: boolean }>()
    const mentions: Mention[] = []
    const emitted = new Set<string>()
    for (const candidate of usable) {
      const same = claimed.get(candidate.start)
      // Several labels on exactly the span already claimed (a label terms share, `AI` and `Ai`): all count.
      const shares = same !== undefined && same.end === candidate.end && same.plural === candidate.plural
      if (!shares) {
        let free = true
        for (let i = candidate.start; i < candidate.end; i++) {
          if (taken[i]) {
            free = false
            break
          }
        }
        if (!free) continue
        taken.fill(1, candidate.start, candidate.end)
        claimed.set(candidate.start, { end: candidate.end, plural: candidate.plural })
      }
      const { terms } = candidate.label
      for (const termId of typeof terms === 'string' ? [terms] : terms) {
        const key = `${termId}|${candidate.from}`
        if (termId === excludeTermId || emitted.has(key)) continue
        emitted.add(key)
        mentions.push({ termId, label: candidate.label.folded, start: candidate.from, end: candidate.to })
      }
    }
    return mentions.sort((a, b) => a.start - b.start || a.termId.localeCompare(b.termId))
  }

  /** Whether a folded text contains any of the given folded labels (a cheap pre-check). */
  static containsAny(foldedText: string, labels: readonly string[]): boolean {
    return labels.some((label) => foldedText.includes(label))
  }

  #assign(termId: string, labels: readonly Label[]): void {
    this.#labelsByTerm.set(
      termId,
      labels.map((label) => label.key),
    )
    for (const incoming of labels) {
      let label = this.#labels.get(incoming.key)
      if (!label) {
        label = incoming
        this.#labels.set(label.key, label)
        this.#addPattern(label.folded, useOf(label.key, false))
        for (const plural of pluralsOf(label.folded, label.acronym !== null))
          this.#addPattern(plural, useOf(label.key, true))
      }
      const { terms } = label
      if (typeof terms === 'string') label.terms = terms === termId ? terms : [terms, termId]
      else if (terms.length === 0) label.terms = termId
      else if (!terms.includes(termId)) terms.push(termId)
    }
  }

  #unassign(termId: string): void {
    for (const key of this.#labelsByTerm.get(termId) ?? []) {
      const label = this.#labels.get(key)
      if (!label) continue
      const left = (typeof label.terms === 'string' ? [label.terms] : label.terms).filter((id) => id !== termId)
      if (left.length > 0) {
        label.terms = left.length === 1 ? left[0]! : left
        continue
      }
      this.#labels.delete(key)
      for (const pattern of [label.folded, ...pluralsOf(label.folded, label.acronym !== null)])
        this.#removePattern(pattern, key)
    }
    this.#labelsByTerm.delete(termId)
  }

  #addPattern(pattern: string, use: string): void {
    const uses = this.#patterns.get(pattern)
    if (uses !== undefined) {
      this.#patterns.set(pattern, typeof uses === 'string' ? [uses, use] : [...uses, use])
      return
    }
    this.#patterns.set(pattern, use)
    // A pattern the main automaton does not know goes to the overlay (compiled lazily at find time).
    if (this.#compiled && !this.#inMain(pattern)) {
      this.#overlayPatterns.add(pattern)
      this.#overlayStale = true
    }
  }

  /** Whether the main automaton was compiled with this pattern (it is never edited, only replaced). */
  #inMain(pattern: string): boolean {
    return this.#main.has(pattern)
  }

  #removePattern(pattern: string, key: string): void {
    const current = this.#patterns.get(pattern)
    const uses = current === undefined ? [] : typeof current === 'string' ? [current] : current
    const left = uses.filter((use) => keyOfUse(use) !== key)
    if (left.length > 0) {
      this.#patterns.set(pattern, left.length === 1 ? left[0]! : left)
      return
    }
    this.#patterns.delete(pattern)
    if (this.#overlayPatterns.delete(pattern)) this.#overlayStale = true
  }

  #currentOverlay(): PatternAutomaton | null {
    if (!this.#overlayStale) return this.#overlay
    this.#overlayStale = false
    if (this.#overlayPatterns.size > this.#overlayLimit) {
      // Fold the overlay into a fresh main automaton once it stops being small.
      this.#main = new PatternAutomaton(this.#patterns.keys())
      this.#overlayPatterns.clear()
      this.#overlay = null
      return null
    }
    this.#overlay = this.#overlayPatterns.size > 0 ? new PatternAutomaton(this.#overlayPatterns) : null
    return this.#overlay
  }
}

/** Raw labels → folded labels (acronyms keyed by their capitals), deduplicated, too-short ones dropped. */
const labelKeys = (labels: readonly (string | null | undefined)[]): Label[] => {
  const out = new Map<string, Label>()
  for (const raw of labels) {
    if (typeof raw !== 'string') continue
    const { folded, cased } = foldLabel(raw)
    // A word of one kana and a long vowel (`シー`, `キー`) folds to one character but is a word of two.
    if (
      folded.length < MIN_LABEL_LENGTH &&
      !(folded.length === 1 && raw.trim().normalize('NFKC').length >= MIN_LABEL_LENGTH)
    )
      continue
    const acronym = isAcronym(cased) ? cased : null
    const key = acronym ? `A:${acronym}` : folded
    if (!out.has(key))
      out.set(key, { key, folded, acronym, terms: [], marks: shared(marksOf(foldForMatching(raw), 0, folded.length)) })
  }
  return [...out.values()]
}

const allKatakana = (text: string, from: number, to: number): boolean => {
  for (let i = from; i < to; i++) if (!isKatakana(text.charCodeAt(i))) return false
  return to > from
}

/**
 * A katakana word made exactly of glossary labels is a compound of those labels, whatever ICU made of it
 * (`ギフトラッピング` = `ギフト` + `ラッピング` when both are labels): the labels tiling the word count.
 * A label inside a katakana word the other labels cannot complete (`ペン` in `ペンギン`) still does not.
 */
const compoundOfLabels = (text: string, accepted: Candidate[], inside: Candidate[]): Candidate[] => {
  const out: Candidate[] = []
  const done = new Set<number>()
  for (const candidate of inside) {
    let start = candidate.from
    while (start > 0 && isKatakana(text.charCodeAt(start - 1))) start--
    if (done.has(start)) continue
    done.add(start)
    let end = candidate.to
    while (end < text.length && isKatakana(text.charCodeAt(end))) end++
    const pieces = [...accepted, ...inside].filter((c) => c.from >= start && c.to <= end)
    // Longest pieces first: the first tiling found uses the fewest labels.
    pieces.sort((a, b) => b.to - b.from - (a.to - a.from))
    const path = tile(pieces, start, end, new Map())
    if (path) for (const piece of path) if (inside.includes(piece)) out.push(piece)
  }
  return out
}

const tile = (
  pieces: Candidate[],
  at: number,
  end: number,
  seen: Map<number, Candidate[] | null>,
): Candidate[] | null => {
  if (at === end) return []
  const known = seen.get(at)
  if (known !== undefined) return known
  seen.set(at, null)
  for (const piece of pieces) {
    if (piece.from !== at) continue
    const rest = tile(pieces, piece.to, end, seen)
    if (rest) {
      const path = [piece, ...rest]
      seen.set(at, path)
      return path
    }
  }
  return null
}

const isLongVowelMark = (code: number): boolean =>
  code === 0x30fc ||
  code === 0xff70 ||
  code === 0x2d ||
  (code >= 0x2010 && code <= 0x2015) ||
  code === 0x2212 ||
  code === 0xff0d

// Most labels have no mark at all: one string per length serves all of them.
const UNMARKED: string[] = []
const shared = (marks: string): string => {
  if (/[^\u0000]/.test(marks)) return marks
  return (UNMARKED[marks.length] ??= marks)
}

/** For units [start, end - 1) of a folded text: 1 when a long-vowel mark follows the unit, 2 when a dropped dot or space does. */
const marksOf = (text: FoldedText, start: number, end: number): string => {
  let marks = ''
  for (let i = start; i < end - 1; i++) {
    const to = text.ends[i] as number
    let mark = to - (text.offsets[i] as number) > 1 && isLongVowelMark(text.original.charCodeAt(to - 1)) ? 1 : 0
    if ((text.offsets[i + 1] as number) > to) mark |= 2
    marks += String.fromCharCode(mark)
  }
  return marks
}

/**
 * A long-vowel mark is a spelling variant only at the end of a word (`プリンタ` = `プリンター`, `ネットプロモータ・スコア`):
 * folding drops every one, so inside a match the label and the text must agree on each mark (`セール` is not
 * in `セル`, `ビール` is not `ビル`), except where either has a dot or space or the text a word boundary there.
 */
const longVowelsFit = (
  text: FoldedText,
  label: Label,
  start: number,
  end: number,
  boundaries: WordBoundaries,
): boolean => {
  const wanted = label.marks
  if (wanted.length === 0 || end - start - 1 !== wanted.length) return true
  const found = marksOf(text, start, end)
  for (let i = 0; i < found.length; i++) {
    const a = wanted.charCodeAt(i)
    const b = found.charCodeAt(i)
    if ((a & 1) === (b & 1) || a & 2 || b & 2) continue
    if (boundaries.startsWord(text.offsets[start + i + 1] as number)) continue
    return false
  }
  return true
}

/** An acronym's capitals must be in the text as they are; a plural adds a lower-case `s`. */
const caseFits = (text: FoldedText, label: Label, plural: boolean, start: number, end: number): boolean => {
  if (label.acronym === null) return true
  const length = label.acronym.length
  if (text.cased.slice(start, start + length) !== label.acronym) return false
  return !plural || text.cased.slice(start + length, end) === 's'
}
