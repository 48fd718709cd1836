import type { CollectionConfig } from 'payload'

import { staffOnly } from '../src/access/roles'
import { slugField } from './fields/slug'
import { seedFingerprintField } from '../seed/fields'

/** A named glossary (e.g. ソーシャルメディア用語集) that groups terms. Always public: it carries no drafts. */
export const Glossaries: CollectionConfig = {
  slug: 'glossaries',
  labels: { singular: { ja: '用語集', en: 'Glossary' }, plural: { ja: '用語集', en: 'Glossaries' } },
  admin: {
    useAsTitle: 'name',
    group: 'Glossary',
    defaultColumns: ['name', 'slug', 'updatedAt'],
    description: '用語が属する用語集 / The glossaries terms belong to.',
  },
  access: {
    read: () => true,
    create: staffOnly,
    update: staffOnly,
    delete: staffOnly,
  },
  fields: [
    { name: 'name', type: 'text', required: true, localized: true },
    slugField(['name'], 'glossary'),
    { name: 'description', type: 'textarea', localized: true },
    seedFingerprintField(),
  ],
}

