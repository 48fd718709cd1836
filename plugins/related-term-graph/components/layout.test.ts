import { describe, expect, it } from 'vitest'

import { depthsFrom, radialLayout } from './layout'

const node = (slug: string) => ({ id: slug, slug, term: slug, score: 1 })
const edge = (source: string, target: string) => ({ source, target, type: 'related', weight: 1 })

describe('graph field layout', () => {
  it('counts hops from the root whichever way edges point', () => {
    const depths = depthsFrom('root', [edge('a', 'root'), edge('a', 'b'), edge('root', 'c')])
    expect(Object.fromEntries(depths)).toEqual({ root: 0, a: 1, c: 1, b: 2 })
  })

  it('puts the root in the centre and each hop on its own ring', () => {
    const placed = radialLayout(
      'root',
      ['root', 'a', 'b', 'c'].map(node),
      [edge('root', 'a'), edge('root', 'c'), edge('a', 'b')],
      {
        cx: 100,
        cy: 100,
        ring: 40,
      },
    )
    const at = Object.fromEntries(placed.map((p) => [p.slug, Math.round(Math.hypot(p.x - 100, p.y - 100))]))
    expect(at).toEqual({ root: 0, a: 40, c: 40, b: 80 })
  })
})
