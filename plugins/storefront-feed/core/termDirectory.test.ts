import { describe, expect, it } from 'vitest'

import { TermDirectory, type TermRef } from './termDirectory'

const ref = (slug: string, related: string[] = []): TermRef => ({ slug, term: { ja: slug }, glossary: 'g1', related })

describe('TermDirectory', () => {
  it('answers who lists a term as related, from every listing term', () => {
    const directory = new TermDirectory()
    directory.set('kiln', ref('kiln', ['glaze']))
    directory.set('slip', ref('slip', ['glaze', 'kiln']))
    directory.set('glaze', ref('glaze'))
    expect(directory.listedBy('glaze').sort()).toEqual(['kiln', 'slip'])
    expect(directory.listedBy('kiln')).toEqual(['slip'])
    expect(directory.listedBy('slip')).toEqual([])
    expect(directory.get('slip')?.slug).toBe('slip')
  })

  it('keeps the reverse index true when a term changes its related list', () => {
    const directory = new TermDirectory()
    directory.set('kiln', ref('kiln', ['glaze']))
    directory.set('kiln', ref('kiln', ['slip']))
    expect(directory.listedBy('glaze')).toEqual([])
    expect(directory.listedBy('slip')).toEqual(['kiln'])
  })

  it('forgets an unpublished or deleted term, as a target and as a lister', () => {
    const directory = new TermDirectory()
    directory.set('kiln', ref('kiln', ['glaze']))
    directory.set('glaze', ref('glaze', ['kiln']))
    directory.set('kiln', undefined)
    expect(directory.get('kiln')).toBeUndefined()
    expect(directory.listedBy('glaze')).toEqual([])
    expect(directory.size).toBe(1)
  })

  it('lists a term once however often a lister names it, and survives any order of edits', () => {
    const directory = new TermDirectory()
    directory.set('kiln', ref('kiln', ['glaze', 'glaze']))
    expect(directory.listedBy('glaze')).toEqual(['kiln'])
    directory.set('glaze', ref('glaze'))
    directory.set('kiln', ref('kiln', []))
    directory.set('slip', ref('slip', ['glaze']))
    expect(directory.listedBy('glaze')).toEqual(['slip'])
    expect(directory.get('kiln')?.related).toEqual([])
  })
})
