import type {
  CollectionBeforeOperationHook,
  CollectionSlug,
  PayloadRequest,
  SanitizedCollectionConfig,
  Where,
} from 'payload'

import { isStaffRequest } from '../access/roles'
import { assertWithinReadBudget, ParameterError } from './readerBudget'
import { findRelationshipHop } from './relationshipPaths'

/**
 * Why this exists: Payload scopes a `where` through a relationship by the related collection's read
 * access only on its non-draft path (with `draft=true` the scoping is added to a copy and lost), and
 * never scopes `sort`. So for readers who are not staff we (1) ignore `draft`, (2) answer every
 * condition that crosses a relationship from the documents they could read directly, and (3) refuse
 * sorts through relationships into collections they cannot read in full. A count then depends only
 * on what the reader could fetch anyway.
 */

const READ_OPERATIONS = new Set(['read', 'count', 'readDistinct'])
const BUDGET_CHECKED = 'hubReadBudgetChecked'
/** More related documents than this behind one condition is a scan, not a filter. */
const MAX_MATCHED_IDS = 10_000
/** Matches nothing on every adapter (every document has an id). */
const NO_MATCH: Where = { id: { exists: false } }
const VALUE_LIST_OPERATORS = new Set(['equals', 'in', 'contains'])

type ReadAccess = boolean | Where

export const readAccessOf = async (slug: string, req: PayloadRequest): Promise<ReadAccess> => {
  const cache = ((req.context.hubReadAccess as Map<string, ReadAccess> | undefined) ??= new Map())
  const known = cache.get(slug)
  if (known !== undefined) return known
  const access = req.payload.collections[slug as CollectionSlug]?.config.access.read
  const result: ReadAccess = access ? await access({ req }) : false
  cache.set(slug, result)
  return result
}

const asList = (value: unknown): unknown[] =>
  Array.isArray(value)
    ? value
    : typeof value === 'string'
      ? value.split(',')
      : value === undefined || value === null
        ? []
        : [value]

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Ids of the documents of `slug` the reader may read that match `where` (through the reader's own access). */
const readableIds = async (slug: string, where: Where, req: PayloadRequest, parameter: string): Promise<unknown[]> => {
  const { docs } = await req.payload.find({
    collection: slug as CollectionSlug,
    where,
    req,
    overrideAccess: false,
    draft: false,
    depth: 0,
    pagination: false,
    limit: MAX_MATCHED_IDS + 1,
    select: {},
  })
  if (docs.length > MAX_MATCHED_IDS) {
    throw new ParameterError(parameter, `matches more than ${MAX_MATCHED_IDS} related documents; narrow the condition`)
  }
  return docs.map((doc) => doc.id)
}

const relatedIn = (prefix: string, ids: unknown[]): Where => (ids.length ? { [prefix]: { in: ids } } : NO_MATCH)

/** One `path: {operator: value}` condition that crosses a relationship, rewritten to ids the reader can read. */
const scopeCondition = async (
  collection: SanitizedCollectionConfig,
  path: string,
  condition: Record<string, unknown>,
  req: PayloadRequest,
): Promise<Where | null> => {
  const hop = findRelationshipHop(
    collection.flattenedFields,
    path,
    req.payload.config.localization ? req.payload.config.localization.localeCodes : [],
  )
  if (!hop) return null
  const parameter = `where[${path}]`
  if (hop.field.type === 'join' || typeof hop.field.relationTo !== 'string') {
    throw new ParameterError(parameter, 'cannot filter through this relationship for anonymous readers')
  }
  const target = hop.field.relationTo
  const access = await readAccessOf(target, req)
  if (access === true) return null
  if (access === false) return NO_MATCH
  if (hop.rest)
    return relatedIn(hop.prefix, await readableIds(target, { [hop.rest]: condition } as Where, req, parameter))
  // A condition on the relation itself (ids): only ids of readable documents may decide it.
  const pieces: Where[] = []
  for (const [operator, value] of Object.entries(condition)) {
    if (VALUE_LIST_OPERATORS.has(operator) || operator === 'all') {
      const wanted = asList(value)
      const readable = wanted.length ? await readableIds(target, { id: { in: wanted } }, req, parameter) : []
      if (operator !== 'all') pieces.push(relatedIn(hop.prefix, readable))
      else
        pieces.push(
          readable.length === new Set(wanted.map(String)).size ? { [hop.prefix]: { all: readable } } : NO_MATCH,
        )
    } else {
      pieces.push(
        relatedIn(hop.prefix, await readableIds(target, { id: { [operator]: value } } as Where, req, parameter)),
      )
    }
  }
  return pieces.length === 1 ? pieces[0]! : { and: pieces }
}

/** The reader's `where` with every condition that crosses a relationship answered from readable documents only. */
export const scopeWhere = async (
  where: Where,
  collection: SanitizedCollectionConfig,
  req: PayloadRequest,
): Promise<Where> => {
  const scoped: Where[] = []
  const kept: Where = {}
  for (const [key, value] of Object.entries(where)) {
    const junction = key.toLowerCase()
    if ((junction === 'and' || junction === 'or') && Array.isArray(value)) {
      kept[junction] = await Promise.all(
        value.map((item) => (isPlainObject(item) ? scopeWhere(item as Where, collection, req) : item)),
      )
      continue
    }
    const rewritten = isPlainObject(value) ? await scopeCondition(collection, key, value, req) : null
    if (rewritten) scoped.push(rewritten)
    else kept[key] = value as Where[string]
  }
  if (!scoped.length) return kept
  return { and: [...(Object.keys(kept).length ? [kept] : []), ...scoped] }
}

const assertSortReadable = async (sort: unknown, collection: SanitizedCollectionConfig, req: PayloadRequest) => {
  const localeCodes = req.payload.config.localization ? req.payload.config.localization.localeCodes : []
  for (const entry of asList(sort)) {
    if (typeof entry !== 'string') continue
    const path = entry.trim().replace(/^-/, '')
    const hop = findRelationshipHop(collection.flattenedFields, path, localeCodes)
    if (!hop) continue
    const target = hop.field.type !== 'join' && typeof hop.field.relationTo === 'string' ? hop.field.relationTo : null
    if (!target || (await readAccessOf(target, req)) !== true) {
      throw new ParameterError(
        'sort',
        `cannot go through '${hop.prefix}' for anonymous readers; sort by this collection's own fields`,
      )
    }
  }
}

/** beforeOperation: the read rules above, for every way a read arrives (REST, GraphQL, Local API without overrideAccess). */
export const scopeAnonymousReads: CollectionBeforeOperationHook = async ({ args, operation, overrideAccess, req }) => {
  if (!READ_OPERATIONS.has(operation) || overrideAccess === true || isStaffRequest(req)) return args
  const collection = args.collection.config as SanitizedCollectionConfig
  // The read operations' arguments share these keys; the union type of all operations does not say so.
  const next = { ...args } as typeof args & {
    draft?: boolean
    where?: unknown
    sort?: unknown
    field?: unknown
    limit?: unknown
    depth?: unknown
    pagination?: unknown
  }
  // Only the request's own operation is budgeted; relationship population and our id lookups reuse the req.
  if (req.payloadAPI === 'REST' && !req.context[BUDGET_CHECKED]) {
    req.context[BUDGET_CHECKED] = true
    assertWithinReadBudget(next)
  }
  if ('draft' in next) next.draft = false
  if (isPlainObject(next.where)) next.where = await scopeWhere(next.where as Where, collection, req)
  if (next.sort) await assertSortReadable(next.sort, collection, req)
  if (operation === 'readDistinct' && typeof next.field === 'string') {
    const hop = findRelationshipHop(collection.flattenedFields, next.field)
    if (hop) throw new ParameterError('field', 'cannot go through a relationship for anonymous readers')
  }
  return next
}
