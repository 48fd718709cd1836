/** Edge keys and attributes: one place, so the full build and the incremental updates agree. */
import { EDGE_TYPES, type EdgeAttributes, type EdgeType } from './model'
import { coCitedWeight, fixedWeight, sharedTagWeight } from './weights'

export const ALL_EDGE_TYPES: ReadonlySet<EdgeType> = new Set(EDGE_TYPES)
export const DIRECTED: ReadonlySet<EdgeType> = new Set(['mentions', 'broader', 'narrower'])

// `join` makes one flat string; a template literal makes a chain of concatenations (three more objects a key).
/** Key of a symmetric edge: the same whichever end asks. */
export const pairKey = (type: EdgeType, a: string, b: string): string => (a < b ? [type, a, b] : [type, b, a]).join('|')
export const directedKey = (type: EdgeType, from: string, to: string): string => [type, from, to].join('|')

export const pushTo = (map: Map<string, string[]>, key: string, value: string) => {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/**
 * An edge's stored attributes are its type and weight only, one frozen object per pair shared by every edge
 * that has it (at 100,000 terms, an object with evidence per edge held about 70 MB). Evidence is read from the
 * index's own maps when an edge is presented (`GraphIndex.edge`).
 */
const SHARED = new Map<string, EdgeAttributes>()
export const attributesOf = (type: EdgeType, weight: number): EdgeAttributes => {
  const key = `${type} ${weight}`
  let attributes = SHARED.get(key)
  if (!attributes) {
    attributes = Object.freeze({ type, weight })
    SHARED.set(key, attributes)
  }
  return attributes
}

/** Adds (or wants) an edge: its key, its ends (from → to for directed types, ordered for the others), attributes. */
export type AddEdge = (key: string, from: string, to: string, attributes: EdgeAttributes) => void

/** An undirected edge between two terms, ends in key order. */
const symmetric = (type: EdgeType, a: string, b: string, weight: number, add: AddEdge) => {
  const [from, to] = a < b ? [a, b] : [b, a]
  add(pairKey(type, a, b), from, to, attributesOf(type, weight))
}

export const relatedEdge = (a: string, b: string, add: AddEdge) =>
  symmetric('related', a, b, fixedWeight('related'), add)

export const mentionEdge = (from: string, to: string, add: AddEdge) =>
  add(directedKey('mentions', from, to), from, to, attributesOf('mentions', fixedWeight('mentions')))

export const hierarchyEdges = (narrow: string, broad: string, add: AddEdge) => {
  add(directedKey('broader', narrow, broad), narrow, broad, attributesOf('broader', fixedWeight('broader')))
  add(directedKey('narrower', broad, narrow), broad, narrow, attributesOf('narrower', fixedWeight('narrower')))
}

export const coCitedEdge = (a: string, b: string, groups: number, add: AddEdge) =>
  symmetric('co-cited', a, b, coCitedWeight(groups), add)

export const sharedTagEdge = (a: string, b: string, tags: number, add: AddEdge) =>
  symmetric('shared-tag', a, b, sharedTagWeight(tags), add)
