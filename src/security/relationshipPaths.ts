import type { FlattenedField } from 'payload'

/** Where a query path leaves its collection: the relationship it crosses and what it asks of the other side. */
export type RelationshipHop = {
  /** Path up to and including the relationship field, as the client wrote it (e.g. `steps.relatedTerms`). */
  prefix: string
  field: Extract<FlattenedField, { type: 'join' | 'relationship' | 'upload' }>
  /** Path inside the related collection (`summary`, `related._status`); '' when the condition is on the relation itself. */
  rest: string
}

const isRelational = (field: FlattenedField): field is RelationshipHop['field'] =>
  field.type === 'relationship' || field.type === 'upload' || field.type === 'join'

const childFields = (field: FlattenedField): FlattenedField[] | null => {
  if (field.type === 'blocks')
    return field.blocks.flatMap((block) => (typeof block === 'string' ? [] : block.flattenedFields))
  if ('flattenedFields' in field) return field.flattenedFields
  return null
}

/**
 * The first relationship a `where`/`sort` path crosses, walking groups, arrays, tabs and blocks, or
 * null when the path stays inside the collection (or names no field: Payload rejects those itself).
 * GraphQL writes nested paths with `__`; both spellings are read.
 */
export const findRelationshipHop = (
  fields: FlattenedField[],
  path: string,
  localeCodes: readonly string[] = [],
): RelationshipHop | null => {
  const segments = path.replace(/__/g, '.').split('.')
  let current = fields
  for (let i = 0; i < segments.length; i += 1) {
    const field = current.find((candidate) => 'name' in candidate && candidate.name === segments[i])
    if (!field) return null
    if (field.localized && localeCodes.includes(segments[i + 1] ?? '')) i += 1
    if (isRelational(field)) {
      return { prefix: segments.slice(0, i + 1).join('.'), field, rest: segments.slice(i + 1).join('.') }
    }
    const children = childFields(field)
    if (!children) return null
    current = children
  }
  return null
}
