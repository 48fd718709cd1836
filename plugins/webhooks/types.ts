import type { Access } from 'payload'

import type { UrlTemplates } from '../storefront-feed/types'

/** What a webhook can subscribe to. `update` is a published document saved again while it stays published. */
export const WEBHOOK_EVENTS = ['publish', 'unpublish', 'delete', 'update'] as const
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]

/** Content a webhook can watch, by the type name storefronts see (the same names the feed uses, plus lookups). */
export const SUBJECT_TYPES = ['glossary-term', 'case-study', 'playbook', 'glossary', 'tag'] as const
export type SubjectType = (typeof SUBJECT_TYPES)[number]

/** Lifecycle of one queued delivery. */
export const DELIVERY_STATUSES = ['pending', 'delivering', 'delivered', 'failed'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]

export type WebhooksPluginConfig = {
  /**
   * Stops the delivery worker, the endpoints and the admin buttons. The collections and hooks stay, so the
   * schema is unchanged and saves keep queueing deliveries, which are sent once the plugin is enabled again.
   * @default false
   */
  disabled?: boolean
  /**
   * Storefront URLs put in each event, from the same templates as the feed (`plugins/storefront-feed/core/urls.ts`).
   * @default { urls: the feed's default templates }
   */
  storefront: {
    /** Absolute origin of the storefront, e.g. `https://shop.example.com`. Required. */
    baseUrl: string
    /** Templates as in `storefrontFeed({ storefront: { urls } })`. @default the feed's defaults */
    urls?: Partial<UrlTemplates>
  }
  /**
   * Collection slug of each content type. @default { 'glossary-term': 'glossary-terms', 'case-study': 'case-studies', playbook: 'playbooks', glossary: 'glossaries', tag: 'tags' }
   */
  collections?: Partial<Record<SubjectType, string>>
  /** Locales named in events (every locale a document may be read in). @default the config's locales, else ['ja', 'en'] */
  locales?: string[]
  /**
   * Lets a webhook target loopback, private, link-local and metadata addresses (tests, local development).
   * @default process.env.HUB_WEBHOOKS_ALLOW_PRIVATE === '1'
   */
  allowPrivateTargets?: boolean
  retry?: {
    /** Attempts before a delivery is marked failed (the first send counts). @default 10 */
    maxAttempts?: number
    /** Delay before the first retry; it doubles per attempt, with jitter. @default 10000 (10 s) */
    baseDelayMs?: number
    /** Longest delay between two attempts. @default 3600000 (1 h) */
    maxDelayMs?: number
  }
  /** A receiver that has not answered within this time counts as failed (retried). @default 5000 */
  timeoutMs?: number
  worker?: {
    /** How often an idle worker looks for due deliveries, in ms (a local save wakes it at once). @default 1000 */
    pollIntervalMs?: number
    /** Deliveries sent at the same time by one instance (never two of one document). @default 8 */
    concurrency?: number
  }
  /** Delivered and failed deliveries older than this are deleted, in days. @default 30 */
  retentionDays?: number
  access?: {
    /** Who manages webhooks (create, read, rotate, test). @default users whose `roles` include 'admin' */
    manage?: Access
    /** Who reads the delivery log. @default any signed-in user */
    readDeliveries?: Access
  }
  /** Slugs of the two collections the plugin adds. @default { webhooks: 'webhooks', deliveries: 'webhook-deliveries' } */
  slugs?: { webhooks?: string; deliveries?: string }
}

/** Options with every default filled in: what the rest of the plugin reads. */
export type SanitizedWebhooksOptions = {
  disabled: boolean
  baseUrl: string
  urls: UrlTemplates
  collections: Record<SubjectType, string>
  locales: string[]
  allowPrivateTargets: boolean
  retry: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number }
  timeoutMs: number
  worker: { pollIntervalMs: number; concurrency: number }
  retentionMs: number
  access: { manage: Access; readDeliveries: Access }
  slugs: { webhooks: string; deliveries: string }
}

/** The JSON body of every delivery: what a storefront receives. */
export type WebhookEventBody = {
  /** Unique per event and webhook: receivers may use it to drop a retried duplicate. */
  id: string
  type: WebhookEvent | 'test'
  occurred_at: string
  document: {
    type: SubjectType
    collection: string
    id: string
    slug: string | null
    /** The slug before this change, when it changed (the old storefront URL must be dropped too). */
    previous_slug?: string
    _status: 'published' | 'draft' | null
    /** The locale the editor saved in. */
    locale: string | null
    /** Every locale the document can be read in. */
    locales: string[]
    /** Storefront URL per locale, from the feed's templates; empty for tags, which have no page. */
    urls: Record<string, string>
    /** The URLs under the previous slug, when it changed. */
    previous_urls?: Record<string, string>
  }
  /** Tags to invalidate: the document's own, its lists', and those of documents that show it. */
  cache_tags: string[]
}
