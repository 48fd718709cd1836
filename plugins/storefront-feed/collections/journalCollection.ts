import type { CollectionConfig } from 'payload'

import type { SanitizedFeedOptions } from '../types'

/**
 * The change journal: one row each time a document's public state changes (publish, edit of a published
 * document, unpublish, delete) or a document it shows changes (a related term, its glossary, a tag).
 * `sequence` orders rows across every server instance; `since` deltas and cache invalidation read it.
 * Written only by the plugin's hooks through the Local API; signed-in staff may read it for debugging.
 */
export const feedChangesCollection = (options: SanitizedFeedOptions): CollectionConfig => ({
  slug: options.changesCollection,
  labels: { singular: 'Feed change', plural: 'Feed changes' },
  admin: {
    hidden: true,
    useAsTitle: 'itemId',
    defaultColumns: ['sequence', 'itemId', 'action', 'at'],
    description: 'Storefront feed change journal (written by the storefront-feed plugin).',
  },
  graphQL: false,
  timestamps: false,
  access: {
    read: ({ req }) => Boolean(req.user),
    create: () => false,
    update: () => false,
    delete: () => false,
  },
  indexes: [{ fields: ['type', 'sequence'] }, { fields: ['itemId', 'sequence'] }],
  fields: [
    { name: 'sequence', type: 'number', required: true, unique: true, index: true },
    { name: 'itemId', type: 'text', required: true, index: true },
    { name: 'type', type: 'text', required: true },
    { name: 'docId', type: 'text', required: true },
    { name: 'slug', type: 'text' },
    {
      name: 'action',
      type: 'select',
      required: true,
      options: [
        { label: 'Upsert', value: 'upsert' },
        { label: 'Delete', value: 'delete' },
      ],
    },
    { name: 'at', type: 'date', required: true, index: true },
  ],
})
