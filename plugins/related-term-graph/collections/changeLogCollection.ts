import type { CollectionConfig } from 'payload'

/** One change-log document as the plugin writes it (the app's generated types need not know this collection). */
export type ChangeLogEntry = {
  id: string | number
  kind: string
  docId: string
  instance?: string | null
  createdAt: string
}

/**
 * Hidden change log shared by every server instance: one entry per changed term, case study,
 * playbook or tag. Instances poll it to apply each other's changes. Only the Local API touches it.
 */
export const changeLogCollection = (slug: string): CollectionConfig => ({
  slug,
  labels: { singular: 'Term graph change', plural: 'Term graph changes' },
  admin: { hidden: true },
  access: {
    read: () => false,
    create: () => false,
    update: () => false,
    delete: () => false,
  },
  graphQL: false,
  timestamps: true,
  fields: [
    // What changed: terms, case-studies, playbooks, tags or glossaries. (Not `collection`: Mongoose reserves it.)
    { name: 'kind', type: 'text', required: true },
    { name: 'docId', type: 'text', required: true },
    { name: 'instance', type: 'text' },
  ],
})
