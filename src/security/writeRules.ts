import {
  ValidationError,
  type CollectionBeforeOperationHook,
  type CollectionSlug,
  type PayloadRequest,
  type SanitizedCollectionConfig,
} from 'payload'

import { checkWriteShape, type FieldProblem, type RelationRef } from './writeShape'

/**
 * Why this exists: a write the database refuses half-way used to answer 500 and leave a published
 * document with no version (SQLite runs without transactions by default; MongoDB without a replica set
 * too), and a stored value no read could parse broke every public list. Every create and update is
 * checked here, before any hook or write runs, for every way it arrives (REST, GraphQL, the admin,
 * Local API without overrideAccess): bad input gets a 400 naming the field and nothing is stored.
 */

/** Written by the server only: ignored in input from clients (REST, GraphQL, admin, Local API with a user). */
export const SERVER_OWNED_FIELDS = ['createdAt', 'updatedAt'] as const

const WRITE_OPERATIONS = new Set(['create', 'update'])

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Relations whose document does not exist (any status): the database would refuse them mid-write. */
const missingRelations = async (relations: RelationRef[], req: PayloadRequest): Promise<FieldProblem[]> => {
  const byCollection = new Map<string, RelationRef[]>()
  for (const relation of relations)
    byCollection.set(relation.collection, [...(byCollection.get(relation.collection) ?? []), relation])
  const problems: FieldProblem[] = []
  for (const [collection, refs] of byCollection) {
    const wanted = [...new Set(refs.map((ref) => String(ref.id)))]
    let found = new Set<string>()
    if (req.payload.collections[collection as CollectionSlug]) {
      try {
        const { docs } = await req.payload.find({
          collection: collection as CollectionSlug,
          where: { id: { in: wanted } },
          req,
          overrideAccess: true,
          draft: false,
          depth: 0,
          pagination: false,
          limit: wanted.length,
          select: {},
        })
        found = new Set(docs.map((doc) => String(doc.id)))
      } catch {
        // An id the adapter cannot even parse (e.g. not an ObjectId on MongoDB) names no document.
      }
    }
    for (const ref of refs) {
      if (!found.has(String(ref.id))) {
        problems.push({
          path: ref.path,
          message: `names no ${collection} document (id '${String(ref.id).slice(0, 60)}')`,
          fieldType: 'relationship',
        })
      }
    }
  }
  return problems
}

/** beforeOperation: server-owned fields dropped, then the whole body checked before anything is written. */
export const refuseMalformedWrites: CollectionBeforeOperationHook = async ({
  args,
  operation,
  overrideAccess,
  req,
}) => {
  if (!WRITE_OPERATIONS.has(operation)) return args
  const collection = args.collection.config as SanitizedCollectionConfig
  const next = { ...args } as typeof args & { data?: unknown }
  if (!isPlainObject(next.data)) {
    throw new ValidationError(
      { collection: collection.slug, errors: [{ path: 'data', message: 'must be an object of field values' }], req },
      req.t,
    )
  }
  const data: Record<string, unknown> = { ...next.data }
  // Trusted server code (overrideAccess: seeds, jobs, migrations) may set them; its dates are still checked below.
  if (overrideAccess !== true) for (const name of SERVER_OWNED_FIELDS) delete data[name]
  next.data = data
  const localization = req.payload.config.localization
  const shape = checkWriteShape(collection.flattenedFields, data, {
    localeCodes: localization ? localization.localeCodes : [],
    allLocales: req.locale === 'all',
  })
  // Trusted server code is held to the one rule whose breach breaks later reads: dates that parse.
  const problems =
    overrideAccess === true ? shape.problems.filter((problem) => problem.fieldType === 'date') : shape.problems
  if (!problems.length && overrideAccess !== true) problems.push(...(await missingRelations(shape.relations, req)))
  if (problems.length) {
    throw new ValidationError(
      {
        collection: collection.slug,
        errors: problems.map(({ path, message }) => ({ path, message: `${path} ${message}` })),
        req,
      },
      req.t,
    )
  }
  return next
}
