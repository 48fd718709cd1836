import { describe, expect, it } from 'vitest'

import { parseGlossaryIndexQuery, parseSearchQuery } from './params'

const errorsOf = (query: string) => {
  const parsed = parseSearchQuery(new URLSearchParams(query))
  return parsed.ok ? [] : parsed.errors.map((error) => error.parameter)
}

describe('search parameters', () => {
  it('fills defaults', () => {
    expect(parseSearchQuery(new URLSearchParams('q=カート'))).toEqual({
      ok: true,
      query: {
        q: 'カート',
        locale: 'ja',
        types: ['glossary-term', 'case-study', 'playbook'],
        glossary: undefined,
        limit: 10,
      },
    })
  })

  it('names the parameter of each bad input', () => {
    expect(errorsOf('')).toEqual(['q'])
    expect(errorsOf('q=')).toEqual(['q'])
    expect(errorsOf('q=%20%20')).toEqual(['q'])
    expect(errorsOf(`q=${'あ'.repeat(1000)}`)).toEqual(['q'])
    expect(errorsOf('q=a&type=glossary-term,recipe')).toEqual(['type'])
    expect(errorsOf('q=a&limit=0')).toEqual(['limit'])
    expect(errorsOf('q=a&limit=51')).toEqual(['limit'])
    expect(errorsOf('q=a&limit=2.5')).toEqual(['limit'])
    expect(errorsOf('q=a&locale=fr')).toEqual(['locale'])
    expect(errorsOf('q=a&glossary=../x')).toEqual(['glossary'])
    expect(errorsOf('q=a&q=b')).toEqual(['q'])
    expect(errorsOf('q=a&page=2')).toEqual(['page'])
  })

  it('accepts a list of types once each', () => {
    const parsed = parseSearchQuery(new URLSearchParams('q=a&type=playbook,playbook,case-study&limit=50&locale=en'))
    expect(parsed.ok && parsed.query).toMatchObject({ types: ['playbook', 'case-study'], limit: 50, locale: 'en' })
  })

  it('checks the index parameters the same way', () => {
    expect(parseGlossaryIndexQuery(new URLSearchParams('glossary=marketing&locale=en'))).toEqual({
      ok: true,
      query: { glossary: 'marketing', locale: 'en' },
    })
    const bad = parseGlossaryIndexQuery(new URLSearchParams('locale=de'))
    expect(bad.ok ? [] : bad.errors.map((error) => error.parameter)).toEqual(['locale'])
  })
})
