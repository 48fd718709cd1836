import type { CollectionConfig } from 'payload'

import { staffOnly } from '../src/access/roles'
import { slugField } from './fields/slug'
import { seedFingerprintField } from '../seed/fields'

export const Tags: CollectionConfig = {
  slug: 'tags',
  labels: { singular: { ja: 'タグ', en: 'Tag' }, plural: { ja: 'タグ', en: 'Tags' } },
  admin: {
    useAsTitle: 'name',
    group: 'Glossary',
    defaultColumns: ['name', 'slug'],
  },
  access: {
    read: () => true,
    create: staffOnly,
    update: staffOnly,
    delete: staffOnly,
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    slugField(['name'], 'tag'),
    seedFingerprintField(),
  ],
}
