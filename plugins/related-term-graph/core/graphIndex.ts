import { MultiUndirectedGraph } from 'graphology'

import {
  coCitedEdge,
  DIRECTED,
  directedKey,
  hierarchyEdges,
  mentionEdge,
  pairKey,
  pushTo,
  relatedEdge,
  sharedTagEdge,
  type AddEdge,
} from './edges'
import { MentionMatcher, type Mention } from './matcher'
import {
  EDGE_TYPES,
  type CitationGroup,
  type EdgeAttributes,
  type EdgeType,
  type EdgeView,
  type Evidence,
  type Localized,
  type NodeAttributes,
  type TermRecord,
} from './model'
import { normalizeText } from './normalize'
import { graphHealth, neighbourhood, strongestPath, suggestedLinks, topTerms } from './queries'
import { sentenceAround } from './text'

export type GraphIndexOptions = {
  /** Tags carried by more terms than this are too broad to link them (no shared-tag edges). */
  maxSharedTagGroup?: number
}

/** The citation groups one source document contributes (a case study: one; a playbook: one per step). */
export type CitationSource = { source: string; groups: CitationGroup[] }

export type GraphInput = {
  terms: Iterable<TermRecord>
  citations?: Iterable<CitationSource>
  tagNames?: Iterable<[string, string]>
  /** Glossary id → slug (for storefront URLs). */
  glossarySlugs?: Iterable<[string, string]>
}

export type NeighbourhoodQuery = { depth: number; types: ReadonlySet<EdgeType>; limit: number }
export type RankedNode = { id: string; depth: number; score: number }
export type NeighbourhoodResult = { root: string; nodes: RankedNode[]; edges: string[] }
export type PathResult = { nodes: string[]; edges: string[]; hops: number; strength: number }
export type Suggestion = { id: string; direction: 'mentions' | 'mentioned-by' | 'both'; edges: string[] }

export { ALL_EDGE_TYPES } from './edges'

const addTo = <K, V>(map: Map<K, Set<V>>, key: K, value: V): void => {
  let set = map.get(key)
  if (!set) {
    set = new Set()
    map.set(key, set)
  }
  set.add(value)
}
const removeFrom = <K, V>(map: Map<K, Set<V>>, key: K, value: V): void => {
  const set = map.get(key)
  if (!set) return
  set.delete(value)
  if (set.size === 0) map.delete(key)
}

// A term is listed as related by a handful of others: arrays, not a Set each (80,000 Sets were ~7 MB more).
const addToList = (map: Map<string, string[]>, key: string, value: string): void => {
  const list = map.get(key)
  if (!list) map.set(key, [value])
  else if (!list.includes(value)) list.push(value)
}
const removeFromList = (map: Map<string, string[]>, key: string, value: string): void => {
  const list = map.get(key)
  const at = list?.indexOf(value) ?? -1
  if (at === -1) return
  if (list!.length === 1) map.delete(key)
  else list!.splice(at, 1)
}

/**
 * The related-term graph of one view (published or latest): glossary terms as nodes, typed,
 * weighted edges with evidence. Built once from records, then kept current one term, one case
 * study or one playbook at a time; every change touches only the terms it affects.
 */
export class GraphIndex {
  readonly graph = new MultiUndirectedGraph<NodeAttributes, EdgeAttributes>({ allowSelfLoops: false })
  readonly #terms = new Map<string, TermRecord>()
  readonly #idBySlug = new Map<string, string>()
  #matcher = new MentionMatcher()
  /**
   * term → folded text per locale, for finding the texts a changed label may now match. Only the folded
   * string is kept: the offsets that map a match back to the original (8 bytes a character) are
   * recomputed when a term's own mentions are, so 100,000 terms' texts do not sit in memory three times.
   */
  readonly #folded = new Map<string, Localized>()
  /** term → (mentioned term → evidence sentence per locale). */
  readonly #mentionsOut = new Map<string, Map<string, Localized>>()
  readonly #mentionedBy = new Map<string, Set<string>>()
  /** term → present terms listing it in `related`. */
  readonly #relatedBy = new Map<string, string[]>()
  /** broader term → present terms naming it as `broader`. */
  readonly #narrowerOf = new Map<string, Set<string>>()
  readonly #tagMembers = new Map<string, Set<string>>()
  readonly #tagNames = new Map<string, string>()
  readonly #glossarySlugs = new Map<string, string>()
  readonly #groups = new Map<string, CitationGroup>()
  readonly #groupsBySource = new Map<string, string[]>()
  /** term id (present or not) → citation group keys listing it. */
  readonly #groupsOfTerm = new Map<string, Set<string>>()
  readonly #maxSharedTagGroup: number
  #revision = 0

  constructor(options: GraphIndexOptions = {}) {
    this.#maxSharedTagGroup = options.maxSharedTagGroup ?? 50
  }

  /** Build a whole view at once (a full rebuild). */
  static build(input: GraphInput, options: GraphIndexOptions = {}): GraphIndex {
    const index = new GraphIndex(options)
    for (const [id, name] of input.tagNames ?? []) index.#tagNames.set(id, name)
    for (const [id, slug] of input.glossarySlugs ?? []) index.#glossarySlugs.set(id, slug)
    const terms = [...input.terms]
    for (const record of terms) index.#register(record)
    index.#matcher = new MentionMatcher(terms.map((t) => ({ termId: t.id, labels: labelsOf(t) })))
    for (const record of terms) index.#computeMentions(record.id)
    for (const { source, groups } of input.citations ?? []) index.#registerCitations(source, groups)
    index.#addAllEdges()
    return index
  }

  /** Changes whenever the graph does (cache key for derived data). */
  get revision(): number {
    return this.#revision
  }

  get termCount(): number {
    return this.#terms.size
  }

  hasTerm(id: string): boolean {
    return this.#terms.has(id)
  }

  getTerm(id: string): TermRecord | undefined {
    return this.#terms.get(id)
  }

  /** A term id from a slug (or an id, as the admin UI knows ids). */
  resolve(slugOrId: string): string | undefined {
    return this.#idBySlug.get(slugOrId) ?? (this.#terms.has(slugOrId) ? slugOrId : undefined)
  }

  /** Mentions of this view's terms in any text (the storefront auto-linker uses it). */
  mentionsIn(text: string, excludeTermId?: string): Mention[] {
    return this.#matcher.find(text, excludeTermId)
  }

  tagName(id: string): string | undefined {
    return this.#tagNames.get(id)
  }

  glossarySlug(id: string | null): string | undefined {
    return id === null ? undefined : this.#glossarySlugs.get(id)
  }

  /** A glossary's slug changed (storefront URLs), or it is gone (null). */
  setGlossary(id: string, slug: string | null): void {
    if (slug === null) this.#glossarySlugs.delete(id)
    else this.#glossarySlugs.set(id, slug)
  }

  citationGroup(key: string): CitationGroup | undefined {
    return this.#groups.get(key)
  }

  /** Add or replace one term. */
  upsertTerm(record: TermRecord): void {
    const previous = this.#terms.get(record.id)
    if (previous && previous.slug !== record.slug && this.#idBySlug.get(previous.slug) === record.id)
      this.#idBySlug.delete(previous.slug)
    const touched = previous ? this.#unregister(previous) : new Set<string>()
    for (const id of this.#register(record)) touched.add(id)
    touched.add(record.id)
    const labelsChanged = this.#matcher.setTerm(record.id, labelsOf(record))
    this.#computeMentions(record.id)
    if (labelsChanged)
      for (const source of this.#rescanForLabels(record.id, this.#matcher.labelsOf(record.id))) touched.add(source)
    for (const id of touched) this.#syncEdges(id)
    this.#changed()
  }

  /** Remove a term (deleted, or unpublished in the published view). */
  removeTerm(id: string): void {
    const previous = this.#terms.get(id)
    if (!previous) return
    const touched = this.#unregister(previous)
    const mentionedBy = [...(this.#mentionedBy.get(id) ?? [])]
    this.#matcher.removeTerm(id)
    this.#clearMentions(id)
    this.#folded.delete(id)
    this.#terms.delete(id)
    if (this.#idBySlug.get(previous.slug) === id) this.#idBySlug.delete(previous.slug)
    this.graph.dropNode(id)
    // Texts that named this term may now match a shorter label inside that span.
    for (const source of mentionedBy) {
      this.#computeMentions(source)
      touched.add(source)
    }
    for (const other of touched) if (this.#terms.has(other)) this.#syncEdges(other)
    this.#changed()
  }

  /** Replace the citation groups of one case study or playbook (empty: it no longer cites anything). */
  setCitations(source: string, groups: CitationGroup[]): void {
    const touched = new Set<string>()
    for (const key of this.#groupsBySource.get(source) ?? [])
      for (const id of this.#groups.get(key)?.termIds ?? []) touched.add(id)
    this.#registerCitations(source, groups)
    for (const group of groups) for (const id of group.termIds) touched.add(id)
    for (const id of touched) if (this.#terms.has(id)) this.#syncEdges(id)
    this.#changed()
  }

  /** Rename a tag (evidence only) or forget it (null). */
  setTag(id: string, name: string | null): void {
    if (name !== null) {
      this.#tagNames.set(id, name)
      this.#changed()
      return
    }
    this.#tagNames.delete(id)
    const members = [...(this.#tagMembers.get(id) ?? [])]
    this.#tagMembers.delete(id)
    for (const member of members) {
      const record = this.#terms.get(member)
      if (record) this.#terms.set(member, { ...record, tags: record.tags.filter((tag) => tag !== id) })
    }
    for (const member of members) this.#syncEdges(member)
    this.#changed()
  }

  /** Terms around `rootId`, nearest first, then strongest (see `core/queries.ts`). */
  neighbourhood(rootId: string, query: NeighbourhoodQuery): NeighbourhoodResult {
    return neighbourhood(this, rootId, query)
  }

  /** The strongest shortest path, or null (see `core/queries.ts`). */
  path(fromId: string, toId: string): PathResult | null {
    return strongestPath(this, fromId, toId)
  }

  /** The most central terms by weighted PageRank. */
  top(limit: number): { id: string; score: number }[] {
    return topTerms(this, limit)
  }

  /** Orphan terms and terms whose text mentions no other term. */
  health(): { orphans: string[]; mentionsNothing: string[] } {
    return graphHealth(this)
  }

  /** Terms this term mentions or is mentioned by that are not `related` to it yet. */
  suggestions(id: string): Suggestion[] {
    return suggestedLinks(this, id)
  }

  /** Every term id in the view. */
  termIds(): IterableIterator<string> {
    return this.#terms.keys()
  }

  /** How many terms this term's text mentions. */
  mentionCount(id: string): number {
    return this.#mentionsOut.get(id)?.size ?? 0
  }

  /** A term's slug (its id when unknown): the stable tie-breaker of every ordering. */
  slugOf(id: string): string {
    return this.#terms.get(id)?.slug ?? id
  }

  /** Edge counts per type (for the benchmark and diagnostics). */
  stats(): { terms: number; edges: number; byType: Record<EdgeType, number> } {
    const byType = Object.fromEntries(EDGE_TYPES.map((type) => [type, 0])) as Record<EdgeType, number>
    this.graph.forEachEdge((_key, attributes) => {
      byType[attributes.type]++
    })
    return { terms: this.graph.order, edges: this.graph.size, byType }
  }

  /** An edge by key, with its ends and its evidence (read from the index now, not stored per edge). */
  edge(key: string): EdgeView {
    const attributes = this.graph.getEdgeAttributes(key)
    const from = this.graph.source(key)
    const to = this.graph.target(key)
    return {
      type: attributes.type,
      weight: attributes.weight,
      from,
      to,
      evidence: this.#evidence(attributes.type, from, to),
    }
  }

  /** Whether an edge of `type` joins a and b (direction a→b for directed types). */
  hasEdge(type: EdgeType, a: string, b: string): boolean {
    return this.graph.hasEdge(DIRECTED.has(type) ? directedKey(type, a, b) : pairKey(type, a, b))
  }

  isDirected(type: EdgeType): boolean {
    return DIRECTED.has(type)
  }

  #changed(): void {
    this.#revision++
  }

  /** Index a record's relations; returns terms whose edges may change beyond its own. */
  #register(record: TermRecord): Set<string> {
    const touched = new Set<string>()
    this.#terms.set(record.id, record)
    this.#idBySlug.set(record.slug, record.id)
    if (this.graph.hasNode(record.id)) this.graph.replaceNodeAttributes(record.id, { slug: record.slug })
    else this.graph.addNode(record.id, { slug: record.slug })
    for (const target of record.related) addToList(this.#relatedBy, target, record.id)
    if (record.broader) addTo(this.#narrowerOf, record.broader, record.id)
    for (const tag of record.tags) {
      const before = this.#tagMembers.get(tag)?.size ?? 0
      addTo(this.#tagMembers, tag, record.id)
      this.#touchTagIfCapCrossed(tag, before, touched)
    }
    // A plain object per term, not a Map: 100,000 small Maps cost several times the texts they hold.
    const texts: Localized = {}
    for (const [locale, text] of Object.entries(record.text)) if (text) texts[locale] = normalizeText(text).folded
    this.#folded.set(record.id, texts)
    return touched
  }

  #unregister(record: TermRecord): Set<string> {
    const touched = new Set<string>()
    for (const target of record.related) removeFromList(this.#relatedBy, target, record.id)
    if (record.broader) removeFrom(this.#narrowerOf, record.broader, record.id)
    for (const tag of record.tags) {
      const before = this.#tagMembers.get(tag)?.size ?? 0
      removeFrom(this.#tagMembers, tag, record.id)
      this.#touchTagIfCapCrossed(tag, before, touched)
    }
    return touched
  }

  // A tag crossing the size cap switches all its shared-tag edges on or off.
  #touchTagIfCapCrossed(tag: string, before: number, touched: Set<string>): void {
    const after = this.#tagMembers.get(tag)?.size ?? 0
    if (before <= this.#maxSharedTagGroup === after <= this.#maxSharedTagGroup) return
    for (const member of this.#tagMembers.get(tag) ?? []) touched.add(member)
  }

  #registerCitations(source: string, groups: CitationGroup[]): void {
    for (const key of this.#groupsBySource.get(source) ?? []) {
      for (const id of this.#groups.get(key)?.termIds ?? []) removeFrom(this.#groupsOfTerm, id, key)
      this.#groups.delete(key)
    }
    if (groups.length === 0) {
      this.#groupsBySource.delete(source)
      return
    }
    this.#groupsBySource.set(
      source,
      groups.map((group) => group.key),
    )
    for (const group of groups) {
      this.#groups.set(group.key, group)
      for (const id of group.termIds) addTo(this.#groupsOfTerm, id, group.key)
    }
  }

  /** Re-run mention matching over one term's own texts. */
  #computeMentions(id: string): void {
    this.#clearMentions(id)
    const out = new Map<string, Localized>()
    for (const [locale, original] of Object.entries(this.#terms.get(id)?.text ?? {})) {
      if (!original) continue
      for (const mention of this.#matcher.find(normalizeText(original), id)) {
        let evidence = out.get(mention.termId)
        if (!evidence) {
          evidence = {}
          out.set(mention.termId, evidence)
        }
        evidence[locale] ??= sentenceAround(original, mention.start, mention.end)
      }
    }
    if (out.size > 0) this.#mentionsOut.set(id, out)
    for (const target of out.keys()) addTo(this.#mentionedBy, target, id)
  }

  #clearMentions(id: string): void {
    for (const target of this.#mentionsOut.get(id)?.keys() ?? []) removeFrom(this.#mentionedBy, target, id)
    this.#mentionsOut.delete(id)
  }

  /**
   * After a term's labels change: texts that named it before, and texts containing one of its
   * new labels, are matched again (longest-match may now pick a different term there).
   */
  #rescanForLabels(id: string, labels: readonly string[]): Set<string> {
    const sources = new Set(this.#mentionedBy.get(id) ?? [])
    if (labels.length > 0) {
      for (const [other, texts] of this.#folded) {
        if (other === id || sources.has(other)) continue
        for (const folded of Object.values(texts)) {
          if (folded && MentionMatcher.containsAny(folded, labels)) {
            sources.add(other)
            break
          }
        }
      }
    }
    for (const source of sources) this.#computeMentions(source)
    return sources
  }

  /** Make the graph's edges at `id` match what the indexes say. */
  #syncEdges(id: string): void {
    const record = this.#terms.get(id)
    if (!record) return
    const desired = new Map<string, { from: string; to: string; attributes: EdgeAttributes }>()
    const want: AddEdge = (key, from, to, attributes) => desired.set(key, { from, to, attributes })
    const present = (other: string) => other !== id && this.#terms.has(other)

    for (const other of new Set([...record.related, ...(this.#relatedBy.get(id) ?? [])])) {
      if (present(other)) relatedEdge(id, other, want)
    }
    if (record.broader && present(record.broader)) hierarchyEdges(id, record.broader, want)
    for (const narrow of this.#narrowerOf.get(id) ?? []) if (present(narrow)) hierarchyEdges(narrow, id, want)
    for (const target of this.#mentionsOut.get(id)?.keys() ?? []) if (present(target)) mentionEdge(id, target, want)
    for (const source of this.#mentionedBy.get(id) ?? []) if (present(source)) mentionEdge(source, id, want)

    const citedWith = new Map<string, string[]>()
    for (const key of this.#groupsOfTerm.get(id) ?? []) {
      for (const other of new Set(this.#groups.get(key)?.termIds ?? []))
        if (present(other)) pushTo(citedWith, other, key)
    }
    for (const [other, groups] of citedWith) coCitedEdge(id, other, groups.length, want)

    const taggedWith = new Map<string, string[]>()
    for (const tag of new Set(record.tags)) {
      const members = this.#tagMembers.get(tag)
      if (members && members.size <= this.#maxSharedTagGroup)
        for (const other of members) if (present(other)) pushTo(taggedWith, other, tag)
    }
    for (const [other, tags] of taggedWith) sharedTagEdge(id, other, tags.length, want)

    const stale: string[] = []
    this.graph.forEachEdge(id, (key) => {
      if (!desired.has(key)) stale.push(key)
    })
    for (const key of stale) this.graph.dropEdge(key)
    for (const [key, { from, to, attributes }] of desired) {
      if (this.graph.hasEdge(key)) this.graph.replaceEdgeAttributes(key, attributes)
      else this.graph.addUndirectedEdgeWithKey(key, from, to, attributes)
    }
  }

  /** Every edge at once, each computed once (the full build; the same edges #syncEdges keeps). */
  #addAllEdges(): void {
    // Each key below is produced once, except a related pair listed from both sides.
    const add: AddEdge = (key, from, to, attributes) => this.graph.addUndirectedEdgeWithKey(key, from, to, attributes)
    const addOnce: AddEdge = (key, from, to, attributes) => {
      if (!this.graph.hasEdge(key)) add(key, from, to, attributes)
    }
    const present = (id: string) => this.#terms.has(id)
    for (const [id, record] of this.#terms) {
      for (const other of new Set(record.related)) if (other !== id && present(other)) relatedEdge(id, other, addOnce)
      if (record.broader && record.broader !== id && present(record.broader)) hierarchyEdges(id, record.broader, add)
      for (const target of this.#mentionsOut.get(id)?.keys() ?? []) mentionEdge(id, target, add)
    }
    const pairs = (members: Iterable<string>, each: (a: string, b: string) => void) => {
      const list = [...new Set(members)].filter(present).sort()
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++) each(list[i] as string, list[j] as string)
    }
    const cited = new Map<string, string[]>()
    for (const [key, group] of this.#groups) pairs(group.termIds, (a, b) => pushTo(cited, `${a}|${b}`, key))
    for (const [pair, groups] of cited) {
      const [a, b] = pair.split('|') as [string, string]
      coCitedEdge(a, b, groups.length, add)
    }
    const tagged = new Map<string, string[]>()
    for (const [tag, members] of this.#tagMembers) {
      if (members.size <= this.#maxSharedTagGroup) pairs(members, (a, b) => pushTo(tagged, `${a}|${b}`, tag))
    }
    for (const [pair, tags] of tagged) {
      const [a, b] = pair.split('|') as [string, string]
      sharedTagEdge(a, b, tags.length, add)
    }
  }

  /** Why the edge from → to of `type` exists, from the same maps `#syncEdges` reads. */
  #evidence(type: EdgeType, from: string, to: string): Evidence {
    switch (type) {
      case 'related':
        return {
          kind: 'related',
          setOn: [from, to].filter((side) => this.#terms.get(side)?.related.includes(side === from ? to : from)),
        }
      case 'broader':
        return { kind: 'hierarchy', narrow: from, broad: to }
      case 'narrower':
        return { kind: 'hierarchy', narrow: to, broad: from }
      case 'mentions':
        return { kind: 'sentence', sentence: this.#mentionsOut.get(from)?.get(to) ?? {} }
      case 'co-cited': {
        const groups = [...(this.#groupsOfTerm.get(from) ?? [])].filter((key) =>
          this.#groups.get(key)?.termIds.includes(to),
        )
        return { kind: 'citations', groups: groups.sort() }
      }
      case 'shared-tag': {
        const theirs = new Set(this.#terms.get(to)?.tags ?? [])
        const tags = [...new Set(this.#terms.get(from)?.tags ?? [])].filter(
          (tag) => theirs.has(tag) && (this.#tagMembers.get(tag)?.size ?? 0) <= this.#maxSharedTagGroup,
        )
        return { kind: 'tags', tags: tags.sort() }
      }
    }
  }
}

/** Every label a term is known by: its headword in each locale, reading, English name and aliases. */
export const labelsOf = (record: TermRecord): (string | null | undefined)[] => [
  ...Object.values(record.term),
  record.reading,
  record.englishName,
  ...record.aliases,
]
