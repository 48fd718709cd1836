import type { CollectionConfig } from 'payload'

import { contentPreset } from './contentPreset'
import { seedFingerprintField } from './fields/seedFingerprint'
import { slugField } from './fields/slug'
import { sourcesField } from './fields/sources'

// Server-rendered titles: the list shows glossary and tag names without a client fetch per cell.
const RELATION_NAMES_CELL = '/collections/components/RelationNamesCell#RelationNamesCell'

export const GlossaryTerms: CollectionConfig = {
  slug: 'glossary-terms',
  labels: { singular: { ja: '用語', en: 'Glossary term' }, plural: { ja: '用語', en: 'Glossary terms' } },
  admin: {
    useAsTitle: 'term',
    group: 'Glossary',
    defaultColumns: ['term', 'reading', 'englishName', 'glossary', 'tags', 'excerpt', '_status', 'updatedAt'],
    listSearchableFields: ['term', 'englishName', 'aliases', 'slug'],
    description: 'マーケティング・EC 用語 / Marketing and e-commerce glossary terms.',
    components: { beforeListTable: ['/collections/components/ExcerptFilter#ExcerptFilter'] },
  },
  ...contentPreset({ drafts: true }),
  // A term another document embeds (related, broader, a case study's terms) carries what a link needs, not
  // its body: a 50-term list at depth 1 reads ~150 embedded terms. `populate[glossary-terms][body]=true` asks for more.
  defaultPopulate: { term: true, slug: true, englishName: true, reading: true, summary: true, glossary: true },
  fields: [
    {
      name: 'term',
      type: 'text',
      required: true,
      localized: true,
      admin: { description: '見出し語（例: UTMコード） / The headword as readers write it.' },
    },
    slugField(['englishName', 'term'], 'term'),
    {
      name: 'englishName',
      type: 'text',
      admin: { description: '英語名（例: UTM Code） / English name.' },
    },
    {
      name: 'reading',
      type: 'text',
      admin: { description: '読み（ひらがな・カタカナ） / Reading, if the term is written in kanji.' },
    },
    {
      name: 'aliases',
      type: 'text',
      hasMany: true,
      admin: {
        description: '別表記・略称（例: UTMパラメータ、UTM Code） / Other labels readers use: abbreviations, variants.',
      },
    },
    {
      name: 'summary',
      type: 'textarea',
      localized: true,
      admin: { description: '1〜2 文の定義 / A one- or two-sentence definition.' },
    },
    { name: 'body', type: 'richText', localized: true },
    {
      name: 'glossary',
      type: 'relationship',
      relationTo: 'glossaries',
      required: true,
      index: true,
      admin: { position: 'sidebar', components: { Cell: RELATION_NAMES_CELL } },
    },
    {
      name: 'tags',
      type: 'relationship',
      relationTo: 'tags',
      hasMany: true,
      admin: { position: 'sidebar', components: { Cell: RELATION_NAMES_CELL } },
    },
    {
      name: 'related',
      type: 'relationship',
      relationTo: 'glossary-terms',
      hasMany: true,
      admin: { description: '関連用語（双方向に表示） / Related terms (shown from both sides).' },
    },
    {
      name: 'broader',
      type: 'relationship',
      relationTo: 'glossary-terms',
      admin: { description: '上位概念 / The broader term this one narrows.' },
    },
    {
      name: 'excerpt',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      admin: {
        position: 'sidebar',
        description: '抜粋のみ：本文を書き足してください / Only an excerpt was imported: the text needs finishing.',
        components: { Cell: '/collections/components/ExcerptCell#ExcerptCell' },
      },
    },
    sourcesField(),
    seedFingerprintField(),
  ],
}
