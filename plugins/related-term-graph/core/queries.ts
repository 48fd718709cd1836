/** Read-only questions asked of a GraphIndex: neighbourhood, path, centrality, health, suggestions. */
import pagerank from 'graphology-metrics/centrality/pagerank.js'
import { bidirectional } from 'graphology-shortest-path/dijkstra.js'

import type {
  GraphIndex,
  NeighbourhoodQuery,
  NeighbourhoodResult,
  PathResult,
  RankedNode,
  Suggestion,
} from './graphIndex'
import type { EdgeType } from './model'
import { combinedStrength, hopCost, round } from './weights'

/**
 * Terms around `rootId` up to `depth` hops over edges of `types`; nearest first, then strongest,
 * cut to `limit` (root not counted). A node's score is the best product of pair strengths
 * (`combinedStrength` of the edges joining each pair) along a path from the root (root = 1).
 */
export const neighbourhood = (
  index: GraphIndex,
  rootId: string,
  { depth, types, limit }: NeighbourhoodQuery,
): NeighbourhoodResult => {
  const depthOf = new Map<string, number>([[rootId, 0]])
  const scoreOf = new Map<string, number>([[rootId, 1]])
  let frontier = [rootId]
  for (let level = 1; level <= depth && frontier.length > 0; level++) {
    const reached = new Map<string, number>()
    for (const node of frontier) {
      const weights = new Map<string, number[]>()
      index.graph.forEachEdge(node, (_key, attributes, source, target) => {
        if (!types.has(attributes.type)) return
        const other = source === node ? target : source
        if (depthOf.has(other)) return
        const list = weights.get(other)
        if (list) list.push(attributes.weight)
        else weights.set(other, [attributes.weight])
      })
      const base = scoreOf.get(node) as number
      for (const [other, list] of weights) {
        const score = base * combinedStrength(list)
        if (score > (reached.get(other) ?? -1)) reached.set(other, score)
      }
    }
    for (const [node, score] of reached) {
      depthOf.set(node, level)
      scoreOf.set(node, score)
    }
    frontier = [...reached.keys()]
  }
  const ranked: RankedNode[] = []
  for (const [id, nodeDepth] of depthOf) {
    if (id !== rootId) ranked.push({ id, depth: nodeDepth, score: round(scoreOf.get(id) as number) })
  }
  ranked.sort((a, b) => a.depth - b.depth || b.score - a.score || index.slugOf(a.id).localeCompare(index.slugOf(b.id)))
  const nodes = [{ id: rootId, depth: 0, score: 1 }, ...ranked.slice(0, limit)]
  return {
    root: rootId,
    nodes,
    edges: edgesAmong(
      index,
      nodes.map((n) => n.id),
      types,
    ),
  }
}

/** Keys of the edges of `types` joining two of `ids`. */
const edgesAmong = (index: GraphIndex, ids: string[], types: ReadonlySet<EdgeType>): string[] => {
  const inSet = new Set(ids)
  const seen = new Set<string>()
  const edges: string[] = []
  for (const id of ids) {
    index.graph.forEachEdge(id, (key, attributes, source, target) => {
      if (seen.has(key) || !types.has(attributes.type)) return
      if (!inSet.has(source === id ? target : source)) return
      seen.add(key)
      edges.push(key)
    })
  }
  return edges
}

/**
 * The strongest shortest path: fewest hops, and among those the strongest edges
 * (graphology's bidirectional Dijkstra with the cost in `hopCost`). Null when unconnected.
 */
export const strongestPath = (index: GraphIndex, fromId: string, toId: string): PathResult | null => {
  const { graph } = index
  if (!graph.hasNode(fromId) || !graph.hasNode(toId)) return null
  const nodes = bidirectional(graph, fromId, toId, (_edge, attributes) => hopCost(attributes.weight))
  if (!nodes) return null
  const edges: string[] = []
  let strength = 1
  for (let i = 1; i < nodes.length; i++) {
    // The hop's edge is the strongest of the edges joining the pair (the one Dijkstra's cost used).
    let best: string | undefined
    let bestWeight = -1
    for (const key of graph.edges(nodes[i - 1] as string, nodes[i] as string)) {
      const weight = graph.getEdgeAttribute(key, 'weight')
      if (weight > bestWeight) {
        best = key
        bestWeight = weight
      }
    }
    if (best) edges.push(best)
    strength *= bestWeight
  }
  return { nodes, edges, hops: nodes.length - 1, strength: round(strength) }
}

// PageRank is the one global computation: cached per index until its revision changes, as the ranked ids and
// their scores side by side (an object of 100,000 scores held 20 MB; these arrays hold about 1.5 MB).
const pagerankCache = new WeakMap<GraphIndex, { revision: number; ranked: string[]; scores: Float64Array }>()

/** The most central terms by weighted PageRank (graphology-metrics). */
export const topTerms = (index: GraphIndex, limit: number): { id: string; score: number }[] => {
  if (index.graph.order === 0) return []
  let cached = pagerankCache.get(index)
  if (cached?.revision !== index.revision) {
    const byId = pagerank(index.graph, { getEdgeWeight: 'weight' })
    const ranked = Object.keys(byId).sort(
      (a, b) => (byId[b] as number) - (byId[a] as number) || index.slugOf(a).localeCompare(index.slugOf(b)),
    )
    cached = { revision: index.revision, ranked, scores: Float64Array.from(ranked, (id) => byId[id] as number) }
    pagerankCache.set(index, cached)
  }
  const { ranked, scores } = cached
  return ranked.slice(0, limit).map((id, at) => ({ id, score: round(scores[at] as number, 6) }))
}

/** Terms with no edge at all, and terms whose summary/body mentions no other term (by slug). */
export const graphHealth = (index: GraphIndex): { orphans: string[]; mentionsNothing: string[] } => {
  const orphans: string[] = []
  const mentionsNothing: string[] = []
  for (const id of index.termIds()) {
    if (index.graph.degree(id) === 0) orphans.push(id)
    if (index.mentionCount(id) === 0) mentionsNothing.push(id)
  }
  const bySlug = (a: string, b: string) => index.slugOf(a).localeCompare(index.slugOf(b))
  return { orphans: orphans.sort(bySlug), mentionsNothing: mentionsNothing.sort(bySlug) }
}

/**
 * Terms this term mentions or is mentioned by that are not `related` to it yet: mutual first. A mention
 * from X to Y is not suggested when X's editors switched auto-links off inside X or Y is "never auto-link".
 */
export const suggestedLinks = (index: GraphIndex, id: string): Suggestion[] => {
  if (!index.graph.hasNode(id)) return []
  const linkable = (from: string, to: string) =>
    !index.getTerm(from)?.noAutoLinksInside && !index.getTerm(to)?.neverAutoLink
  const related = new Set<string>()
  const found = new Map<string, { out: boolean; in: boolean; edges: string[] }>()
  index.graph.forEachEdge(id, (key, attributes, source, target) => {
    const other = source === id ? target : source
    if (attributes.type === 'related') related.add(other)
    // A mentions edge is stored from → to as source → target.
    if (attributes.type !== 'mentions' || !linkable(source, target)) return
    const entry = found.get(other) ?? { out: false, in: false, edges: [] }
    if (source === id) entry.out = true
    else entry.in = true
    entry.edges.push(key)
    found.set(other, entry)
  })
  const suggestions: Suggestion[] = []
  for (const [other, entry] of found) {
    if (related.has(other)) continue
    const direction = entry.out && entry.in ? 'both' : entry.out ? 'mentions' : 'mentioned-by'
    suggestions.push({ id: other, direction, edges: entry.edges })
  }
  const order = { both: 0, mentions: 1, 'mentioned-by': 2 }
  return suggestions.sort(
    (a, b) => order[a.direction] - order[b.direction] || index.slugOf(a.id).localeCompare(index.slugOf(b.id)),
  )
}
