import type { CollectionConfig } from 'payload'

import { contentPreset } from './contentPreset'
import { channelsField } from './fields/channels'
import { shortTextsField } from './fields/shortTexts'
import { seedFingerprintField } from './fields/seedFingerprint'
import { slugField } from './fields/slug'
import { sourcesField } from './fields/sources'

export const CaseStudies: CollectionConfig = {
  slug: 'case-studies',
  labels: {
    singular: { ja: 'ケーススタディ', en: 'Case study' },
    plural: { ja: 'ケーススタディ', en: 'Case studies' },
  },
  admin: {
    useAsTitle: 'title',
    group: 'Stories',
    defaultColumns: ['title', 'persona', 'industry', 'channels', '_status', 'updatedAt'],
    listSearchableFields: ['title', 'slug', 'industry'],
    description: '顧客事例 / Customer stories that show the glossary and playbooks at work.',
  },
  ...contentPreset({ drafts: true }),
  fields: [
    { name: 'title', type: 'text', required: true, localized: true },
    slugField(['title'], 'case'),
    {
      name: 'persona',
      type: 'group',
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'name',
              type: 'text',
              required: true,
              admin: { description: '表記どおりの名前（例: 絵里奈） / Name as written.' },
            },
            {
              name: 'romanized',
              type: 'text',
              admin: { description: 'ローマ字（例: Erina） / Romanized name.' },
            },
          ],
        },
      ],
    },
    {
      name: 'industry',
      type: 'text',
      localized: true,
      admin: { description: '業種（例: アパレル D2C） / Industry.' },
    },
    channelsField(),
    { name: 'scenario', type: 'richText', localized: true },
    shortTextsField('tactics', '施策 / What the team did, one short line each.'),
    shortTextsField('outcomes', '成果 / What changed for the customer and the business.'),
    {
      name: 'relatedTerms',
      type: 'relationship',
      relationTo: 'glossary-terms',
      hasMany: true,
    },
    {
      name: 'playbookSteps',
      type: 'array',
      admin: {
        description:
          'この事例が示すプレイブックのステップ（ステップのキー） / Playbook steps this case illustrates, by step key.',
      },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'playbook', type: 'relationship', relationTo: 'playbooks', required: true },
            {
              name: 'stepKey',
              type: 'text',
              required: true,
              admin: { description: 'e.g. order-confirmation' },
            },
          ],
        },
      ],
    },
    sourcesField(),
    seedFingerprintField(),
  ],
}
