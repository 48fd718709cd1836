import { describe, expect, it } from 'vitest'

import { allocatorEnv } from './cluster'

describe('the workers’ allocator settings', () => {
  it('gives workers two glibc arenas and fixed mmap/trim thresholds by default', () => {
    expect(allocatorEnv({} as never)).toEqual({
      MALLOC_ARENA_MAX: '2',
      MALLOC_MMAP_THRESHOLD_: '262144',
      MALLOC_TRIM_THRESHOLD_: '1048576',
    })
  })

  it("keeps the operator's own values", () => {
    expect(allocatorEnv({ MALLOC_ARENA_MAX: '8', MALLOC_TRIM_THRESHOLD_: '0' } as never)).toMatchObject({
      MALLOC_ARENA_MAX: '8',
      MALLOC_TRIM_THRESHOLD_: '0',
    })
  })
})
