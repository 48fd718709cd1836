import type { CollectionConfig } from 'payload'

import { contentPreset } from './contentPreset'
import { seedFingerprintField } from './fields/seedFingerprint'
import { slugField } from './fields/slug'

export const Tags: CollectionConfig = {
  slug: 'tags',
  labels: { singular: { ja: 'タグ', en: 'Tag' }, plural: { ja: 'タグ', en: 'Tags' } },
  admin: {
    useAsTitle: 'name',
    group: 'Glossary',
    defaultColumns: ['name', 'slug'],
  },
  ...contentPreset({ drafts: false }),
  fields: [{ name: 'name', type: 'text', required: true }, slugField(['name'], 'tag'), seedFingerprintField()],
}
