import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { sqliteAdapter } from '@payloadcms/db-sqlite'
import {
  buildConfig,
  getPayload,
  handleEndpoints,
  type CollectionConfig,
  type Payload,
  type SanitizedConfig,
} from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { storefrontFeed } from '..'

// Only what the feed reads for one content type, none of the hub's hooks or access rules (as Payload's plugin template's dev config).
const plain = (slug: string, fields: CollectionConfig['fields'], drafts = false): CollectionConfig => ({
  slug,
  fields,
  access: { read: () => true },
  ...(drafts ? { versions: { drafts: true } } : {}),
})

const dir = mkdtempSync(path.join(os.tmpdir(), 'storefront-feed-minimal-'))
let config: SanitizedConfig
let payload: Payload

// The collections are this test's own, so the app's generated types do not know them.
const create = async (collection: string, data: Record<string, unknown>) =>
  (await payload.create({ collection: collection as never, locale: 'en', data: data as never })) as unknown as {
    id: string
  }

beforeAll(async () => {
  config = await buildConfig({
    secret: 'minimal-storefront-feed-0123456789-012345',
    admin: { user: 'users' },
    collections: [
      { slug: 'users', auth: true, fields: [] },
      plain(
        'glossary-terms',
        [
          { name: 'term', type: 'text', required: true, localized: true },
          { name: 'slug', type: 'text', required: true },
          { name: 'summary', type: 'text', localized: true },
          { name: 'glossary', type: 'relationship', relationTo: 'glossaries' },
          // The relations a term's item lists; the journal follows them to the terms that show this one.
          { name: 'related', type: 'relationship', relationTo: 'glossary-terms', hasMany: true },
          { name: 'broader', type: 'relationship', relationTo: 'glossary-terms' },
          { name: 'tags', type: 'relationship', relationTo: 'tags', hasMany: true },
        ],
        true,
      ),
      plain('glossaries', [
        { name: 'name', type: 'text', localized: true },
        { name: 'slug', type: 'text' },
      ]),
      plain('tags', [
        { name: 'name', type: 'text' },
        { name: 'slug', type: 'text' },
      ]),
    ],
    // English first and default: URLs without a prefix, and the `locale` parameter's default, follow the config.
    localization: { locales: ['en', 'ja'], defaultLocale: 'en', fallback: true },
    db: sqliteAdapter({ client: { url: `file:${path.join(dir, 'feed.sqlite')}` } }),
    telemetry: false,
    plugins: [
      storefrontFeed({
        storefront: { baseUrl: 'https://shop.example.com' },
        contentTypes: ['glossary-term'],
        preview: { disabled: true },
      }),
    ],
  })
  payload = await getPayload({ config, key: 'storefront-feed-minimal' })
})

afterAll(async () => {
  await payload?.destroy()
  rmSync(dir, { recursive: true, force: true })
})

const feed = async (search = '') => {
  const response = await handleEndpoints({ config, request: new Request(`http://localhost:3000/api/feed${search}`) })
  return {
    status: response.status,
    json: (await response.json()) as {
      items: { id: string; url: string; title: string }[]
      _hub: { sync_token: string }
    },
  }
}

describe('the storefront feed in a config with only the collections it reads', () => {
  it('serves published terms only, in the default locale of the config, and tells a later sync only what changed', async () => {
    const glossary = await create('glossaries', { name: 'Checkout', slug: 'checkout' })
    const published = await create('glossary-terms', {
      term: 'Order bump',
      slug: 'order-bump',
      glossary: glossary.id,
      _status: 'published',
    })
    await create('glossary-terms', { term: 'Secret', slug: 'secret', _status: 'draft' })

    const { status, json } = await feed()
    expect(status).toBe(200)
    expect(json.items).toEqual([
      expect.objectContaining({
        id: `glossary-term:${published.id}`,
        title: 'Order bump',
        url: 'https://shop.example.com/glossary/checkout/order-bump',
      }),
    ])
    const japanese = await feed('?locale=ja')
    expect(japanese.json.items[0]?.url).toBe('https://shop.example.com/ja/glossary/checkout/order-bump')
    expect((await feed('?locale=fr')).status).toBe(400)

    const later = await create('glossary-terms', {
      term: 'Cross-sell',
      slug: 'cross-sell',
      glossary: glossary.id,
      _status: 'published',
    })
    const delta = await feed(`?since=${json._hub.sync_token}`)
    expect(delta.json.items.map((item) => item.id)).toEqual([`glossary-term:${later.id}`])
  })
})
