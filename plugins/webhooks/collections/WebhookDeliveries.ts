import type { CollectionConfig, CollectionSlug } from 'payload'

import { DELIVERY_STATUSES, WEBHOOK_EVENTS, type SanitizedWebhooksOptions } from '../types'

/**
 * The delivery log, which is also the queue: a save writes a `pending` row in its own transaction, the
 * worker claims it (`delivering`, `claimedBy` / `claimedUntil`), sends it and records the outcome. Every
 * field the claim writes lives on the main table, so the claim is one conditional UPDATE on SQL databases
 * and one findOneAndUpdate on MongoDB.
 */
export const webhookDeliveriesCollection = (options: SanitizedWebhooksOptions): CollectionConfig => ({
  slug: options.slugs.deliveries,
  labels: { singular: { ja: '配信', en: 'Webhook delivery' }, plural: { ja: '配信ログ', en: 'Webhook deliveries' } },
  admin: {
    useAsTitle: 'summary',
    group: 'Storefront',
    defaultColumns: ['summary', 'webhook', 'status', 'attempts', 'lastStatusCode', 'nextAttemptAt', 'createdAt'],
    listSearchableFields: ['summary', 'eventId', 'documentSlug'],
    description: 'Webhook 配信ログ（読み取り専用） / Every event sent or queued for storefronts, with its attempts.',
  },
  access: {
    read: options.access.readDeliveries,
    create: () => false,
    update: () => false,
    delete: () => false,
  },
  defaultSort: '-sequence',
  fields: [
    { name: 'summary', type: 'text', admin: { readOnly: true } },
    {
      name: 'webhook',
      type: 'relationship',
      relationTo: options.slugs.webhooks as CollectionSlug,
      index: true,
      admin: { readOnly: true },
    },
    { name: 'event', type: 'select', options: [...WEBHOOK_EVENTS, 'test'], required: true, admin: { readOnly: true } },
    { name: 'eventId', type: 'text', required: true, unique: true, admin: { readOnly: true } },
    { name: 'collectionSlug', type: 'text', admin: { readOnly: true } },
    { name: 'documentId', type: 'text', admin: { readOnly: true } },
    { name: 'documentSlug', type: 'text', admin: { readOnly: true } },
    { name: 'target', type: 'text', admin: { readOnly: true, description: 'The URL of the last attempt.' } },
    {
      name: 'status',
      type: 'select',
      options: [...DELIVERY_STATUSES],
      defaultValue: 'pending',
      required: true,
      index: true,
      admin: { readOnly: true, position: 'sidebar' },
    },
    { name: 'attempts', type: 'number', defaultValue: 0, admin: { readOnly: true, position: 'sidebar' } },
    {
      name: 'nextAttemptAt',
      type: 'date',
      index: true,
      admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'deliveredAt',
      type: 'date',
      admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'lastStatusCode', type: 'number', admin: { readOnly: true } },
    {
      name: 'lastResponse',
      type: 'textarea',
      admin: { readOnly: true, description: 'The first 500 characters of the last answer.' },
    },
    { name: 'lastError', type: 'text', admin: { readOnly: true } },
    { name: 'lastDurationMs', type: 'number', admin: { readOnly: true } },
    // Queue bookkeeping: order and the claim.
    { name: 'orderKey', type: 'text', index: true, admin: { hidden: true } },
    { name: 'sequence', type: 'number', index: true, admin: { hidden: true } },
    { name: 'claimedBy', type: 'text', admin: { hidden: true } },
    { name: 'claimedUntil', type: 'date', admin: { hidden: true } },
    {
      name: 'body',
      type: 'textarea',
      required: true,
      admin: { readOnly: true, description: 'The exact JSON sent (signed at each attempt).' },
    },
  ],
})
