import type { FlattenedField } from 'payload'

/**
 * Why this exists: Payload checks field values only on publish (drafts skip validation), and not the
 * shape a database needs (a relationship id that exists, a list that is a list, a date that parses, rich
 * text a serialiser can walk). The database then refused the write half-way (SQLite has no transaction
 * by default), leaving a document with no version, or stored a value every later read choked on.
 * This is the check that runs before any write: pure, no Payload, no I/O.
 */

/** What one write may carry; more is refused with a 400 naming the field. */
export const WRITE_LIMITS = {
  /** Rows of an array or blocks field, items of a hasMany text/number/select/relationship field. */
  maxRows: 200,
  /** Nesting of rich text nodes below `root` (the editor produces fewer than 10). */
  maxRichTextDepth: 50,
  /** Nodes in one rich text value. */
  maxRichTextNodes: 20_000,
  /** Dates from year 1 to year 9999: what every adapter stores and every client parses. */
  minTime: -62_135_596_800_000,
  maxTime: Date.UTC(9999, 11, 31, 23, 59, 59, 999),
} as const

export type FieldProblem = { path: string; message: string; fieldType: FlattenedField['type'] }

/** A relationship value the database will need to find: checked for existence by the caller. */
export type RelationRef = { path: string; collection: string; id: number | string }

export type WriteShape = { problems: FieldProblem[]; relations: RelationRef[] }

type Options = {
  /** Locale codes of the config; with `allLocales`, localized values arrive as `{ [locale]: value }`. */
  localeCodes: readonly string[]
  allLocales?: boolean
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)

const isId = (value: unknown): value is number | string =>
  (typeof value === 'string' && value.trim() !== '') || (typeof value === 'number' && Number.isSafeInteger(value))

/** A time every adapter can store and read back (`toISOString` throws outside ±275,760 years; we keep to 1–9999). */
export const isStorableDate = (value: unknown): boolean => {
  const time = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : Number.NaN
  return Number.isFinite(time) && time >= WRITE_LIMITS.minTime && time <= WRITE_LIMITS.maxTime
}

/** Problems of one rich text value, walked without recursion so a 3,000-deep value cannot overflow the stack. */
export const richTextProblem = (value: unknown): string | null => {
  if (!isPlainObject(value) || !isPlainObject(value.root)) return 'must be rich text: an object with a `root` node'
  const stack: { node: unknown; depth: number }[] = [{ node: value.root, depth: 0 }]
  let count = 0
  while (stack.length) {
    const { node, depth } = stack.pop()!
    count += 1
    if (count > WRITE_LIMITS.maxRichTextNodes) return `has more than ${WRITE_LIMITS.maxRichTextNodes} nodes`
    if (depth > WRITE_LIMITS.maxRichTextDepth) return `is nested deeper than ${WRITE_LIMITS.maxRichTextDepth} levels`
    if (!isPlainObject(node) || typeof node.type !== 'string')
      return 'has a node that is not an object with a string `type`'
    if (node.type === 'text' && typeof node.text !== 'string') return 'has a text node without a string `text`'
    if (node.children === undefined) continue
    if (!Array.isArray(node.children)) return 'has a node whose `children` is not a list'
    for (const child of node.children) stack.push({ node: child, depth: depth + 1 })
  }
  return null
}

const tooMany = (value: unknown[]): string | null =>
  value.length > WRITE_LIMITS.maxRows ? `has ${value.length} items; at most ${WRITE_LIMITS.maxRows} are allowed` : null

const optionValues = (field: Extract<FlattenedField, { type: 'radio' | 'select' }>): Set<string> =>
  new Set(field.options.map((option) => (typeof option === 'string' ? option : option.value)))

/** Relationship targets a value names, or the reason it names none properly. */
const relationItem = (
  field: Extract<FlattenedField, { type: 'relationship' | 'upload' }>,
  item: unknown,
): { collection: string; id: number | string } | string => {
  if (Array.isArray(field.relationTo)) {
    if (
      !isPlainObject(item) ||
      typeof item.relationTo !== 'string' ||
      !(field.relationTo as string[]).includes(item.relationTo)
    ) {
      return `must be { relationTo: ${field.relationTo.map((slug) => `'${slug}'`).join(' | ')}, value: id }`
    }
    const value = isPlainObject(item.value) ? item.value.id : item.value
    return isId(value) ? { collection: item.relationTo as string, id: value } : 'must name a document id in `value`'
  }
  // A populated document (what a read returned) is accepted by its id.
  const id = isPlainObject(item) ? item.id : item
  return isId(id) ? { collection: String(field.relationTo), id } : `must be a ${field.relationTo} id`
}

const checkValue = (field: FlattenedField, value: unknown, path: string, options: Options, shape: WriteShape): void => {
  const problem = (message: string): void => {
    shape.problems.push({ path, message, fieldType: field.type })
  }
  if (value === null || value === undefined) return
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code': {
      if ('hasMany' in field && field.hasMany) {
        if (!Array.isArray(value)) return problem('must be a list of strings')
        const many = tooMany(value)
        if (many) return problem(many)
        const bad = value.findIndex((item) => typeof item !== 'string')
        if (bad >= 0) return problem(`item ${bad} must be a string`)
        return
      }
      if (typeof value !== 'string') problem('must be a string')
      return
    }
    case 'number': {
      const isNumber = (item: unknown) => typeof item === 'number' && Number.isFinite(item)
      if (field.hasMany) {
        if (!Array.isArray(value)) return problem('must be a list of numbers')
        const many = tooMany(value)
        if (many) return problem(many)
        const bad = value.findIndex((item) => !isNumber(item))
        if (bad >= 0) return problem(`item ${bad} must be a finite number`)
        return
      }
      if (!isNumber(value)) problem('must be a finite number')
      return
    }
    case 'checkbox':
      if (typeof value !== 'boolean') problem('must be true or false')
      return
    case 'date':
      if (!isStorableDate(value))
        problem('must be a date (ISO 8601, e.g. "2026-01-31T09:00:00.000Z") between the years 1 and 9999')
      return
    case 'select':
    case 'radio': {
      const allowed = optionValues(field)
      const list = 'hasMany' in field && field.hasMany
      if (list && !Array.isArray(value)) return problem(`must be a list of: ${[...allowed].join(', ')}`)
      const items = list ? (value as unknown[]) : [value]
      const many = tooMany(items)
      if (many) return problem(many)
      const bad = items.find((item) => typeof item !== 'string' || !allowed.has(item))
      if (bad !== undefined) problem(`must be one of: ${[...allowed].join(', ')}`)
      return
    }
    case 'relationship':
    case 'upload': {
      const list = field.hasMany === true
      if (list && !Array.isArray(value)) return problem('must be a list of document ids')
      if (!list && Array.isArray(value)) return problem('must be one document id, not a list')
      const items = list ? (value as unknown[]) : [value]
      const many = tooMany(items)
      if (many) return problem(many)
      for (const [index, item] of items.entries()) {
        const itemPath = list ? `${path}.${index}` : path
        const target = relationItem(field, item)
        if (typeof target === 'string') {
          shape.problems.push({ path: itemPath, message: target, fieldType: field.type })
          return
        }
        shape.relations.push({ path: itemPath, ...target })
      }
      return
    }
    case 'richText': {
      const rich = richTextProblem(value)
      if (rich) problem(rich)
      return
    }
    case 'group':
    case 'tab':
      if (!isPlainObject(value)) return problem('must be an object')
      checkFields(field.flattenedFields, value, `${path}.`, options, shape)
      return
    case 'array':
    case 'blocks': {
      // Payload's admin form sends a list with no rows as its row count, 0; Payload stores it as no rows.
      if (value === 0) return
      if (!Array.isArray(value)) return problem('must be a list of rows')
      const many = tooMany(value)
      if (many) return problem(many)
      for (const [index, row] of value.entries()) {
        const rowPath = `${path}.${index}`
        if (!isPlainObject(row)) {
          shape.problems.push({ path: rowPath, message: 'must be an object', fieldType: field.type })
          return
        }
        if (row.id !== undefined && row.id !== null && !isId(row.id)) {
          shape.problems.push({ path: `${rowPath}.id`, message: 'must be a string', fieldType: 'text' })
          return
        }
        if (field.type === 'array') {
          checkFields(field.flattenedFields, row, `${rowPath}.`, options, shape)
          continue
        }
        const block = field.blocks.find(
          (candidate) => typeof candidate !== 'string' && candidate.slug === row.blockType,
        )
        if (!block || typeof block === 'string') {
          shape.problems.push({
            path: `${rowPath}.blockType`,
            message: 'names no block of this field',
            fieldType: 'blocks',
          })
          return
        }
        checkFields(block.flattenedFields, row, `${rowPath}.`, options, shape)
      }
      return
    }
    default:
      // json, point, join: Payload checks or ignores these itself.
      return
  }
}

const checkFields = (
  fields: FlattenedField[],
  data: Record<string, unknown>,
  prefix: string,
  options: Options,
  shape: WriteShape,
) => {
  for (const field of fields) {
    if (!('name' in field) || !(field.name in data)) continue
    const value = data[field.name]
    const path = `${prefix}${field.name}`
    if (
      field.localized &&
      options.allLocales &&
      isPlainObject(value) &&
      field.type !== 'group' &&
      field.type !== 'tab'
    ) {
      for (const [locale, localized] of Object.entries(value)) {
        if (!options.localeCodes.includes(locale)) {
          shape.problems.push({
            path: `${path}.${locale}`,
            message: 'is not a locale of this hub',
            fieldType: field.type,
          })
          continue
        }
        checkValue(field, localized, `${path}.${locale}`, options, shape)
      }
      continue
    }
    checkValue(field, value, path, options, shape)
  }
}

/** Every problem in `data` for a collection's fields, and the relationship ids it names. */
export const checkWriteShape = (
  fields: FlattenedField[],
  data: Record<string, unknown>,
  options: Options,
): WriteShape => {
  const shape: WriteShape = { problems: [], relations: [] }
  checkFields(fields, data, '', options, shape)
  return shape
}
