import { spawnSync } from 'node:child_process'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { growthPercentFor, MIN_GROWTH_PERCENT } from './heapGrowth'
import type { HeapSettings } from './settings'

const heap = (growthPercent: number, headroomMb: number): HeapSettings => ({
  youngSpaceMb: 16,
  growthPercent,
  headroomMb,
  maxOldSpaceMb: 0,
})

describe('growthPercentFor', () => {
  it('keeps the configured growth while it is within the headroom', () => {
    expect(growthPercentFor(250, heap(20, 64))).toBe(20)
    expect(growthPercentFor(320, heap(20, 64))).toBe(20)
  })

  it('lowers the growth as the live heap outgrows the headroom, never under the minimum', () => {
    expect(growthPercentFor(600, heap(20, 64))).toBe(11)
    expect(growthPercentFor(1_000, heap(20, 64))).toBe(7)
    expect(growthPercentFor(4_000, heap(20, 64))).toBe(MIN_GROWTH_PERCENT)
  })

  it('changes nothing when the headroom or the growth is left to V8 (0)', () => {
    expect(growthPercentFor(600, heap(20, 0))).toBe(20)
    expect(growthPercentFor(600, heap(0, 64))).toBe(0)
  })
})

describe('keepHeapHeadroom', () => {
  const probe = (headroomMb: number): number => {
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--heap-growing-percent=40',
        path.resolve('test/fixtures/heapGrowthProbe.ts'),
        String(headroomMb),
      ],
      { encoding: 'utf8' },
    )
    expect(result.status, result.stderr).toBe(0)
    return (JSON.parse(result.stdout.trim()) as { largestMb: number }).largestMb
  }

  it("holds a large worker's heap nearer what is live than the fixed growth does", () => {
    const fixed = probe(0)
    const aimed = probe(16)
    // 40 % of a ~250 MB live heap is ~100 MB of room; 16 MB of headroom is the 5 % floor here, ~13 MB.
    expect(aimed).toBeLessThan(fixed - 40)
  })
})
