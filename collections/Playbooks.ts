import type { CollectionConfig } from 'payload'

import { contentPreset } from './contentPreset'
import { channelsField } from './fields/channels'
import { requiredInDefaultLocale } from './fields/requiredInDefaultLocale'
import { seedFingerprintField } from './fields/seedFingerprint'
import { slugField, slugify, slugOrHash } from './fields/slug'
import { sourcesField } from './fields/sources'

export const Playbooks: CollectionConfig = {
  slug: 'playbooks',
  labels: { singular: { ja: 'プレイブック', en: 'Playbook' }, plural: { ja: 'プレイブック', en: 'Playbooks' } },
  admin: {
    useAsTitle: 'title',
    group: 'Playbooks',
    defaultColumns: ['title', 'stage', '_status', 'updatedAt'],
    description: '顧客体験の手順書 / Step-by-step customer-experience guides.',
  },
  ...contentPreset({ drafts: true }),
  fields: [
    { name: 'title', type: 'text', required: true, localized: true },
    slugField(['title'], 'playbook'),
    {
      name: 'stage',
      type: 'select',
      defaultValue: 'post-purchase',
      options: [
        { label: '購入前 / Pre-purchase', value: 'pre-purchase' },
        { label: '購入 / Purchase', value: 'purchase' },
        { label: '購入後 / Post-purchase', value: 'post-purchase' },
      ],
      admin: { position: 'sidebar' },
    },
    { name: 'summary', type: 'textarea', localized: true },
    { name: 'intro', type: 'richText', localized: true },
    {
      name: 'steps',
      type: 'array',
      labels: { singular: 'Step', plural: 'Steps' },
      admin: {
        description: '並べ替えで順序を変更できます / Drag to reorder; the order is the order customers meet them.',
      },
      fields: [
        {
          name: 'title',
          type: 'text',
          localized: true,
          // Required in 日本語 only: an English translation may leave a step for later (the feed falls back).
          validate: requiredInDefaultLocale,
          admin: { description: '日本語では必須 / Required in Japanese; translations may be partial.' },
        },
        {
          name: 'key',
          type: 'text',
          admin: {
            description:
              'ケーススタディから参照するキー（空欄なら自動） / Stable key case studies link to (generated when empty).',
          },
          hooks: {
            beforeValidate: [
              ({ value, siblingData }) =>
                typeof value === 'string' && value.trim() !== ''
                  ? slugify(value)
                  : siblingData?.title
                    ? slugOrHash(String(siblingData.title), 'step')
                    : value,
            ],
          },
        },
        { name: 'body', type: 'richText', localized: true },
        channelsField(),
        { name: 'relatedTerms', type: 'relationship', relationTo: 'glossary-terms', hasMany: true },
      ],
    },
    { name: 'closing', type: 'richText', localized: true },
    { name: 'relatedTerms', type: 'relationship', relationTo: 'glossary-terms', hasMany: true },
    sourcesField(),
    seedFingerprintField(),
  ],
}
