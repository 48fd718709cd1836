/** Query parameters of the term-graph endpoints and the GraphQL query, validated with zod. */
import { z } from 'zod'

import { EDGE_TYPES, type EdgeType } from '../core/model'

export type ParameterError = { parameter: string; message: string }

const slug = (name: string) =>
  z
    .string({ error: `${name} is required: a term slug, e.g. ?${name}=utm-code` })
    .trim()
    .min(1, `${name} is required: a term slug, e.g. ?${name}=utm-code`)
    .max(200, `${name} is too long to be a slug`)

const integer = (name: string, min: number, max: number, fallback: number) =>
  z.preprocess(
    (value) =>
      value === undefined || value === null
        ? undefined
        : typeof value === 'string' && /^-?\d+$/.test(value.trim())
          ? Number(value)
          : value,
    z
      .number({ error: `${name} must be a whole number from ${min} to ${max}` })
      .int(`${name} must be a whole number from ${min} to ${max}`)
      .min(min, `${name} must be at least ${min}`)
      .max(max, `${name} must be at most ${max}`)
      .default(fallback),
  )

const edgeTypes = z.preprocess(
  (value) => {
    if (value === undefined || value === null) return undefined
    const list = Array.isArray(value) ? value : String(value).split(',')
    return list.map((item) => String(item).trim()).filter((item) => item !== '')
  },
  z
    .array(z.enum(EDGE_TYPES, { error: `types must be a comma list of: ${EDGE_TYPES.join(', ')}` }))
    .min(1, `types must name at least one of: ${EDGE_TYPES.join(', ')}`)
    .optional(),
)

const locale = (locales: readonly string[], fallback: string) =>
  z.preprocess(
    (value) => (value === undefined || value === null || value === '' ? undefined : value),
    z
      .enum(locales as [string, ...string[]], { error: `locale must be one of: ${locales.join(', ')}` })
      .default(fallback),
  )

export const graphParams = (locales: readonly string[], defaultLocale: string) =>
  z.object({
    root: slug('root'),
    depth: integer('depth', 1, 3, 1),
    types: edgeTypes,
    limit: integer('limit', 1, 200, 50),
    locale: locale(locales, defaultLocale),
  })

export const pathParams = (locales: readonly string[], defaultLocale: string) =>
  z.object({ from: slug('from'), to: slug('to'), locale: locale(locales, defaultLocale) })

export const topParams = (locales: readonly string[], defaultLocale: string) =>
  z.object({ limit: integer('limit', 1, 100, 10), locale: locale(locales, defaultLocale) })

export const rootParams = (locales: readonly string[], defaultLocale: string) =>
  z.object({ root: slug('root'), locale: locale(locales, defaultLocale) })

export const localeParams = (locales: readonly string[], defaultLocale: string) =>
  z.object({ locale: locale(locales, defaultLocale) })

export type GraphParams = { root: string; depth: number; types?: EdgeType[]; limit: number; locale: string }

/** Validate raw values (query string or GraphQL args): the data, or one error per bad parameter. */
export const parseParams = <S extends z.ZodType>(
  schema: S,
  raw: Record<string, unknown>,
): { ok: true; data: z.output<S> } | { ok: false; errors: ParameterError[] } => {
  const result = schema.safeParse(raw)
  if (result.success) return { ok: true, data: result.data }
  const errors = new Map<string, ParameterError>()
  for (const issue of result.error.issues) {
    const parameter = String(issue.path[0] ?? 'query')
    if (!errors.has(parameter)) errors.set(parameter, { parameter, message: issue.message })
  }
  return { ok: false, errors: [...errors.values()] }
}

/** The first value of each query-string parameter. */
export const queryValues = (
  searchParams: URLSearchParams | undefined,
  names: readonly string[],
): Record<string, string | undefined> =>
  Object.fromEntries(names.map((name) => [name, searchParams?.get(name) ?? undefined]))
