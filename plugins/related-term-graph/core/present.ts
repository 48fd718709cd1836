/** The graph as the API returns it: slugs in edges, labels and evidence in the reader's locale. */
import type { GraphIndex, NeighbourhoodResult, PathResult } from './graphIndex'
import type { EdgeType, Evidence, Localized } from './model'
import { round } from './weights'

export type GraphNodeOut = { id: string; slug: string; term: string; glossary: string | null; score: number }
export type GraphEdgeOut = { source: string; target: string; type: EdgeType; weight: number; evidence?: string }
export type TermGraphOut = { root: string; nodes: GraphNodeOut[]; edges: GraphEdgeOut[] }
export type TermPathOut = {
  from: string
  to: string
  hops: number
  strength: number
  nodes: GraphNodeOut[]
  edges: GraphEdgeOut[]
}

/** Locales to try, in order: the requested one, then the others. */
export type LocaleOrder = readonly string[]

export const localeOrder = (locale: string, locales: readonly string[]): LocaleOrder => [
  locale,
  ...locales.filter((l) => l !== locale),
]

export const pick = (value: Localized, order: LocaleOrder): string | undefined => {
  for (const locale of order) {
    const text = value[locale]
    if (text) return text
  }
  return Object.values(value).find(Boolean)
}

export const presentNode = (index: GraphIndex, id: string, score: number, order: LocaleOrder): GraphNodeOut => {
  const record = index.getTerm(id)
  return {
    id,
    slug: record?.slug ?? id,
    term: (record && (pick(record.term, order) ?? record.englishName)) ?? record?.slug ?? id,
    glossary: record?.glossary ?? null,
    score,
  }
}

const termName = (index: GraphIndex, id: string, order: LocaleOrder): string => presentNode(index, id, 0, order).term

const list = (items: string[], ja: boolean) => items.join(ja ? '、' : ', ')

/** Why an edge exists, as one short sentence in the reader's locale. */
export const evidenceText = (index: GraphIndex, evidence: Evidence, order: LocaleOrder): string | undefined => {
  const ja = order[0] === 'ja'
  switch (evidence.kind) {
    case 'sentence':
      return pick(evidence.sentence, order)
    case 'related': {
      const names = evidence.setOn.map((id) => termName(index, id, order))
      if (names.length === 0) return undefined
      return ja
        ? `${list(
            names.map((n) => `「${n}」`),
            true,
          )}の関連用語に設定`
        : `Listed as related on ${list(names, false)}`
    }
    case 'hierarchy': {
      const narrow = termName(index, evidence.narrow, order)
      const broad = termName(index, evidence.broad, order)
      return ja ? `「${broad}」は「${narrow}」の上位概念` : `${broad} is broader than ${narrow}`
    }
    case 'citations': {
      const labels = evidence.groups
        .map((key) => index.citationGroup(key))
        .map((group) => (group ? pick(group.label, order) : undefined))
        .filter((label): label is string => Boolean(label))
      if (labels.length === 0) return undefined
      return ja ? `${list(labels, true)}で併せて参照` : `Cited together in ${list(labels, false)}`
    }
    case 'tags': {
      const names = evidence.tags.map((id) => index.tagName(id) ?? id)
      return ja ? `共通タグ: ${list(names, true)}` : `Shared tag${names.length > 1 ? 's' : ''}: ${list(names, false)}`
    }
  }
}

/**
 * One edge with slugs. Undirected edges (related, co-cited, shared-tag) point away from the
 * node nearer the root when depths are known, so drawings read outward.
 */
export const presentEdge = (
  index: GraphIndex,
  key: string,
  order: LocaleOrder,
  depthOf?: ReadonlyMap<string, number>,
): GraphEdgeOut => {
  const attributes = index.edge(key)
  let { from, to } = attributes
  if (!index.isDirected(attributes.type) && depthOf && (depthOf.get(to) ?? 0) < (depthOf.get(from) ?? 0))
    [from, to] = [to, from]
  const evidence = evidenceText(index, attributes.evidence, order)
  return {
    source: index.getTerm(from)?.slug ?? from,
    target: index.getTerm(to)?.slug ?? to,
    type: attributes.type,
    weight: attributes.weight,
    ...(evidence ? { evidence } : {}),
  }
}

const edgeOrder = (a: GraphEdgeOut, b: GraphEdgeOut) =>
  b.weight - a.weight ||
  a.type.localeCompare(b.type) ||
  a.source.localeCompare(b.source) ||
  a.target.localeCompare(b.target)

export const presentNeighbourhood = (
  index: GraphIndex,
  result: NeighbourhoodResult,
  order: LocaleOrder,
): TermGraphOut => {
  const depthOf = new Map(result.nodes.map((node) => [node.id, node.depth]))
  return {
    root: index.getTerm(result.root)?.slug ?? result.root,
    nodes: result.nodes.map((node) => presentNode(index, node.id, node.score, order)),
    edges: result.edges.map((key) => presentEdge(index, key, order, depthOf)).sort(edgeOrder),
  }
}

export const presentPath = (index: GraphIndex, path: PathResult, order: LocaleOrder): TermPathOut => {
  const depthOf = new Map(path.nodes.map((id, position) => [id, position]))
  return {
    from: index.getTerm(path.nodes[0] as string)?.slug ?? '',
    to: index.getTerm(path.nodes[path.nodes.length - 1] as string)?.slug ?? '',
    hops: path.hops,
    strength: path.strength,
    // Along a path, a node's score is the strength of the path from the start up to it.
    nodes: path.nodes.map((id, position) => presentNode(index, id, scoreAlong(index, path, position), order)),
    edges: path.edges.map((key) => presentEdge(index, key, order, depthOf)),
  }
}

const scoreAlong = (index: GraphIndex, path: PathResult, position: number): number => {
  let score = 1
  for (let i = 0; i < position; i++) score *= index.edge(path.edges[i] as string).weight
  return round(score)
}
