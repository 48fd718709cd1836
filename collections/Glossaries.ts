import type { CollectionConfig } from 'payload'

import { contentPreset } from './contentPreset'
import { seedFingerprintField } from './fields/seedFingerprint'
import { slugField } from './fields/slug'

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
  ...contentPreset({ drafts: false }),
  fields: [
    { name: 'name', type: 'text', required: true, localized: true },
    slugField(['name'], 'glossary'),
    { name: 'description', type: 'textarea', localized: true },
    seedFingerprintField(),
  ],
}
