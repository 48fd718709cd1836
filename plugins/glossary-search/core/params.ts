import { z } from 'zod'

import { CONTENT_TYPES, FEED_LOCALES, type ContentType, type FeedLocale } from '../../storefront-feed/types'

/** Longest query accepted, in characters: a search box, not a document. */
export const MAX_QUERY_LENGTH = 200
export const DEFAULT_LIMIT = 10
export const MAX_LIMIT = 50

export type ParameterError = { parameter: string; message: string }
export type Parsed<T> = { ok: true; query: T } | { ok: false; errors: ParameterError[] }

export type SearchQuery = { q: string; locale: FeedLocale; types: ContentType[]; glossary?: string; limit: number }
export type GlossaryIndexQuery = { locale: FeedLocale; glossary?: string }

const single = (name: string) =>
  z
    .array(z.string())
    .max(1, { message: `give ${name} once` })
    .transform((values) => values[0])

const localeSchema = single('locale').pipe(
  z
    .enum(FEED_LOCALES, { message: `locale must be one of ${FEED_LOCALES.join(', ')}` })
    .optional()
    .default('ja'),
)
const glossarySchema = single('glossary').pipe(
  z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,99}$/, { message: 'glossary must be a glossary slug (a-z, 0-9, hyphens)' })
    .optional(),
)

const searchSchema = z.object({
  q: single('q').pipe(
    z
      .string({ message: 'q is required: the text to search for' })
      .refine((value) => value.trim() !== '', { message: 'q is empty; give the text to search for' })
      .refine((value) => value.length <= MAX_QUERY_LENGTH, {
        message: `q is longer than ${MAX_QUERY_LENGTH} characters`,
      }),
  ),
  locale: localeSchema,
  type: single('type').pipe(
    z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined) return [...CONTENT_TYPES]
        const types = value.split(',').map((part) => part.trim())
        const unknown = types.filter((type) => !(CONTENT_TYPES as readonly string[]).includes(type))
        if (unknown.length > 0 || types.length === 0) {
          ctx.addIssue({
            code: 'custom',
            message: `type "${unknown.join(',') || value}" is unknown; use ${CONTENT_TYPES.join(', ')} (comma-separated)`,
          })
          return z.NEVER
        }
        return [...new Set(types)] as ContentType[]
      }),
  ),
  glossary: glossarySchema,
  limit: single('limit').pipe(
    z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined) return DEFAULT_LIMIT
        const limit = /^\d{1,4}$/.test(value) ? Number(value) : NaN
        if (!(limit >= 1 && limit <= MAX_LIMIT)) {
          ctx.addIssue({ code: 'custom', message: `limit must be a whole number from 1 to ${MAX_LIMIT}` })
          return z.NEVER
        }
        return limit
      }),
  ),
})

const indexSchema = z.object({ locale: localeSchema, glossary: glossarySchema })

const KNOWN = { search: ['q', 'locale', 'type', 'glossary', 'limit'], index: ['locale', 'glossary'] }

const collect = (params: URLSearchParams, names: string[]) => {
  const values: Record<string, string[]> = {}
  for (const name of names) values[name] = params.getAll(name)
  return values
}

const unknownParameters = (params: URLSearchParams, names: string[]): ParameterError[] =>
  [...new Set(params.keys())]
    .filter((name) => !names.includes(name))
    .map((name) => ({ parameter: name, message: `unknown parameter; use ${names.join(', ')}` }))

const toErrors = (error: z.ZodError): ParameterError[] =>
  error.issues.map((issue) => ({ parameter: String(issue.path[0] ?? ''), message: issue.message }))

/** `GET /api/search` parameters, or errors naming each bad parameter. */
export const parseSearchQuery = (params: URLSearchParams): Parsed<SearchQuery> => {
  const unknown = unknownParameters(params, KNOWN.search)
  const result = searchSchema.safeParse(collect(params, KNOWN.search))
  if (!result.success || unknown.length > 0)
    return { ok: false, errors: [...unknown, ...(result.success ? [] : toErrors(result.error))] }
  const { q, locale, type, glossary, limit } = result.data
  return { ok: true, query: { q: q as string, locale, types: type, glossary, limit } }
}

/** `GET /api/glossary-index` parameters. */
export const parseGlossaryIndexQuery = (params: URLSearchParams): Parsed<GlossaryIndexQuery> => {
  const unknown = unknownParameters(params, KNOWN.index)
  const result = indexSchema.safeParse(collect(params, KNOWN.index))
  if (!result.success || unknown.length > 0)
    return { ok: false, errors: [...unknown, ...(result.success ? [] : toErrors(result.error))] }
  return { ok: true, query: result.data }
}
