import { describe, expect, it } from 'vitest'

import { decideDocumentLocale, documentKey, readChoices } from './documentLocale'

const base = { locales: ['ja', 'en'], defaultLocale: 'ja' }

describe('the locale a document opens in', () => {
  it('is the default when the URL names none and the editor chose nothing for this document', () => {
    expect(decideDocumentLocale({ ...base, key: 'playbooks/7', requested: null, cookie: 'playbooks/8=en' })).toEqual({
      action: 'redirect',
      locale: 'ja',
    })
  })

  it('is the editor’s earlier choice for this document, until they switch it back to the default', () => {
    const chose = decideDocumentLocale({ ...base, key: 'playbooks/7', requested: 'en', cookie: undefined })
    expect(chose).toEqual({ action: 'remember', cookie: 'playbooks/7=en' })
    const cookie = chose.action === 'remember' ? chose.cookie : ''
    expect(decideDocumentLocale({ ...base, key: 'playbooks/7', requested: null, cookie })).toEqual({
      action: 'redirect',
      locale: 'en',
    })
    expect(decideDocumentLocale({ ...base, key: 'playbooks/70', requested: null, cookie })).toEqual({
      action: 'redirect',
      locale: 'ja',
    })
    const back = decideDocumentLocale({ ...base, key: 'playbooks/7', requested: 'ja', cookie })
    expect(back).toEqual({ action: 'remember', cookie: '' })
  })

  it('ignores locales the hub does not have, in the URL or a tampered cookie', () => {
    expect(decideDocumentLocale({ ...base, key: 'tags/1', requested: 'fr', cookie: undefined })).toEqual({
      action: 'none',
    })
    expect(decideDocumentLocale({ ...base, key: 'tags/1', requested: null, cookie: 'tags/1=fr' })).toEqual({
      action: 'redirect',
      locale: 'ja',
    })
  })

  it('remembers the most recent documents only, so the cookie stays small', () => {
    let cookie = ''
    for (let i = 0; i < 50; i += 1) {
      const d = decideDocumentLocale({ ...base, key: `glossary-terms/${i}`, requested: 'en', cookie })
      if (d.action === 'remember') cookie = d.cookie
    }
    const choices = readChoices(cookie)
    expect(choices.size).toBe(30)
    expect(choices.has('glossary-terms/49')).toBe(true)
    expect(choices.has('glossary-terms/0')).toBe(false)
  })

  it('applies to the edit view only: not lists, create screens or version history', () => {
    expect(documentKey('/admin/collections/glossary-terms/12')).toBe('glossary-terms/12')
    expect(documentKey('/admin/collections/glossary-terms/12/')).toBe('glossary-terms/12')
    expect(documentKey('/admin/collections/glossary-terms')).toBeUndefined()
    expect(documentKey('/admin/collections/glossary-terms/create')).toBeUndefined()
    expect(documentKey('/admin/collections/glossary-terms/12/versions')).toBeUndefined()
  })
})
