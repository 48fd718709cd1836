import { constants, PerformanceObserver } from 'node:perf_hooks'
import v8 from 'node:v8'

import type { HeapSettings } from './settings'

/** The lowest growth a worker goes to: below it, full collections come too often for the memory they save. */
export const MIN_GROWTH_PERCENT = 5

const MIB = 1024 * 1024

type GcEntry = PerformanceEntry & { detail?: { kind?: number } }

/**
 * The growth percent that leaves about `headroomMb` of room above a live heap of `liveMb`: `growthPercent`
 * while the heap is small, less as it gets larger: with 64 MB, a 200 MB heap grows by 32 %, a 600 MB one by 11 %.
 */
export const growthPercentFor = (liveMb: number, heap: HeapSettings): number => {
  if (heap.headroomMb <= 0 || heap.growthPercent <= 0 || liveMb <= 0) return heap.growthPercent
  const percent = Math.ceil((heap.headroomMb * 100) / liveMb)
  return Math.min(heap.growthPercent, Math.max(MIN_GROWTH_PERCENT, percent))
}

/**
 * Re-aims the worker's `--heap-growing-percent` after every full collection, from the heap left once it is
 * done (what is live): V8 reads the flag each time it sets the next collection's limit. Returns a function
 * that stops watching.
 */
export const keepHeapHeadroom = (heap: HeapSettings): (() => void) => {
  if (heap.headroomMb <= 0 || heap.growthPercent <= 0) return () => {}
  let current = heap.growthPercent
  const observer = new PerformanceObserver((list) => {
    const full = list
      .getEntries()
      .some((entry) => (entry as GcEntry).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)
    if (!full) return
    const next = growthPercentFor(v8.getHeapStatistics().used_heap_size / MIB, heap)
    if (next === current) return
    v8.setFlagsFromString(`--heap-growing-percent=${next}`)
    current = next
  })
  observer.observe({ entryTypes: ['gc'] })
  return () => observer.disconnect()
}
