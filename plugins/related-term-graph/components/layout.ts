/** Radial layout for the admin Graph field: the root in the centre, one ring per hop. Pure. */

export type LayoutNode = { id: string; slug: string; term: string; score: number }
export type LayoutEdge = { source: string; target: string; type: string; weight: number; evidence?: string }
export type PlacedNode = LayoutNode & { x: number; y: number; depth: number }

export const EDGE_COLOURS: Record<string, string> = {
  related: '#2563eb',
  broader: '#7c3aed',
  narrower: '#c026d3',
  mentions: '#059669',
  'co-cited': '#d97706',
  'shared-tag': '#9ca3af',
}

/** Hops from the root along the returned edges (edges name nodes by slug). */
export const depthsFrom = (rootSlug: string, edges: readonly LayoutEdge[]): Map<string, number> => {
  const neighbours = new Map<string, string[]>()
  for (const { source, target } of edges) {
    neighbours.set(source, [...(neighbours.get(source) ?? []), target])
    neighbours.set(target, [...(neighbours.get(target) ?? []), source])
  }
  const depth = new Map([[rootSlug, 0]])
  let frontier = [rootSlug]
  while (frontier.length > 0) {
    const next: string[] = []
    for (const slug of frontier) {
      for (const other of neighbours.get(slug) ?? []) {
        if (depth.has(other)) continue
        depth.set(other, (depth.get(slug) as number) + 1)
        next.push(other)
      }
    }
    frontier = next
  }
  return depth
}

/**
 * Places nodes on rings of radius `ring × depth` around (cx, cy). Outer nodes sit near the
 * inner node they hang from, so edges cross less.
 */
export const radialLayout = (
  rootSlug: string,
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  { cx, cy, ring }: { cx: number; cy: number; ring: number },
): PlacedNode[] => {
  const depth = depthsFrom(rootSlug, edges)
  const angle = new Map<string, number>([[rootSlug, 0]])
  const placed: PlacedNode[] = []
  const maxDepth = Math.max(0, ...nodes.map((n) => depth.get(n.slug) ?? 1))
  for (let level = 0; level <= maxDepth; level++) {
    const ringNodes = nodes.filter((n) => (depth.get(n.slug) ?? 1) === level)
    if (level > 0) {
      const parentAngle = (slug: string) => {
        const parents = edges
          .filter((e) => e.source === slug || e.target === slug)
          .map((e) => (e.source === slug ? e.target : e.source))
          .filter((other) => depth.get(other) === level - 1 && angle.has(other))
        return parents.length > 0 ? (angle.get(parents[0] as string) as number) : 0
      }
      ringNodes.sort((a, b) => parentAngle(a.slug) - parentAngle(b.slug))
    }
    ringNodes.forEach((node, position) => {
      const theta = level === 0 ? 0 : (2 * Math.PI * position) / ringNodes.length - Math.PI / 2
      angle.set(node.slug, theta)
      const radius = ring * level
      placed.push({ ...node, depth: level, x: cx + radius * Math.cos(theta), y: cy + radius * Math.sin(theta) })
    })
  }
  return placed
}
