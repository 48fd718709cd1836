import type { CollectionConfig, Field, TextFieldSingleValidation } from 'payload'

import { checkTargetUrl } from '../core/address'
import { generateSecret } from '../core/signature'
import { systemResolve } from '../server/resolve'
import { WEBHOOK_EVENTS, type SanitizedWebhooksOptions } from '../types'

/** Set on `req.context` by the rotate endpoint so the secret it writes is not replaced by a generated one. */
export const SECRET_SET_BY_PLUGIN = 'webhooksSecretSetByPlugin'

const urlField = (options: SanitizedWebhooksOptions): Field => ({
  name: 'url',
  type: 'text',
  required: true,
  admin: { description: 'Where events are POSTed, e.g. https://shop.example.com/api/revalidate. Public hosts only.' },
  validate: (async (value, { req }) => {
    const check = await checkTargetUrl(value, {
      allowPrivate: options.allowPrivateTargets,
      hubOrigins: [req.payload.config.serverURL],
      resolve: systemResolve,
    })
    return check.ok ? true : check.message
  }) as TextFieldSingleValidation,
})

/** Storefront receivers: where events go, which ones, and the secret that signs them. */
export const webhooksCollection = (options: SanitizedWebhooksOptions, contentSlugs: string[]): CollectionConfig => ({
  slug: options.slugs.webhooks,
  labels: { singular: { ja: 'Webhook', en: 'Webhook' }, plural: { ja: 'Webhook', en: 'Webhooks' } },
  admin: {
    useAsTitle: 'name',
    group: 'Storefront',
    defaultColumns: ['name', 'url', 'events', 'contentTypes', 'enabled'],
    description:
      'ストアフロントへの変更通知 / Signed POSTs to storefronts when content is published, unpublished, updated or deleted.',
  },
  access: {
    read: options.access.manage,
    create: options.access.manage,
    update: options.access.manage,
    delete: options.access.manage,
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    urlField(options),
    {
      name: 'events',
      type: 'select',
      hasMany: true,
      required: true,
      options: WEBHOOK_EVENTS.map((event) => ({ label: event, value: event })),
      defaultValue: ['publish', 'unpublish', 'delete', 'update'],
      admin: { description: '`update` = a published document saved again while it stays published.' },
    },
    {
      name: 'contentTypes',
      type: 'select',
      hasMany: true,
      options: contentSlugs.map((slug) => ({ label: slug, value: slug })),
      admin: { description: 'Empty = every content type.' },
    },
    { name: 'enabled', type: 'checkbox', defaultValue: true, admin: { position: 'sidebar' } },
    {
      // Never readable over REST or GraphQL; shown once by the admin (reveal-secret) or the rotate response.
      name: 'secret',
      type: 'text',
      access: { read: () => false },
      admin: { hidden: true },
      hooks: {
        beforeChange: [
          ({ value, operation, req }) => {
            if (req.context?.[SECRET_SET_BY_PLUGIN]) return value
            if (typeof value === 'string' && value.trim() !== '') return value.trim()
            return operation === 'create' ? generateSecret() : value
          },
        ],
      },
      validate: (value: unknown) =>
        value === undefined ||
        value === null ||
        value === '' ||
        (typeof value === 'string' && value.trim().length >= 16)
          ? true
          : 'secret must be at least 16 characters; leave it empty to have one generated',
    },
    {
      // Whether the admin has shown the current secret once already.
      name: 'secretRevealed',
      type: 'checkbox',
      defaultValue: false,
      access: { read: () => false, create: () => false, update: () => false },
      admin: { hidden: true },
    },
    ...(options.disabled
      ? []
      : [
          {
            name: 'webhookActions',
            type: 'ui' as const,
            admin: {
              position: 'sidebar' as const,
              components: { Field: 'webhooks/client#WebhookActions' },
            },
          },
        ]),
  ],
})
