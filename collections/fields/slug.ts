import type { FieldHook, TextField } from 'payload'

const URL_SAFE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Lower-case ASCII words joined by hyphens; Japanese-only text yields ''. */
export const slugify = (value: string): string =>
  value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')

/** A short stable suffix for titles with no Latin letters, so every document still gets a URL-safe slug. */
const hashSlug = (value: string): string => {
  let hash = 2166136261
  for (const char of value) {
    hash ^= char.codePointAt(0) ?? 0
    hash = Math.imul(hash, 16777619)
  }
  return (hash >>> 0).toString(36)
}

/** A slug from Latin text, or `<prefix>-<hash>` when the text has none (e.g. Japanese only). */
export const slugOrHash = (text: string, prefix: string): string => slugify(text) || `${prefix}-${hashSlug(text)}`

const fillSlug =
  (sourceFields: string[], prefix: string): FieldHook =>
  ({ value, data, originalDoc }) => {
    if (typeof value === 'string' && value.trim() !== '') return slugify(value)
    if (originalDoc?.slug) return originalDoc.slug
    for (const name of sourceFields) {
      const source = data?.[name] ?? originalDoc?.[name]
      const text = typeof source === 'string' ? source : undefined
      if (!text) continue
      return slugOrHash(text, prefix)
    }
    return value
  }

/**
 * A unique, URL-safe, editable slug. Filled from the first of `sourceFields` that
 * has Latin text when left empty, and kept stable afterwards.
 */
export const slugField = (sourceFields: string[], prefix: string): TextField => ({
  name: 'slug',
  type: 'text',
  unique: true,
  index: true,
  // Not `required` in the schema types: the hook fills it, and `validate` refuses an empty one.
  admin: {
    position: 'sidebar',
    description:
      'URL に使う識別子（半角英数字とハイフン）。空欄なら自動生成。 / URL identifier (a-z, 0-9, hyphens); generated when left empty.',
  },
  hooks: { beforeValidate: [fillSlug(sourceFields, prefix)] },
  validate: (value: null | string | undefined) =>
    typeof value === 'string' && URL_SAFE_SLUG.test(value)
      ? true
      : 'Slug must be lower-case letters, digits and single hyphens (e.g. "utm-code").',
})
