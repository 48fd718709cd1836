import { GraphQL } from '@payloadcms/graphql/types'
import type {
  ExecutionArgs,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLError as GraphQLErrorType,
  GraphQLField,
  GraphQLNamedType,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from 'graphql'
import type { PayloadRequest } from 'payload'

import { isStaffRequest } from '../access/roles'

// Payload builds its schema with its own copy of graphql (CJS under Node, where `graphql` resolves to
// index.js); type checks and errors must come from that copy, or graphql refuses them as "another realm".
const {
  getArgumentValues,
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
} = GraphQL

/**
 * Why this exists: Payload's GraphQL complexity adds a flat 10 per relationship field and ignores how many
 * documents a list returns, so `related { related { … } }` seven levels deep costs about 100 of its 1000
 * while resolving millions of documents. This budget estimates what a query resolves — every list of
 * documents multiplies what is selected inside it by its `limit` (or by LIST_FANOUT when it has none) —
 * and also caps nesting, fields, aliases and `limit`, before anything runs.
 */

export type GraphQLBudget = {
  /** Nested selections (a field with sub-fields is one level). */
  maxDepth: number
  /** Estimated field values resolved: each list multiplies what is selected inside it. */
  maxCost: number
  /** Fields selected, after fragments are expanded. */
  maxFields: number
  /** Aliased fields (an alias repeats a field, with all its cost). */
  maxAliases: number
  /** The largest `limit` argument; `limit: 0` and `pagination: false` (no paging) are refused. */
  maxLimit: number
}

export const GRAPHQL_BUDGET: Record<'anonymous' | 'staff', GraphQLBudget> = {
  // Matches anonymous REST (limit ≤ 100, depth ≤ 2): `Terms(limit: 100) { docs { related { related { … } } } }`.
  anonymous: { maxDepth: 6, maxCost: 50_000, maxFields: 250, maxAliases: 25, maxLimit: 100 },
  staff: { maxDepth: 12, maxCost: 1_000_000, maxFields: 2_500, maxAliases: 250, maxLimit: 1_000 },
}

/** The length assumed for a list with no `limit` (hasMany relationships, arrays, blocks). */
export const LIST_FANOUT = 10
/** Payload's page size when a query gives no `limit`. */
const DEFAULT_PAGE_SIZE = 10

export type SelectionMeasure = { cost: number; depth: number; fields: number; aliases: number }

type Finding = { limit: keyof GraphQLBudget | 'pagination'; message: string; node?: FieldNode }

const ZERO: SelectionMeasure = { cost: 0, depth: 0, fields: 0, aliases: 0 }

const add = (a: SelectionMeasure, b: SelectionMeasure): SelectionMeasure => ({
  cost: a.cost + b.cost,
  depth: Math.max(a.depth, b.depth),
  fields: a.fields + b.fields,
  aliases: a.aliases + b.aliases,
})

const fieldDefinition = (
  context: ValidationContext,
  parent: GraphQLNamedType,
  name: string,
): GraphQLField<unknown, unknown> | undefined => {
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef
  if (parent === context.getSchema().getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef
  }
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined
}

/**
 * Measures one operation against the schema. Fragments are measured once per use pattern (so a
 * fragment used twice in each of 30 nested fragments costs 30 steps, not 2^30) and cycles end the walk.
 */
export const measureOperation = (
  context: ValidationContext,
  selectionSet: SelectionSetNode,
  root: GraphQLNamedType,
  variables: Record<string, unknown>,
  budget: GraphQLBudget,
): { measure: SelectionMeasure; findings: Finding[] } => {
  const findings: Finding[] = []
  const memo = new Map<string, SelectionMeasure>()
  const active = new Set<string>()

  const pageSize = (field: GraphQLField<unknown, unknown>, node: FieldNode): number | undefined => {
    if (!field.args.some((arg) => arg.name === 'limit')) return undefined
    let args: Record<string, unknown>
    try {
      args = getArgumentValues(field, node, variables)
    } catch {
      return DEFAULT_PAGE_SIZE // a bad argument is reported by graphql's own rules
    }
    const where = `${node.alias?.value ?? node.name.value}(limit)`
    if (args.pagination === false) {
      findings.push({
        limit: 'pagination',
        node,
        message: `pagination: ${node.name.value}(pagination: false) is not allowed; page through with limit (at most ${budget.maxLimit}) and page`,
      })
    }
    if (args.limit === undefined || args.limit === null) return DEFAULT_PAGE_SIZE
    const limit = Number(args.limit)
    if (!Number.isInteger(limit) || limit < 1 || limit > budget.maxLimit) {
      findings.push({
        limit: 'maxLimit',
        node,
        message: `limit: ${where} is ${String(args.limit)}; it must be a whole number from 1 to ${budget.maxLimit} (0, "no paging", is not allowed)`,
      })
      return Math.max(Number.isFinite(limit) && limit > 0 ? limit : budget.maxLimit, 1)
    }
    return limit
  }

  // `paged`: the page size a list directly inside this selection returns (Payload's `docs`), if any.
  const measure = (set: SelectionSetNode, parent: GraphQLNamedType, paged: number | undefined): SelectionMeasure => {
    let total = ZERO
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = fieldDefinition(context, parent, selection.name.value)
        const alias = selection.alias && selection.alias.value !== selection.name.value ? 1 : 0
        if (!field) continue // unknown fields are reported by graphql's own rules
        const named = getNamedType(field.type)
        const childPaged = pageSize(field, selection)
        if (!selection.selectionSet || !isCompositeType(named)) {
          total = add(total, { cost: 1, depth: 0, fields: 1, aliases: alias })
          continue
        }
        const length = isListType(getNullableType(field.type)) ? (paged ?? LIST_FANOUT) : 1
        const inner = measure(selection.selectionSet, named, childPaged)
        // Introspection (`__schema`, `__type`) reads the schema in memory: its cost counts, not its depth.
        const depth = selection.name.value.startsWith('__') ? 0 : 1 + inner.depth
        total = add(total, {
          cost: 1 + length * inner.cost,
          depth,
          fields: 1 + inner.fields,
          aliases: alias + inner.aliases,
        })
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? context.getSchema().getType(selection.typeCondition.name.value) : parent
        if (type && isCompositeType(type)) total = add(total, measure(selection.selectionSet, type, paged))
      } else {
        const name = selection.name.value
        const fragment: FragmentDefinitionNode | undefined | null = context.getFragment(name)
        const type = fragment && context.getSchema().getType(fragment.typeCondition.name.value)
        if (!fragment || !type || !isCompositeType(type)) continue
        const key = `${name}\u0000${paged ?? ''}`
        if (active.has(key)) continue // a cycle: graphql's NoFragmentCycles rule reports it
        let known = memo.get(key)
        if (!known) {
          active.add(key)
          known = measure(fragment.selectionSet, type, paged)
          active.delete(key)
          memo.set(key, known)
        }
        total = add(total, known)
      }
    }
    return total
  }

  return { measure: measure(selectionSet, root, undefined), findings }
}

/** The findings for a measured operation against `budget`, each naming its limit. */
export const overBudget = (measure: SelectionMeasure, budget: GraphQLBudget, who: string): Finding[] => {
  const findings: Finding[] = []
  if (measure.depth > budget.maxDepth) {
    findings.push({
      limit: 'maxDepth',
      message: `depth: the query nests ${measure.depth} levels; at most ${budget.maxDepth} for ${who}`,
    })
  }
  if (measure.fields > budget.maxFields) {
    findings.push({
      limit: 'maxFields',
      message: `fields: the query selects ${measure.fields} fields; at most ${budget.maxFields} for ${who}`,
    })
  }
  if (measure.aliases > budget.maxAliases) {
    findings.push({
      limit: 'maxAliases',
      message: `aliases: the query uses ${measure.aliases} aliases; at most ${budget.maxAliases} for ${who}`,
    })
  }
  if (measure.cost > budget.maxCost) {
    findings.push({
      limit: 'maxCost',
      message: `complexity: the query would resolve about ${Math.round(Math.min(measure.cost, Number.MAX_SAFE_INTEGER))} values (each list multiplies what it selects by its limit, or by ${LIST_FANOUT}); at most ${budget.maxCost} for ${who}. Select fewer nested lists or lower limit`,
    })
  }
  return findings
}

const budgetError = (finding: Finding, budget: GraphQLBudget): GraphQLErrorType =>
  new GraphQLError(`Query budget: ${finding.message}`, {
    nodes: finding.node,
    extensions: {
      code: 'QUERY_BUDGET',
      parameter:
        finding.limit === 'maxLimit'
          ? 'limit'
          : finding.limit === 'pagination'
            ? 'pagination'
            : finding.limit.replace(/^max/, '').toLowerCase(),
      ...(finding.limit in budget ? { max: budget[finding.limit as keyof GraphQLBudget] } : {}),
    },
  })

/** The validation rule for one request: the staff budget for editors and admins, the anonymous one otherwise. */
export const graphqlBudgetRule =
  (
    req: PayloadRequest | undefined,
    variables: Record<string, unknown>,
    operationName?: string | null,
  ): ValidationRule =>
  (context) => {
    const staff = req ? isStaffRequest(req) : false
    const budget = staff ? GRAPHQL_BUDGET.staff : GRAPHQL_BUDGET.anonymous
    const who = staff ? 'staff' : 'anonymous readers'
    return {
      OperationDefinition(operation) {
        if (operationName && operation.name?.value !== operationName) return false
        const schema = context.getSchema()
        const root =
          operation.operation === 'mutation'
            ? schema.getMutationType()
            : operation.operation === 'query'
              ? schema.getQueryType()
              : null
        if (!root) return false
        const { measure, findings } = measureOperation(context, operation.selectionSet, root, variables, budget)
        for (const finding of [...findings, ...overBudget(measure, budget, who)])
          context.reportError(budgetError(finding, budget))
        return false
      },
    }
  }

/** `graphQL.validationRules` for payload.config.ts: Payload passes the request's execution arguments. */
export const graphqlBudgetRules = (args: ExecutionArgs): ValidationRule[] => {
  const req = (args.contextValue as { req?: PayloadRequest } | undefined)?.req
  const variables = (args.variableValues ?? {}) as Record<string, unknown>
  return [graphqlBudgetRule(req, variables, args.operationName)]
}
