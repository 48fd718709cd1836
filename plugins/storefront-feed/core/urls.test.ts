import { describe, expect, it } from 'vitest'

import { DEFAULT_URL_TEMPLATES } from './options'
import { fillUrlTemplate, matchUrlTemplate, templatePath } from './urls'

describe('URL templates read both ways', () => {
  it('reads back what a default template was filled with, in both locales', () => {
    for (const locale of ['ja', 'en'] as const) {
      const url = fillUrlTemplate('', DEFAULT_URL_TEMPLATES['glossary-term'], { slug: 'packing-insert', glossary: 'store-ops', locale })
      expect(matchUrlTemplate(DEFAULT_URL_TEMPLATES['glossary-term'], url)).toEqual({ locale, glossary: 'store-ops', slug: 'packing-insert' })
    }
    expect(matchUrlTemplate(DEFAULT_URL_TEMPLATES.playbook, '/en/playbooks/unboxing')).toEqual({ locale: 'en', slug: 'unboxing' })
  })

  it('refuses paths of another type, with extra segments, or in an unknown locale', () => {
    expect(matchUrlTemplate(DEFAULT_URL_TEMPLATES.playbook, '/case-studies/unboxing')).toBeUndefined()
    expect(matchUrlTemplate(DEFAULT_URL_TEMPLATES['glossary-term'], '/glossary/store-ops')).toBeUndefined()
    expect(matchUrlTemplate(DEFAULT_URL_TEMPLATES['glossary-term'], '/glossary/a/b/c')).toBeUndefined()
    expect(matchUrlTemplate(DEFAULT_URL_TEMPLATES.playbook, '/fr/playbooks/unboxing')).toBeUndefined()
    expect(matchUrlTemplate(DEFAULT_URL_TEMPLATES.playbook, '/playbooks/%E0%A4%A')).toBeUndefined()
  })

  it('decodes what filling encoded, so a slug with reserved characters round-trips', () => {
    const template = '/{locale}/kb/{id}-{slug}'
    const url = fillUrlTemplate('', template, { slug: 'a b', id: '42', locale: 'ja' })
    expect(url).toBe('/ja/kb/42-a%20b')
    expect(matchUrlTemplate(template, url)).toEqual({ locale: 'ja', id: '42', slug: 'a b' })
  })

  it('uses only the path of an absolute template', () => {
    const template = 'https://help.example.net/{localePrefix}terms/{slug}'
    expect(templatePath(template)).toBe('/{localePrefix}terms/{slug}')
    expect(templatePath('case/{slug}')).toBe('/case/{slug}')
  })
})
