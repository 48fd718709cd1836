import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ensureBuild, type RunningHub, startHub } from '../e2e/hub'

/**
 * The published-read cache of `npm start`, against the real production server: two instances on one
 * SQLite database (the second with two workers). Every anonymous read below is warmed until the cache
 * answers it (x-hub-cache: HIT) before content changes, so the assertions are about cached answers.
 */

const PASSWORD = 'a-long-enough-password-for-tests'
const POLL_MS = 1_000 // the feed journal's default poll interval
const LOCALES = ['ja', 'en'] as const

let first: RunningHub
let second: RunningHub
let editorToken: string
let editorCookie: string
const ids: Record<string, string> = {}

type Answer = { status: number; text: string; cache: string | null; etag: string | null }

const call = async (base: string, pathname: string, init: RequestInit = {}): Promise<Answer> => {
  const response = await fetch(`${base}${pathname}`, init)
  return {
    status: response.status,
    text: await response.text(),
    cache: response.headers.get('x-hub-cache'),
    etag: response.headers.get('etag'),
  }
}
const asEditor = (base: string, pathname: string, method = 'GET', body?: unknown) =>
  call(base, pathname, {
    method,
    headers: { authorization: `JWT ${editorToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
const edit = async (pathname: string, method: string, body?: unknown) => {
  const answer = await asEditor(first.url, pathname, method, body)
  if (answer.status >= 300) throw new Error(`${method} ${pathname} answered ${answer.status}: ${answer.text}`)
  return JSON.parse(answer.text) as { doc: { id: string } }
}

/** One anonymous read surface, in a locale. */
type Surface = { name: string; read: (base: string, slug: string, locale: string) => Promise<Answer> }
const graphql = (base: string, query: string) =>
  call(base, '/api/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  })
const SURFACES: Surface[] = [
  {
    name: 'REST list at depth 1',
    read: (base, _slug, locale) => call(base, `/api/glossary-terms?limit=100&depth=1&locale=${locale}`),
  },
  {
    name: 'REST term page by slug',
    read: (base, slug, locale) =>
      call(base, `/api/glossary-terms?where[slug][equals]=${slug}&depth=2&locale=${locale}`),
  },
  { name: 'REST by id', read: (base, slug, locale) => call(base, `/api/glossary-terms/${ids[slug]}?locale=${locale}`) },
  {
    name: 'GraphQL list',
    read: (base, _slug, locale) =>
      graphql(
        base,
        `{ GlossaryTerms(limit: 100, locale: ${locale}) { docs { slug summary glossary { name } tags { name } } } }`,
      ),
  },
  { name: 'feed', read: (base, _slug, locale) => call(base, `/api/feed?limit=100&locale=${locale}`) },
]

/** Reads until the cache answers (at most a few polls), so what follows is about a cached answer. */
const warm = async (read: () => Promise<Answer>): Promise<Answer> => {
  const deadline = Date.now() + 4 * POLL_MS
  for (;;) {
    const answer = await read()
    if (answer.cache === 'HIT' || Date.now() > deadline) return answer
    await new Promise((r) => setTimeout(r, 100))
  }
}

/**
 * Reads until `ok` holds for four answers in a row (so every worker of a two-worker instance has
 * answered) or the deadline passes; returns the first failing answer, or the last one, and when.
 */
const until = async (read: () => Promise<Answer>, ok: (answer: Answer) => boolean, withinMs: number) => {
  const started = Date.now()
  let inARow = 0
  for (;;) {
    const answer = await read()
    inARow = ok(answer) ? inARow + 1 : 0
    if (inARow >= 4 || Date.now() - started > withinMs) return { answer, afterMs: Date.now() - started }
    await new Promise((r) => setTimeout(r, 25))
  }
}

const term = (slug: string, marker: string, status: 'draft' | 'published') => ({
  term: `${marker} 用語`,
  slug,
  summary: `${marker} の要約`,
  glossary: ids.glossary,
  tags: [ids.tag],
  _status: status,
})

beforeAll(async () => {
  ensureBuild()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-reads-'))
  first = await startHub(dataDir)
  second = await startHub(dataDir, { HUB_WORKERS: '2' })

  const register = await fetch(`${first.url}/api/users/first-register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'owner@hub.test', password: PASSWORD, name: 'Owner' }),
  })
  const ownerToken = ((await register.json()) as { token: string }).token
  await fetch(`${first.url}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `JWT ${ownerToken}` },
    body: JSON.stringify({ email: 'editor@hub.test', password: PASSWORD, roles: ['editor'], name: 'Editor' }),
  })
  const login = await fetch(`${first.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'editor@hub.test', password: PASSWORD }),
  })
  editorToken = ((await login.json()) as { token: string }).token
  editorCookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
  expect(editorToken).toBeTruthy()

  ids.glossary = (await edit('/api/glossaries', 'POST', { name: 'ザクロ用語集', slug: 'pomegranate' })).doc.id
  ids.tag = (await edit('/api/tags', 'POST', { name: 'Quince', slug: 'quince' })).doc.id
  for (const [slug, marker, status] of [
    ['kumquat', 'KUMQUATSTAYS', 'published'],
    ['loquat', 'LOQUATUNPUB', 'published'],
    ['medlar', 'MEDLARDELETED', 'published'],
    ['sloe', 'SLOEDRAFT', 'draft'],
  ] as const) {
    ids[slug] = (await edit('/api/glossary-terms?locale=ja', 'POST', term(slug, marker, status))).doc.id
    await edit(`/api/glossary-terms/${ids[slug]}?locale=en`, 'PATCH', {
      term: `${marker} term`,
      summary: `${marker} summary`,
      _status: status,
    })
  }
}, 900_000)

afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()])
})

describe('the published-read cache of npm start', () => {
  it('answers a repeated anonymous read from the cache, with a strong ETag and 304', async () => {
    const pathname = '/api/glossary-terms?where[slug][equals]=kumquat&depth=1'
    const miss = await call(first.url, pathname)
    const hit = await warm(() => call(first.url, pathname))
    expect(hit.cache).toBe('HIT')
    expect(hit.text).toBe(miss.text)
    expect(hit.etag).toMatch(/^"[^"]+"$/)
    const notModified = await call(first.url, pathname, { headers: { 'if-none-match': hit.etag! } })
    expect(notModified.status).toBe(304)
    expect(notModified.text).toBe('')
    // The same read with its parameters in another order is the same answer.
    expect((await call(first.url, '/api/glossary-terms?depth=1&where[slug][equals]=kumquat')).etag).toBe(hit.etag)
  })

  it("answers a miss without Next's router with the bytes and headers Next's route sends", async () => {
    // `draft=false` is never shared, so it goes through Next's router to the same Payload route.
    const origin = { origin: 'http://localhost:3000' }
    for (const [pathname, status] of [
      ['/api/glossary-terms?where[slug][equals]=kumquat&depth=2&locale=en&cold=1', 200],
      ['/api/tags?limit=5&sort=-name&cold=1', 200],
      ['/api/glossary-terms?where[noSuchField][equals]=1&cold=1', 400],
    ] as const) {
      const direct = await fetch(`${first.url}${pathname}`, { headers: origin })
      const throughNext = await fetch(`${first.url}${pathname}&draft=false`, { headers: origin })
      expect([direct.status, direct.headers.get('x-hub-cache')], pathname).toEqual([status, 'MISS'])
      expect(throughNext.headers.get('x-hub-cache')).toBe('BYPASS')
      expect(await direct.text(), pathname).toBe(await throughNext.text())
      // Next's router adds its own Vary (RSC headers) and the admin's Accept-CH; Payload's headers are these.
      for (const name of [
        'content-type',
        'cache-control',
        'cache-tag',
        'access-control-allow-origin',
        'access-control-allow-methods',
      ])
        expect(direct.headers.get(name), `${pathname} ${name}`).toBe(throughNext.headers.get(name))
    }
  })

  it('never shows a draft, nor a draft change to a published term, on any cached surface or locale', async () => {
    for (const surface of SURFACES) {
      for (const locale of LOCALES) {
        const before = await warm(() => surface.read(first.url, 'kumquat', locale))
        expect(before.cache, `${surface.name} ${locale}`).toBe('HIT')
        expect(before.text).toContain('KUMQUATSTAYS')
        expect(before.text).not.toContain('SLOEDRAFT')
      }
    }
    for (const locale of LOCALES) {
      await edit(`/api/glossary-terms/${ids.kumquat}?draft=true&locale=${locale}`, 'PATCH', {
        summary: `KUMQUATDRAFTCHANGE ${locale}`,
      })
    }
    // The editor sees the draft change, so it really was saved.
    expect((await asEditor(first.url, `/api/glossary-terms/${ids.kumquat}?draft=true`)).text).toContain(
      'KUMQUATDRAFTCHANGE',
    )
    await new Promise((r) => setTimeout(r, 2 * POLL_MS))
    for (const base of [first.url, second.url]) {
      for (const surface of SURFACES) {
        for (const locale of LOCALES) {
          const after = await surface.read(base, 'kumquat', locale)
          expect(after.text, `${surface.name} ${locale}`).toContain('KUMQUATSTAYS')
          expect(after.text).not.toContain('KUMQUATDRAFTCHANGE')
          expect(after.text).not.toContain('SLOEDRAFT')
        }
      }
    }
  })

  it.each([
    [
      'unpublished',
      'loquat',
      'LOQUATUNPUB',
      () => edit(`/api/glossary-terms/${ids.loquat}`, 'PATCH', { _status: 'draft' }),
    ],
    ['deleted', 'medlar', 'MEDLARDELETED', () => edit(`/api/glossary-terms/${ids.medlar}`, 'DELETE')],
  ])(
    'drops a cached term the moment it is %s, and the other instance within its poll',
    async (_state, slug, marker, change) => {
      for (const base of [first.url, second.url]) {
        for (const surface of SURFACES) {
          for (const locale of LOCALES) {
            const before = await warm(() => surface.read(base, slug, locale))
            expect(before.text, `${surface.name} ${locale}`).toContain(marker)
          }
        }
      }
      await change()
      // The instance that made the change: at once.
      for (const surface of SURFACES) {
        for (const locale of LOCALES) {
          const after = await surface.read(first.url, slug, locale)
          expect(after.text, `${surface.name} ${locale}`).not.toContain(marker)
          expect(after.text).not.toContain('SLOEDRAFT')
        }
      }
      // The other instance (two workers, each its own cache): within one poll, with room for a busy machine.
      for (const surface of SURFACES) {
        for (const locale of LOCALES) {
          const { answer, afterMs } = await until(
            () => surface.read(second.url, slug, locale),
            (a) => !a.text.includes(marker),
            POLL_MS + 2_000,
          )
          expect(answer.text, `${surface.name} ${locale} after ${afterMs} ms`).not.toContain(marker)
        }
      }
    },
  )

  it('shows a renamed tag at once in the cached terms that embed it', async () => {
    const read = () => call(first.url, '/api/glossary-terms?where[slug][equals]=kumquat&depth=1')
    expect((await warm(read)).text).toContain('Quince')
    await edit(`/api/tags/${ids.tag}`, 'PATCH', { name: 'Medlar-coloured quince' })
    expect((await read()).text).toContain('Medlar-coloured quince')
    const elsewhere = await until(
      () => call(second.url, '/api/glossary-terms?where[slug][equals]=kumquat&depth=1'),
      (a) => a.text.includes('Medlar-coloured'),
      POLL_MS + 2_000,
    )
    expect(elsewhere.answer.text).toContain('Medlar-coloured quince')
  })

  it('never gives a signed-in editor the cached anonymous answer, nor an anonymous reader the editor’s', async () => {
    const list = '/api/glossary-terms?limit=100&depth=0'
    const anonymous = await warm(() => call(first.url, list))
    expect(anonymous.cache).toBe('HIT')
    expect(anonymous.text).not.toContain('SLOEDRAFT')
    for (const headers of [{ authorization: `JWT ${editorToken}` }, { cookie: editorCookie }] as Record<
      string,
      string
    >[]) {
      const editor = await call(first.url, list, { headers })
      expect(editor.cache).toBe('BYPASS')
      // Staff read drafts too: the answer is theirs, not the anonymous one.
      expect(editor.text).toContain('SLOEDRAFT')
    }
    const afterEditor = await call(first.url, list)
    expect(afterEditor.cache).toBe('HIT')
    expect(afterEditor.text).not.toContain('SLOEDRAFT')
    // Draft reads are never served from, nor stored in, the cache.
    const draftRead = await call(first.url, `/api/glossary-terms/${ids.sloe}?draft=true`)
    expect(draftRead.cache).toBe('BYPASS')
    expect(draftRead.text).not.toContain('SLOEDRAFT')
  })

  it('serves a term published on one instance from the other within its poll interval', async () => {
    const list = () => call(second.url, '/api/glossary-terms?limit=100&depth=0&locale=ja')
    expect((await warm(list)).text).not.toContain('YUZUPUBLISHED')
    await edit('/api/glossary-terms?locale=ja', 'POST', term('yuzu', 'YUZUPUBLISHED', 'published'))
    const { answer, afterMs } = await until(list, (a) => a.text.includes('YUZUPUBLISHED'), POLL_MS + 2_000)
    expect(answer.text, `seen after ${afterMs} ms`).toContain('YUZUPUBLISHED')
  })

  it('does not share GraphQL mutations or answers with errors', async () => {
    const login = `mutation { loginUser(email: "editor@hub.test", password: "${PASSWORD}") { token } }`
    const firstLogin = await graphql(first.url, login)
    const secondLogin = await graphql(first.url, login)
    expect(secondLogin.cache).not.toBe('HIT')
    expect(JSON.parse(firstLogin.text).data.loginUser.token).toBeTruthy()
    const broken = '{ GlossaryTerms(limit: 5) { docs { noSuchField } } }'
    await graphql(first.url, broken)
    expect((await graphql(first.url, broken)).cache).not.toBe('HIT')
  })
})
