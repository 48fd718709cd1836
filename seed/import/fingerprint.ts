import { createHash } from 'node:crypto'

import type { FlattenedField } from 'payload'

/**
 * The seed's memory of what it wrote. A record's fingerprint holds two hashes of the seed-managed
 * values: `input` (what the documents asked for) and `stored` (what the database held right after
 * the write, which differs only if a hook rewrote something). On the next run:
 * - current values hash ≠ stored → someone edited the record: leave it (unless --force);
 * - new input hash = input → nothing to do;
 * - otherwise → the documents changed: update.
 */
export interface Fingerprint {
  input: string
  stored: string
}

const PREFIX = 'seed1'
export const PENDING_FINGERPRINT = `${PREFIX}:pending`

export const formatFingerprint = ({ input, stored }: Fingerprint): string => `${PREFIX}:${input}:${stored}`

/** The fingerprint in a record, 'pending' for a write the seed began and did not finish, or null when the seed never wrote it. */
export const readFingerprint = (value: unknown): Fingerprint | 'pending' | null => {
  if (value === PENDING_FINGERPRINT) return 'pending'
  if (typeof value !== 'string') return null
  const match = /^seed1:([0-9a-f]{16}):([0-9a-f]{16})$/.exec(value)
  return match ? { input: match[1] as string, stored: match[2] as string } : null
}

/** JSON with object keys sorted and undefined as null, so equal values always serialise equally. */
export const canonicalJson = (value: unknown): string => {
  if (value === undefined || value === null) return 'null'
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

export const hashOf = (value: unknown): string =>
  createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 16)

const idOf = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object') {
    const record = value as { id?: unknown; value?: unknown }
    return idOf(record.id ?? record.value)
  }
  return String(value)
}

type Doc = Record<string, unknown>

const projectField = (field: FlattenedField, raw: unknown, locale: string | null): unknown => {
  let value = raw
  if (
    locale &&
    'localized' in field &&
    field.localized &&
    value &&
    typeof value === 'object' &&
    !Array.isArray(value)
  ) {
    value = (value as Doc)[locale]
  }
  switch (field.type) {
    case 'array':
      return (Array.isArray(value) ? value : []).map((row) =>
        projectAll(field.flattenedFields, (row ?? {}) as Doc, locale),
      )
    case 'group':
      return projectAll(field.flattenedFields, (value ?? {}) as Doc, locale)
    case 'relationship':
    case 'upload':
      return field.hasMany ? (Array.isArray(value) ? value : []).map(idOf) : idOf(value)
    case 'checkbox':
      return Boolean(value)
    case 'richText':
    case 'json':
      return value ?? null
    default:
      if ('hasMany' in field && field.hasMany) return Array.isArray(value) ? value : []
      return value === '' || value === undefined ? null : value
  }
}

const dataFields = (fields: FlattenedField[]) => fields.filter((field) => 'name' in field && field.name !== 'id')

/** Every data field of a row or group. */
const projectAll = (fields: FlattenedField[], source: Doc, locale: string | null): Doc =>
  Object.fromEntries(dataFields(fields).map((field) => [field.name, projectField(field, source[field.name], locale)]))

/**
 * The seed-managed part of a record in one canonical shape: the fields named in `shape` (the data the
 * seed writes), from `source`, which is either that data (locale null) or a document read with
 * `locale: 'all'` (locale picks the language of localized fields).
 */
export const project = (fields: FlattenedField[], shape: Doc, source: Doc, locale: string | null): Doc => {
  const byName = new Map(dataFields(fields).map((field) => [field.name, field]))
  const projected: Doc = {}
  for (const name of Object.keys(shape)) {
    const field = byName.get(name)
    if (!field) throw new Error(`the seed writes "${name}", which the collection does not have`)
    projected[name] = projectField(field, source[name], locale)
  }
  return projected
}
