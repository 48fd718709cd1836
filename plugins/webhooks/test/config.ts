import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'

import { collections } from '../../../collections'
import { databaseAdapter } from '../../../src/database/adapter'
import { chooseDatabase } from '../../../src/database/choose'
import { storefrontFeed } from '../../storefront-feed'
import { webhooksPlugin } from '..'
import type { WebhooksPluginConfig } from '../types'

export const STOREFRONT = 'https://shop.lantern.example'

/**
 * The hub's collections with the feed and this plugin, retries shortened to milliseconds and receivers on
 * 127.0.0.1 allowed (the option the hub takes from HUB_WEBHOOKS_ALLOW_PRIVATE=1).
 */
export const webhookTestConfig = (overrides: Partial<WebhooksPluginConfig> = {}) =>
  buildConfig({
    secret: 'webhook-tests-0123456789-0123456789-01234',
    admin: { user: 'users' },
    collections,
    localization: {
      locales: [
        { code: 'ja', label: '日本語' },
        { code: 'en', label: 'English' },
      ],
      defaultLocale: 'ja',
      fallback: true,
    },
    editor: lexicalEditor(),
    db: databaseAdapter(chooseDatabase()),
    telemetry: false,
    plugins: [
      storefrontFeed({ storefront: { baseUrl: STOREFRONT } }),
      webhooksPlugin({
        storefront: { baseUrl: STOREFRONT },
        allowPrivateTargets: true,
        retry: { maxAttempts: 4, baseDelayMs: 150, maxDelayMs: 600 },
        worker: { pollIntervalMs: 50, concurrency: 8 },
        ...overrides,
      }),
    ],
  })
