/** The webhooks API through the installed hub's config (private targets not allowed, as in production). */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createUser, loginToken } from '../../../test/helpers/fixtures'
import { graphql, rest } from '../../../test/helpers/http'
import { startPayload } from '../../../test/helpers/payload'

let payload: Payload
let admin: string
let editor: string

beforeAll(async () => {
  delete process.env.HUB_WEBHOOKS_ALLOW_PRIVATE
  payload = await startPayload()
  await createUser(payload, 'hooks-admin@lantern.example', ['admin'])
  await createUser(payload, 'hooks-editor@lantern.example', ['editor'])
  admin = await loginToken(payload, 'hooks-admin@lantern.example')
  editor = await loginToken(payload, 'hooks-editor@lantern.example')
})

afterAll(async () => {
  await payload?.destroy()
})

const create = (body: Record<string, unknown>, token = admin) => rest('/api/webhooks', { method: 'POST', token, body })

const fieldErrors = (json: any): Record<string, string> =>
  Object.fromEntries(
    (json?.errors ?? []).flatMap((error: any) => error.data?.errors ?? []).map((e: any) => [e.path, e.message]),
  )

describe('saving a webhook', () => {
  it('refuses the cloud metadata address, loopback and private networks with a field error naming the fix', async () => {
    for (const url of [
      'http://169.254.169.254/',
      'http://169.254.169.254/latest/meta-data/iam',
      'http://127.0.0.1:8080/hook',
      'http://[::ffff:10.0.0.8]/hook',
      'http://localhost:3001/',
      'http://0x7f000001/',
    ]) {
      const response = await create({ name: 'Sneaky', url, events: ['publish'] })
      expect(response.status, url).toBe(400)
      expect(fieldErrors(response.json).url, url).toContain('HUB_WEBHOOKS_ALLOW_PRIVATE')
    }
    expect((await rest('/api/webhooks?limit=100', { token: admin })).json.totalDocs).toBe(0)
  })

  it('answers a bad scheme, an unknown event or missing fields with 400 field errors, never a 500', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'Ftp', url: 'ftp://shop.lantern.example/hook', events: ['publish'] }, 'url'],
      [{ name: 'Script', url: 'javascript:alert(1)', events: ['publish'] }, 'url'],
      [{ name: 'Relative', url: '/api/revalidate', events: ['publish'] }, 'url'],
      [{ name: 'Archive', url: 'https://93.184.215.14/hook', events: ['publish', 'archive'] }, 'events'],
      [
        { name: 'Type', url: 'https://93.184.215.14/hook', events: ['publish'], contentTypes: ['users'] },
        'contentTypes',
      ],
      [{ name: 'Short', url: 'https://93.184.215.14/hook', events: ['publish'], secret: 'short' }, 'secret'],
      [{ url: 'https://93.184.215.14/hook', events: ['publish'] }, 'name'],
    ]
    for (const [body, field] of cases) {
      const response = await create(body)
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(fieldErrors(response.json)[field], JSON.stringify(body)).toBeTruthy()
    }
  })

  it('generates a secret that REST and GraphQL never return, shown once by reveal-secret and again only after a rotation', async () => {
    const created = await create({
      name: 'Storefront',
      url: 'https://93.184.215.14/api/revalidate',
      events: ['publish', 'delete'],
    })
    expect(created.status).toBe(201)
    const id = created.json.doc.id
    expect(created.json.doc).not.toHaveProperty('secret')
    expect((await rest(`/api/webhooks/${id}`, { token: admin })).json).not.toHaveProperty('secret')
    expect(JSON.stringify((await rest('/api/webhooks?limit=10', { token: admin })).json)).not.toContain('whsec_')
    const gql = await graphql('{ Webhooks { docs { id name secret } } }', admin)
    expect(JSON.stringify(gql.json)).not.toContain('whsec_')

    const shown = await rest(`/api/webhooks/${id}/reveal-secret`, { method: 'POST', token: admin })
    expect(shown.status).toBe(200)
    expect(shown.json.secret).toMatch(/^whsec_/)
    const again = await rest(`/api/webhooks/${id}/reveal-secret`, { method: 'POST', token: admin })
    expect(again.status).toBe(409)
    expect(again.json.errors[0].message).toContain('rotate')

    const rotated = await rest(`/api/webhooks/${id}/rotate-secret`, { method: 'POST', token: admin })
    expect(rotated.status).toBe(200)
    expect(rotated.json.secret).toMatch(/^whsec_/)
    expect(rotated.json.secret).not.toBe(shown.json.secret)
    const stored = await payload.find({ collection: 'webhooks', where: { id: { equals: id } }, overrideAccess: true })
    expect((stored.docs[0] as any).secret).toBe(rotated.json.secret)
    expect((await rest(`/api/webhooks/${id}/reveal-secret`, { method: 'POST', token: admin })).status).toBe(409)

    // An edit that does not mention the secret keeps it.
    await rest(`/api/webhooks/${id}`, { method: 'PATCH', token: admin, body: { name: 'Storefront (renamed)' } })
    const after = await payload.find({ collection: 'webhooks', where: { id: { equals: id } }, overrideAccess: true })
    expect((after.docs[0] as any).secret).toBe(rotated.json.secret)
  })

  it('only admins manage webhooks; staff read the delivery log; nobody writes it over the API', async () => {
    const created = await create({ name: 'Admin only', url: 'https://93.184.215.14/hook', events: ['publish'] })
    const id = created.json.doc.id
    expect((await rest('/api/webhooks', { token: editor })).status).toBe(403)
    expect((await create({ name: 'Editor', url: 'https://93.184.215.14/x', events: ['publish'] }, editor)).status).toBe(
      403,
    )
    expect((await rest(`/api/webhooks/${id}/rotate-secret`, { method: 'POST', token: editor })).status).toBe(403)
    expect((await rest(`/api/webhooks/${id}/test`, { method: 'POST' })).status).toBe(403)
    expect((await rest('/api/webhooks/no-such-id/reveal-secret', { method: 'POST', token: admin })).status).toBe(404)
    expect((await rest('/api/webhook-deliveries', { token: editor })).status).toBe(200)
    expect((await rest('/api/webhook-deliveries')).status).toBe(403)
    expect(
      (
        await rest('/api/webhook-deliveries', {
          method: 'POST',
          token: admin,
          body: { event: 'publish', eventId: 'x', body: '{}' },
        })
      ).status,
    ).toBe(403)
  })
})

describe('Cache-Tag headers', () => {
  it('REST responses carry the tags of every document they contain, lists their list tag even when empty', async () => {
    const glossary = await payload.create({ collection: 'glossaries', data: { name: '包装', slug: 'wrapping' } })
    const tag = await payload.create({ collection: 'tags', data: { name: 'Paper', slug: 'paper' } })
    await payload.create({
      collection: 'glossary-terms',
      data: { term: '和紙', slug: 'washi', glossary: glossary.id, tags: [tag.id], _status: 'published' } as never,
    })
    const list = await rest('/api/glossary-terms?depth=1&limit=10')
    expect(list.headers.get('cache-tag')?.split(',')).toEqual(
      expect.arrayContaining(['glossary-terms', 'glossary-term:washi', 'glossary:wrapping', 'tag:paper']),
    )
    const empty = await rest('/api/case-studies?limit=10')
    expect(empty.json.docs).toHaveLength(0)
    expect(empty.headers.get('cache-tag')).toBe('case-studies')
  })

  it('feed items carry _hub.cache_tags and the page a Cache-Tag header with the same tags', async () => {
    const glossary = await payload.create({ collection: 'glossaries', data: { name: '贈答', slug: 'gifting' } })
    await payload.create({
      collection: 'glossary-terms',
      data: { term: '熨斗', slug: 'noshi', glossary: glossary.id, _status: 'published' } as never,
    })
    const feed = await rest('/api/feed?type=glossary-term&limit=50')
    const item = feed.json.items.find((entry: any) => entry._hub.slug === 'noshi')
    expect(item._hub.cache_tags).toEqual(['glossary-term:noshi', 'glossary-terms', 'glossary:gifting'])
    const header = feed.headers.get('cache-tag')!.split(',')
    for (const tag of item._hub.cache_tags) expect(header).toContain(tag)
  })
})
