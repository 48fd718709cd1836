import type { ArrayField } from 'payload'

/** Where a record came from: the source document and whether its text there was complete. */
export const sourcesField = (): ArrayField => ({
  name: 'sources',
  type: 'array',
  admin: {
    position: 'sidebar',
    description: '取り込み元の文書 / Source documents this record was imported from.',
    initCollapsed: true,
  },
  labels: { singular: 'Source', plural: 'Sources' },
  fields: [
    { name: 'document', type: 'text', required: true },
    {
      name: 'completeness',
      type: 'select',
      defaultValue: 'full',
      required: true,
      options: [
        { label: 'Full text', value: 'full' },
        { label: 'Excerpt only', value: 'excerpt' },
      ],
    },
  ],
})
