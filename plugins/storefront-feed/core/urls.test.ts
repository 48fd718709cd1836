import { describe, expect, it } from 'vitest'

import { DEFAULT_URL_TEMPLATES } from './options'
import { fillUrlTemplate, matchUrlTemplate, templatePath } from './urls'

const hub = { locales: ['ja', 'en'], defaultLocale: 'ja' } as const

describe('URL templates read both ways', () => {
  it('reads back what a default template was filled with, in both locales', () => {
    for (const locale of ['ja', 'en'] as const) {
      const url = fillUrlTemplate(
        '',
        DEFAULT_URL_TEMPLATES['glossary-term'],
        { slug: 'packing-insert', glossary: 'store-ops', locale },
        hub.defaultLocale,
      )
      expect(matchUrlTemplate(DEFAULT_URL_TEMPLATES['glossary-term'], url, hub)).toEqual({
        locale,
        glossary: 'store-ops',
        slug: 'packing-insert',
      })
    }
    expect(matchUrlTemplate(DEFAULT_URL_TEMPLATES.playbook, '/en/playbooks/unboxing', hub)).toEqual({
      locale: 'en',
      slug: 'unboxing',
    })
  })

  it('refuses paths of another type, with extra segments, or in an unknown locale', () => {
    expect(matchUrlTemplate(DEFAULT_URL_TEMPLATES.playbook, '/case-studies/unboxing', hub)).toBeUndefined()
    expect(matchUrlTemplate(DEFAULT_URL_TEMPLATES['glossary-term'], '/glossary/store-ops', hub)).toBeUndefined()
    expect(matchUrlTemplate(DEFAULT_URL_TEMPLATES['glossary-term'], '/glossary/a/b/c', hub)).toBeUndefined()
    expect(matchUrlTemplate(DEFAULT_URL_TEMPLATES.playbook, '/fr/playbooks/unboxing', hub)).toBeUndefined()
    expect(matchUrlTemplate(DEFAULT_URL_TEMPLATES.playbook, '/playbooks/%E0%A4%A', hub)).toBeUndefined()
  })

  it('decodes what filling encoded, so a slug with reserved characters round-trips', () => {
    const template = '/{locale}/kb/{id}-{slug}'
    const url = fillUrlTemplate('', template, { slug: 'a b', id: '42', locale: 'ja' }, hub.defaultLocale)
    expect(url).toBe('/ja/kb/42-a%20b')
    expect(matchUrlTemplate(template, url, hub)).toEqual({ locale: 'ja', id: '42', slug: 'a b' })
  })

  it('leaves the prefix off the default locale of the config, whichever it is', () => {
    const englishFirst = { locales: ['en', 'ja'], defaultLocale: 'en' } as const
    const url = fillUrlTemplate(
      '',
      DEFAULT_URL_TEMPLATES.playbook,
      { slug: 'unboxing', locale: 'en' },
      englishFirst.defaultLocale,
    )
    expect(url).toBe('/playbooks/unboxing')
    expect(matchUrlTemplate(DEFAULT_URL_TEMPLATES.playbook, '/ja/playbooks/unboxing', englishFirst)).toEqual({
      locale: 'ja',
      slug: 'unboxing',
    })
    expect(matchUrlTemplate(DEFAULT_URL_TEMPLATES.playbook, '/playbooks/unboxing', englishFirst)).toEqual({
      locale: 'en',
      slug: 'unboxing',
    })
    expect(matchUrlTemplate(DEFAULT_URL_TEMPLATES.playbook, '/en/playbooks/unboxing', englishFirst)).toBeUndefined()
  })

  it('uses only the path of an absolute template', () => {
    const template = 'https://help.example.net/{localePrefix}terms/{slug}'
    expect(templatePath(template)).toBe('/{localePrefix}terms/{slug}')
    expect(templatePath('case/{slug}')).toBe('/case/{slug}')
  })
})
