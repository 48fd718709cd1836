import { describe, expect, it } from 'vitest'

import { othersSeeAChange, shownState } from './shownFields'

const term = (row: Record<string, unknown>) =>
  shownState('glossary-term', {
    _status: 'published',
    slug: 'pick-list',
    term: { ja: 'ピッキングリスト', en: 'Pick list' },
    glossary: 'g1',
    related: ['t2', 't3'],
    summary: '倉庫で集める品目の一覧。',
    ...row,
  })

describe('what other feed items show of a document', () => {
  it('ignores fields no other item shows, and how a relation or an empty locale is spelled', () => {
    expect(othersSeeAChange(term({}), term({ summary: '別の要約' }))).toBe(false)
    expect(othersSeeAChange(term({}), term({ glossary: { id: 'g1', name: '物流' } }))).toBe(false)
    expect(othersSeeAChange(term({}), term({ term: { en: 'Pick list', ja: 'ピッキングリスト', fr: null } }))).toBe(
      false,
    )
  })

  it('sees a new title in any locale, a slug, a glossary or a changed related list', () => {
    expect(othersSeeAChange(term({}), term({ term: { ja: 'ピッキングリスト', en: 'Picking list' } }))).toBe(true)
    expect(othersSeeAChange(term({}), term({ slug: 'picking-list' }))).toBe(true)
    expect(othersSeeAChange(term({}), term({ glossary: 'g2' }))).toBe(true)
    expect(othersSeeAChange(term({}), term({ related: ['t2'] }))).toBe(true)
  })

  it('counts going public or offline, and an unknown state, as a change', () => {
    expect(othersSeeAChange(term({ _status: 'draft' }), term({}))).toBe(true)
    expect(othersSeeAChange(term({}), term({ _status: 'draft' }))).toBe(true)
    expect(othersSeeAChange(undefined, term({}))).toBe(true)
    expect(othersSeeAChange(term({}), undefined)).toBe(true)
  })

  it('treats a stored glossary or tag as public (they have no drafts)', () => {
    const tag = (name: string) => shownState('tag', { slug: 'cold-chain', name, description: 'x' })
    expect(othersSeeAChange(tag('低温物流'), tag('低温物流'))).toBe(false)
    expect(othersSeeAChange(tag('低温物流'), tag('コールドチェーン'))).toBe(true)
  })
})
