import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createGlossary, createUser, loginToken } from './helpers/fixtures'
import { graphql, rest } from './helpers/http'
import { startPayload } from './helpers/payload'

let payload: Payload
let editorToken: string
let adminToken: string
let glossaryId: string

beforeAll(async () => {
  payload = await startPayload()
  await createUser(payload, 'admin@example.com', ['admin'])
  await createUser(payload, 'editor@example.com', ['editor'])
  adminToken = await loginToken(payload, 'admin@example.com')
  editorToken = await loginToken(payload, 'editor@example.com')
  glossaryId = (await createGlossary(payload)).id
})
afterAll(async () => {
  await payload?.destroy()
})

const createTerm = (term: string, slug: string, status: 'draft' | 'published') =>
  payload.create({ collection: 'glossary-terms', data: { term, slug, glossary: glossaryId, _status: status } })

describe('anonymous storefront readers', () => {
  it('see published terms and never drafts over REST', async () => {
    await createTerm('公開済み', 'visible-term', 'published')
    await createTerm('下書き', 'draft-term', 'draft')

    const list = await rest('/api/glossary-terms?limit=100')
    expect(list.status).toBe(200)
    const slugs = list.json.docs.map((d: { slug: string }) => d.slug)
    expect(slugs).toContain('visible-term')
    expect(slugs).not.toContain('draft-term')

    const draft = await payload.find({
      collection: 'glossary-terms',
      where: { slug: { equals: 'draft-term' } },
      draft: true,
    })
    const byId = await rest(`/api/glossary-terms/${draft.docs[0]!.id}`)
    expect(byId.status).toBe(404)
    const asDraft = await rest(`/api/glossary-terms?draft=true&where[slug][equals]=draft-term`)
    expect(asDraft.json.docs).toHaveLength(0)
  })

  it('see the published text, not a newer draft change to it', async () => {
    const term = await createTerm('公開版', 'edited-term', 'published')
    await payload.update({
      collection: 'glossary-terms',
      id: term.id,
      data: { term: '未公開の変更' },
      draft: true,
    })
    const anonymous = await rest(`/api/glossary-terms/${term.id}?draft=true`)
    expect(anonymous.json.term).toBe('公開版')
    const editor = await rest(`/api/glossary-terms/${term.id}?draft=true`, { token: editorToken })
    expect(editor.json.term).toBe('未公開の変更')
  })

  it('see only published documents over GraphQL', async () => {
    await createTerm('GraphQL 公開', 'gql-visible', 'published')
    await createTerm('GraphQL 下書き', 'gql-draft', 'draft')
    const { json } = await graphql('{ GlossaryTerms(limit: 100) { docs { slug } } }')
    const slugs = json.data.GlossaryTerms.docs.map((d: { slug: string }) => d.slug)
    expect(slugs).toContain('gql-visible')
    expect(slugs).not.toContain('gql-draft')

    const drafts = await graphql('{ GlossaryTerms(draft: true, limit: 100) { docs { slug } } }')
    expect(drafts.json.data.GlossaryTerms.docs.map((d: { slug: string }) => d.slug)).not.toContain('gql-draft')
  })

  it('see only published case studies and playbooks', async () => {
    await payload.create({
      collection: 'case-studies',
      data: { title: '公開事例', slug: 'public-case', persona: { name: '翔平' }, _status: 'published' },
    })
    await payload.create({
      collection: 'case-studies',
      data: { title: '下書き事例', slug: 'draft-case', persona: { name: '良子' }, _status: 'draft' },
    })
    await payload.create({
      collection: 'playbooks',
      data: { title: '下書き', slug: 'draft-playbook', _status: 'draft' },
    })
    const cases = await rest('/api/case-studies')
    expect(cases.json.docs.map((d: { slug: string }) => d.slug)).toEqual(['public-case'])
    const playbooks = await rest('/api/playbooks')
    expect(playbooks.json.docs).toHaveLength(0)
  })

  it('cannot read users or their emails, over REST or GraphQL', async () => {
    const list = await rest('/api/users')
    expect(list.status).toBe(403)
    const { json } = await graphql('{ Users { docs { email } } }')
    expect(JSON.stringify(json)).not.toContain('@example.com')
  })

  it('cannot write content', async () => {
    const created = await rest('/api/tags', { method: 'POST', body: { name: 'spam' } })
    expect(created.status).toBe(403)
    expect((await payload.find({ collection: 'tags', where: { name: { equals: 'spam' } } })).totalDocs).toBe(0)
  })
})

describe('editors', () => {
  it('read drafts and write content over REST', async () => {
    await createTerm('編集者用の下書き', 'editor-draft', 'draft')
    const list = await rest('/api/glossary-terms?draft=true&limit=100', { token: editorToken })
    expect(list.json.docs.map((d: { slug: string }) => d.slug)).toContain('editor-draft')

    const created = await rest('/api/glossary-terms', {
      method: 'POST',
      token: editorToken,
      body: { term: 'エディタ作成', slug: 'made-by-editor', glossary: glossaryId, _status: 'published' },
    })
    expect(created.status).toBe(201)
    expect((await rest('/api/glossary-terms?where[slug][equals]=made-by-editor')).json.docs).toHaveLength(1)
  })

  it('read drafts over GraphQL', async () => {
    await createTerm('GQL 編集者', 'gql-editor-draft', 'draft')
    const { json } = await graphql('{ GlossaryTerms(draft: true, limit: 100) { docs { slug } } }', editorToken)
    expect(json.data.GlossaryTerms.docs.map((d: { slug: string }) => d.slug)).toContain('gql-editor-draft')
  })

  it('cannot grant themselves admin or manage other users', async () => {
    const me = await rest('/api/users/me', { token: editorToken })
    const id = me.json.user.id
    await rest(`/api/users/${id}`, { method: 'PATCH', token: editorToken, body: { roles: ['admin'] } })
    const after = await payload.findByID({ collection: 'users', id })
    expect(after.roles).toEqual(['editor'])

    const others = await rest('/api/users?limit=100', { token: editorToken })
    expect(others.json.docs.map((u: { email: string }) => u.email)).toEqual(['editor@example.com'])
    const created = await rest('/api/users', {
      method: 'POST',
      token: editorToken,
      body: { email: 'x@example.com', password: 'correct-horse-battery-staple' },
    })
    expect(created.status).toBe(403)
  })

  it('admins manage users and roles', async () => {
    const created = await rest('/api/users', {
      method: 'POST',
      token: adminToken,
      body: { email: 'new-admin@example.com', password: 'correct-horse-battery-staple', roles: ['admin'] },
    })
    expect(created.status).toBe(201)
    expect(created.json.doc.roles).toEqual(['admin'])
  })
})
