/** Edge keys and attributes: one place, so the full build and the incremental updates agree. */
import { EDGE_TYPES, type EdgeAttributes, type EdgeType } from './model'
import { coCitedWeight, fixedWeight, sharedTagWeight } from './weights'

export const ALL_EDGE_TYPES: ReadonlySet<EdgeType> = new Set(EDGE_TYPES)
export const DIRECTED: ReadonlySet<EdgeType> = new Set(['mentions', 'broader', 'narrower'])

/** Key of a symmetric edge: the same whichever end asks. */
export const pairKey = (type: EdgeType, a: string, b: string): string =>
  a < b ? `${type}|${a}|${b}` : `${type}|${b}|${a}`
export const directedKey = (type: EdgeType, from: string, to: string): string => `${type}|${from}|${to}`

export const pushTo = (map: Map<string, string[]>, key: string, value: string) => {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

export const hierarchyEdges = (
  narrow: string,
  broad: string,
  add: (key: string, attributes: EdgeAttributes) => void,
) => {
  const evidence = { kind: 'hierarchy', narrow, broad } as const
  add(directedKey('broader', narrow, broad), {
    type: 'broader',
    weight: fixedWeight('broader'),
    from: narrow,
    to: broad,
    evidence,
  })
  add(directedKey('narrower', broad, narrow), {
    type: 'narrower',
    weight: fixedWeight('narrower'),
    from: broad,
    to: narrow,
    evidence,
  })
}

export const coCitedEdge = (a: string, b: string, groups: string[]): EdgeAttributes => {
  const [from, to] = a < b ? [a, b] : [b, a]
  return {
    type: 'co-cited',
    weight: coCitedWeight(groups.length),
    from,
    to,
    evidence: { kind: 'citations', groups: [...groups].sort() },
  }
}

export const sharedTagEdge = (a: string, b: string, tags: string[]): EdgeAttributes => {
  const [from, to] = a < b ? [a, b] : [b, a]
  return {
    type: 'shared-tag',
    weight: sharedTagWeight(tags.length),
    from,
    to,
    evidence: { kind: 'tags', tags: [...tags].sort() },
  }
}
