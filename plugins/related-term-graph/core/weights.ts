import type { EdgeType } from './model'

/**
 * Edge weights (0–1): how strongly an edge says "read this next". Documented in the README.
 *
 * - related 1.0: an editor linked the two on purpose;
 * - broader / narrower 0.9: an editor placed one under the other;
 * - mentions 0.6: one term's summary or body names the other;
 * - co-cited 0.4, +0.1 per further case study / playbook step citing both, at most 0.7;
 * - shared-tag 0.15, +0.05 per further shared tag, at most 0.3 (weak: tags are broad).
 */
export const EDGE_WEIGHTS = {
  related: 1,
  broader: 0.9,
  narrower: 0.9,
  mentions: 0.6,
  'co-cited': { first: 0.4, each: 0.1, max: 0.7 },
  'shared-tag': { first: 0.15, each: 0.05, max: 0.3 },
} as const

const stepped = ({ first, each, max }: { first: number; each: number; max: number }, count: number): number =>
  round(Math.min(max, first + each * Math.max(0, count - 1)))

/** Weight of a co-cited edge cited together by `count` case studies / playbook steps. */
export const coCitedWeight = (count: number): number => stepped(EDGE_WEIGHTS['co-cited'], count)

/** Weight of a shared-tag edge between terms sharing `count` tags. */
export const sharedTagWeight = (count: number): number => stepped(EDGE_WEIGHTS['shared-tag'], count)

/** Weight of a fixed-weight edge type. */
export const fixedWeight = (type: Exclude<EdgeType, 'co-cited' | 'shared-tag'>): number => EDGE_WEIGHTS[type]

/**
 * How strongly two terms are tied by several edges: 1 − Π(1 − wᵢ) (a "noisy or").
 * A mention plus a co-citation (0.6, 0.4) ties them at 0.76, more than either alone.
 */
export const combinedStrength = (weights: Iterable<number>): number => {
  let missing = 1
  for (const weight of weights) missing *= 1 - weight
  return 1 - missing
}

/**
 * Cost of one hop for "strongest shortest path": fewer hops always win, and among paths with
 * the same number of hops the strongest edges win (the second term stays below 1 per path up to 1,000 hops).
 */
export const hopCost = (weight: number): number => 1 + (1 - weight) / 1000

export const round = (value: number, digits = 4): number => {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}
