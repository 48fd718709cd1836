import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createGlossary, createUser, loginToken, richText } from '../helpers/fixtures'
import { graphql, rest } from '../helpers/http'
import { startPayload } from '../helpers/payload'

/**
 * One table: every public surface × every way a term can be hidden × every locale.
 * Each hidden state carries a marker that must never appear in what an anonymous client gets.
 */

let payload: Payload
let editorToken: string
let syncToken: string | undefined
const ids: Record<string, string> = {}

const HIDDEN = {
  draft: { slug: 'leak-draft', term: 'ドラフト秘密語', marker: 'LEAKDRAFT' },
  draftChange: { slug: 'public-then-edited', term: '公開中の用語', marker: 'LEAKCHANGE' },
  unpublished: { slug: 'leak-unpublished', term: '非公開化秘密語', marker: 'LEAKUNPUB' },
  deleted: { slug: 'leak-deleted', term: '削除済み秘密語', marker: 'LEAKDELETED' },
} as const

const LOCALES = ['ja', 'en'] as const

beforeAll(async () => {
  payload = await startPayload()
  await createUser(payload, 'admin@example.com', ['admin'])
  await createUser(payload, 'editor@example.com', ['editor'])
  editorToken = await loginToken(payload, 'editor@example.com')
  const glossary = await createGlossary(payload)

  // A published term whose text mentions every hidden term, so auto-linking and mention edges are tempted.
  const mentionsAll = Object.values(HIDDEN)
    .map((h) => h.term)
    .join('、')
  const hub = await payload.create({
    collection: 'glossary-terms',
    data: {
      term: '公開ハブ用語',
      slug: 'public-hub',
      summary: `公開ハブ用語は ${mentionsAll} に触れます。`,
      body: richText(`本文では ${mentionsAll} を説明します。`),
      glossary: glossary.id,
      _status: 'published',
    },
  })
  ids.hub = hub.id

  const before = await rest('/api/feed?limit=100')
  syncToken = before.json?._hub?.sync_token

  const make = (key: keyof typeof HIDDEN, status: 'draft' | 'published', extra: Record<string, unknown> = {}) =>
    payload.create({
      collection: 'glossary-terms',
      data: {
        term: HIDDEN[key].term,
        slug: HIDDEN[key].slug,
        englishName: `${HIDDEN[key].marker} english`,
        summary: `${HIDDEN[key].marker} summary`,
        glossary: glossary.id,
        related: [hub.id],
        _status: status,
        ...extra,
      },
    })

  ids.draft = (await make('draft', 'draft')).id

  const edited = await payload.create({
    collection: 'glossary-terms',
    data: { term: HIDDEN.draftChange.term, slug: HIDDEN.draftChange.slug, glossary: glossary.id, _status: 'published' },
  })
  ids.draftChange = edited.id
  for (const locale of LOCALES) {
    await payload.update({
      collection: 'glossary-terms',
      id: edited.id,
      locale,
      draft: true,
      data: { term: `${HIDDEN.draftChange.marker} ${locale}`, summary: `${HIDDEN.draftChange.marker} summary` },
    })
  }

  const unpublished = await make('unpublished', 'published')
  ids.unpublished = unpublished.id
  await payload.update({ collection: 'glossary-terms', id: unpublished.id, data: { _status: 'draft' } })

  const deleted = await make('deleted', 'published')
  ids.deleted = deleted.id
  await payload.delete({ collection: 'glossary-terms', id: deleted.id })

  await payload.create({
    collection: 'case-studies',
    data: {
      title: '公開事例',
      slug: 'public-case',
      persona: { name: '翔平', romanized: 'Shohei' },
      relatedTerms: [hub.id, ids.draft!, ids.unpublished!],
      _status: 'published',
    },
  })
})

afterAll(async () => {
  await payload?.destroy()
})

/** Everything an anonymous client can fetch from one surface, as text. */
const SURFACES: Record<string, (locale: string) => Promise<string>> = {
  'REST list': async (locale) =>
    JSON.stringify((await rest(`/api/glossary-terms?limit=100&depth=2&locale=${locale}&draft=true`)).json),
  'REST by id': async (locale) => {
    const answers = await Promise.all(
      Object.values(ids).map((id) => rest(`/api/glossary-terms/${id}?locale=${locale}&draft=true&depth=2`)),
    )
    return JSON.stringify(answers.map((a) => (a.status === 200 ? a.json : a.status)))
  },
  'REST case studies (populated relations)': async (locale) =>
    JSON.stringify((await rest(`/api/case-studies?depth=2&locale=${locale}`)).json),
  GraphQL: async (locale) =>
    JSON.stringify(
      (
        await graphql(
          `{ GlossaryTerms(limit: 100, draft: true, locale: ${locale}) { docs { slug term englishName summary related { slug term } } }
             CaseStudies(locale: ${locale}) { docs { relatedTerms { slug term summary } } } }`,
        )
      ).json,
    ),
  'GraphQL by id': async (locale) => {
    const answers = await Promise.all(
      Object.values(ids).map(async (id) =>
        JSON.stringify(
          (await graphql(`{ GlossaryTerm(id: "${id}", draft: true, locale: ${locale}) { slug term summary } }`)).json
            .data,
        ),
      ),
    )
    return answers.join('\n')
  },
  'feed (full)': async (locale) => JSON.stringify((await rest(`/api/feed?limit=100&locale=${locale}`)).json),
  'feed (since delta, tombstones)': async (locale) =>
    JSON.stringify(
      (
        await rest(
          `/api/feed?limit=100&locale=${locale}&since=${encodeURIComponent(syncToken ?? '2000-01-01T00:00:00Z')}`,
        )
      ).json,
    ),
  'term graph': async (locale) =>
    JSON.stringify((await rest(`/api/term-graph?root=public-hub&depth=3&limit=200&locale=${locale}`)).json),
  'term graph path': async () => {
    const answers = await Promise.all(
      Object.values(HIDDEN).map((h) => rest(`/api/term-graph/path?from=public-hub&to=${h.slug}`)),
    )
    return JSON.stringify(answers.map((a) => (a.status === 200 ? a.json : a.status)))
  },
  'term graph top': async () => JSON.stringify((await rest('/api/term-graph/top?limit=200')).json),
}

const forbiddenTraces = (key: keyof typeof HIDDEN): string[] => {
  const { marker, slug } = HIDDEN[key]
  // The draft change keeps its published slug; only the unpublished edit must stay hidden. (The hidden
  // terms' labels do appear, as plain words, in the published hub term's text.)
  return key === 'draftChange' ? [marker] : [marker, slug]
}

describe('nothing hidden leaks to anonymous clients', () => {
  const cases = Object.keys(SURFACES).flatMap((surface) =>
    LOCALES.flatMap((locale) =>
      (Object.keys(HIDDEN) as (keyof typeof HIDDEN)[]).map((state) => ({ surface, locale, state })),
    ),
  )

  it.each(cases)('$surface [$locale]: the $state term is invisible', async ({ surface, locale, state }) => {
    const seen = await SURFACES[surface]!(locale)
    for (const trace of forbiddenTraces(state)) expect(seen, `${surface} shows "${trace}"`).not.toContain(trace)
  })

  it('the published hub term itself is visible on the main surfaces (the matrix is not vacuous)', async () => {
    for (const surface of ['REST list', 'GraphQL', 'feed (full)', 'term graph']) {
      expect(await SURFACES[surface]!('ja'), surface).toContain('public-hub')
    }
  })

  it('rendered HTML never links to a hidden term', async () => {
    const feed = await rest('/api/feed?limit=100')
    const html = (feed.json.items ?? []).map((i: { content_html?: string }) => i.content_html ?? '').join('\n')
    expect(html).toContain('本文では')
    // The draft-change term stays published (with its published text), so links to it are right.
    for (const [key, h] of Object.entries(HIDDEN)) {
      if (key !== 'draftChange') expect(html).not.toMatch(new RegExp(`href="[^"]*${h.slug}`))
    }
  })

  it('users and their emails are never readable', async () => {
    expect((await rest('/api/users')).status).toBe(403)
    expect(JSON.stringify((await graphql('{ Users { docs { email } } }')).json)).not.toContain('@example.com')
    const { json } = await graphql('{ User(id: "x") { email } }')
    expect(JSON.stringify(json)).not.toContain('@example.com')
  })

  it('editors cannot grant themselves admin', async () => {
    const me = await rest('/api/users/me', { token: editorToken })
    await rest(`/api/users/${me.json.user.id}`, {
      method: 'PATCH',
      token: editorToken,
      body: { roles: ['admin', 'editor'] },
    })
    expect((await payload.findByID({ collection: 'users', id: me.json.user.id })).roles).toEqual(['editor'])
  })
})
