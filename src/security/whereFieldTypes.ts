import type { CollectionBeforeOperationHook, FlattenedField, Payload, SanitizedCollectionConfig } from 'payload'

import { ParameterError } from './readerBudget'

/**
 * Why this exists: the SQL adapter turns some well-formed `where` conditions into broken SQL (500) or
 * silently wrong answers, depending on the type of the field they name. Measured on SQLite (3.90.2):
 * a date compared with a value that is not a date binds `undefined`; `all` is not implemented (its
 * operator map has a TODO); a path into rich text becomes a JSON path the query cannot join; and a
 * hasMany text/number/select field behind a relationship joins the *root* table's values table
 * (a 500 across collections, the document's own values within one). So each condition is checked by
 * the type of the field its path reaches, from the sanitised field configs, and refused with a 400
 * naming it. Runs first among the read rules, for every reader and every API.
 */

const QUERY_OPERATIONS = new Set(['read', 'count', 'readDistinct', 'update', 'delete'])
const ID_OPERATORS = new Set(['equals', 'not_equals', 'in', 'not_in'])
const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])

type Leaf =
  | { kind: 'id'; collection: SanitizedCollectionConfig }
  | { kind: 'date' | 'hasManyValues' | 'other'; field: FlattenedField }
  | { kind: 'insideRichText'; field: FlattenedField }
  | { kind: 'unchecked' }

type Walk = { leaf: Leaf; crossedRelationship: boolean }

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const childFields = (field: FlattenedField): FlattenedField[] | null => {
  if (field.type === 'blocks')
    return field.blocks.flatMap((block) => (typeof block === 'string' ? [] : block.flattenedFields))
  if ('flattenedFields' in field) return field.flattenedFields
  return null
}

const isHasManyValues = (field: FlattenedField) =>
  (field.type === 'text' || field.type === 'number' || field.type === 'select') && field.hasMany === true

/** The field a `where` path reaches, following relationships into their collections. */
const walkPath = (
  payload: Payload,
  root: SanitizedCollectionConfig,
  path: string,
  localeCodes: readonly string[],
): Walk => {
  const segments = path.replace(/__/g, '.').split('.')
  let collection = root
  let fields = root.flattenedFields
  let crossedRelationship = false
  for (let i = 0; i < segments.length; i += 1) {
    const name = segments[i]!
    const last = i === segments.length - 1
    if (name === 'id' && last && fields === collection.flattenedFields) {
      return { leaf: { kind: 'id', collection }, crossedRelationship }
    }
    const field = fields.find((candidate) => candidate.name === name)
    if (!field) return { leaf: { kind: 'unchecked' }, crossedRelationship } // Payload answers unknown paths 400 itself
    if (field.localized && localeCodes.includes(segments[i + 1] ?? '')) i += 1
    const atEnd = i === segments.length - 1
    if (field.type === 'richText')
      return { leaf: { kind: atEnd ? 'other' : 'insideRichText', field }, crossedRelationship }
    if (field.type === 'relationship' || field.type === 'upload') {
      const target = typeof field.relationTo === 'string' ? payload.collections[field.relationTo]?.config : undefined
      if (!target) return { leaf: { kind: 'unchecked' }, crossedRelationship } // polymorphic: Payload's own rules
      if (atEnd) return { leaf: { kind: 'id', collection: target }, crossedRelationship }
      collection = target
      fields = target.flattenedFields
      crossedRelationship = true
      continue
    }
    if (atEnd) {
      const kind = field.type === 'date' ? 'date' : isHasManyValues(field) ? 'hasManyValues' : 'other'
      return { leaf: { kind, field }, crossedRelationship }
    }
    const children = field.type === 'json' ? null : childFields(field)
    if (!children) return { leaf: { kind: 'unchecked' }, crossedRelationship }
    fields = children
  }
  return { leaf: { kind: 'unchecked' }, crossedRelationship }
}

const valuesOf = (operator: string, value: unknown): unknown[] => {
  if (!LIST_OPERATORS.has(operator)) return [value]
  if (Array.isArray(value)) return value
  if (isPlainObject(value)) return Object.values(value)
  return typeof value === 'string' ? value.split(',') : [value]
}

const isDateValue = (value: unknown) =>
  value === null ||
  value === 'null' ||
  value instanceof Date ||
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && !Number.isNaN(new Date(value).getTime()))

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const OBJECT_ID = /^[0-9a-f]{24}$/i
const WHOLE_NUMBER = /^\d+$/

/** The shape of `collection`'s ids on this database, as a test and a phrase for the message. */
const idShapeOf = (
  payload: Payload,
  collection: SanitizedCollectionConfig,
): { test: (id: string) => boolean; phrase: string } | null => {
  const db = payload.db as unknown as { idType?: string; packageName?: string }
  const custom = (collection as { customIDType?: string }).customIDType
  if (custom === 'number') return { test: (id) => WHOLE_NUMBER.test(id), phrase: 'a whole number' }
  if (custom) return null
  if (db.idType === 'uuid' || db.idType === 'uuidv7') return { test: (id) => UUID.test(id), phrase: 'a UUID' }
  if (db.idType === 'serial' || db.idType === 'number')
    return { test: (id) => WHOLE_NUMBER.test(id), phrase: 'a whole number' }
  if (db.packageName === '@payloadcms/db-mongodb')
    return { test: (id) => OBJECT_ID.test(id), phrase: 'a 24-character hex ObjectId' }
  return null
}

const isSqlAdapter = (payload: Payload) => 'drizzle' in (payload.db as object)

const checkCondition = (payload: Payload, walk: Walk, parameter: string, operator: string, value: unknown): void => {
  const at = `${parameter}[${operator}]`
  const { leaf } = walk
  if (leaf.kind === 'insideRichText') {
    throw new ParameterError(
      parameter,
      `goes inside rich text '${leaf.field.name}', which cannot be queried by path; use where[${leaf.field.name}][like]=<words>`,
    )
  }
  if (operator === 'exists') {
    if (!['true', 'false', true, false].includes(value as string)) throw new ParameterError(at, 'must be true or false')
    return
  }
  if (operator === 'all' && isSqlAdapter(payload)) {
    throw new ParameterError(at, `is not supported on this database; use [in] to match any of the values`)
  }
  if (leaf.kind === 'hasManyValues' && walk.crossedRelationship && isSqlAdapter(payload)) {
    throw new ParameterError(
      parameter,
      `reaches the list field '${leaf.field.name}' through a relationship, which this database cannot filter; query that collection by '${leaf.field.name}' and filter here with [in] and its ids`,
    )
  }
  if (leaf.kind === 'date') {
    const bad = valuesOf(operator, value).find((item) => !isDateValue(item))
    if (bad !== undefined)
      throw new ParameterError(
        at,
        `must be a date (e.g. 2026-01-31 or 2026-01-31T09:00:00Z); '${String(bad).slice(0, 40)}' is not one`,
      )
  }
  if (leaf.kind === 'id' && ID_OPERATORS.has(operator)) {
    const shape = idShapeOf(payload, leaf.collection)
    if (!shape) return
    // 'null' is how a client asks for "no related document"; as an id it matches nothing, harmlessly.
    const bad = valuesOf(operator, value).find((item) => item !== null && item !== 'null' && !shape.test(String(item)))
    if (bad !== undefined)
      throw new ParameterError(
        at,
        `must be ${leaf.collection.slug} ids (${shape.phrase}); '${String(bad).slice(0, 40)}' is not one`,
      )
  }
}

/** Throws a ParameterError for the first condition of `where` its field's type cannot take. */
export const assertWhereFitsFieldTypes = (
  payload: Payload,
  collection: SanitizedCollectionConfig,
  where: unknown,
  parameter = 'where',
): void => {
  if (!isPlainObject(where)) return
  const localeCodes = payload.config.localization ? payload.config.localization.localeCodes : []
  for (const [key, condition] of Object.entries(where)) {
    const junction = key.toLowerCase()
    if (junction === 'and' || junction === 'or') {
      const list = Array.isArray(condition) ? condition : isPlainObject(condition) ? Object.values(condition) : []
      list.forEach((item, index) =>
        assertWhereFitsFieldTypes(payload, collection, item, `${parameter}[${key}][${index}]`),
      )
      continue
    }
    if (!isPlainObject(condition)) continue
    const walk = walkPath(payload, collection, key, localeCodes)
    for (const [operator, value] of Object.entries(condition))
      checkCondition(payload, walk, `${parameter}[${key}]`, operator, value)
  }
}

/** beforeOperation: `assertWhereFitsFieldTypes` on every query a collection operation runs. */
export const refuseWhereOfWrongType: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (!QUERY_OPERATIONS.has(operation)) return args
  const where = (args as { where?: unknown }).where
  if (where) assertWhereFitsFieldTypes(req.payload, args.collection.config as SanitizedCollectionConfig, where)
  return args
}
