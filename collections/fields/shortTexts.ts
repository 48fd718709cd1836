import type { ArrayField } from 'payload'

/** An ordered list of short localized sentences (tactics, outcomes). */
export const shortTextsField = (name: string, description: string): ArrayField => ({
  name,
  type: 'array',
  localized: true,
  admin: { description },
  fields: [{ name: 'text', type: 'textarea', required: true }],
})
