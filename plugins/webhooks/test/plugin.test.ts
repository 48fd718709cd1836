/** What the plugin adds to a config, enabled and disabled (no Payload started). */
import type { CollectionConfig, Config, Payload } from 'payload'
import { describe, expect, it, vi } from 'vitest'

import { webhooksPlugin } from '../index'

const existingHook = vi.fn()
const collection = (slug: string): CollectionConfig => ({
  slug,
  fields: [{ name: 'title', type: 'text' }],
  hooks: { afterChange: [existingHook], afterRead: [existingHook] },
})
const baseConfig = (): Config => ({
  secret: 'x',
  admin: { user: 'users' },
  db: {} as Config['db'],
  collections: ['glossary-terms', 'case-studies', 'playbooks', 'tags', 'glossaries', 'users'].map(collection),
  endpoints: [{ path: '/existing', method: 'get', handler: () => Response.json({}) }],
})
const bySlug = (config: Config, slug: string) => config.collections?.find((c) => c.slug === slug) as CollectionConfig
const storefront = { baseUrl: 'https://shop.lantern.example' }

describe('plugin config', () => {
  it('appends its hooks to the content collections, adds two collections and keeps everything else', async () => {
    const onInit = vi.fn()
    const config = await webhooksPlugin({ storefront })({ ...baseConfig(), onInit })
    for (const slug of ['glossary-terms', 'case-studies', 'playbooks', 'tags', 'glossaries']) {
      const hooks = bySlug(config, slug).hooks!
      expect(hooks.afterChange).toHaveLength(2)
      expect(hooks.afterChange?.[0]).toBe(existingHook)
      expect(hooks.afterRead?.[0]).toBe(existingHook)
      expect(hooks.afterDelete).toHaveLength(1)
    }
    expect(bySlug(config, 'users').hooks?.afterChange).toEqual([existingHook])
    expect(config.collections?.map((c) => c.slug).slice(-2)).toEqual(['webhooks', 'webhook-deliveries'])
    expect(bySlug(config, 'webhooks').endpoints).toHaveLength(3)
    expect(config.endpoints?.map((e) => e.path)).toEqual(['/existing'])
    const secret = bySlug(config, 'webhooks').fields.find((f) => 'name' in f && f.name === 'secret') as any
    expect(secret.access.read()).toBe(false)
    expect(secret.admin.hidden).toBe(true)
    const previous = process.env.NEXT_PHASE
    process.env.NEXT_PHASE = 'phase-production-build'
    try {
      await config.onInit?.({} as Payload)
    } finally {
      process.env.NEXT_PHASE = previous
    }
    expect(onInit).toHaveBeenCalledTimes(1)
  })

  it('when disabled keeps the schema (collections, fields, hooks) and adds no endpoints, buttons or worker', async () => {
    const enabled = await webhooksPlugin({ storefront })(baseConfig())
    const disabled = await webhooksPlugin({ storefront, disabled: true })(baseConfig())
    const stored = (config: Config, slug: string) =>
      bySlug(config, slug)
        .fields.filter((f) => f.type !== 'ui')
        .map((f) => ('name' in f ? f.name : ''))
    expect(stored(disabled, 'webhooks')).toEqual(stored(enabled, 'webhooks'))
    expect(stored(disabled, 'webhook-deliveries')).toEqual(stored(enabled, 'webhook-deliveries'))
    expect(bySlug(disabled, 'webhooks').endpoints ?? []).toHaveLength(0)
    expect(bySlug(disabled, 'webhooks').fields.some((f) => f.type === 'ui')).toBe(false)
    expect(bySlug(disabled, 'glossary-terms').hooks?.afterChange).toHaveLength(2)
    expect(disabled.onInit).toBeUndefined()
  })

  it('fails fast on options that cannot work, naming the fix', () => {
    expect(() => webhooksPlugin({ storefront: { baseUrl: 'shop' } })(baseConfig())).toThrow(
      /storefront.baseUrl must be an absolute http/,
    )
    expect(() => webhooksPlugin({ storefront, retry: { baseDelayMs: 5000, maxDelayMs: 10 } })(baseConfig())).toThrow(
      /exceeds retry.maxDelayMs/,
    )
    expect(() => webhooksPlugin({ storefront, retry: { maxAttempts: 0 } })(baseConfig())).toThrow(
      /maxAttempts must be an integer ≥ 1/,
    )
  })
})
