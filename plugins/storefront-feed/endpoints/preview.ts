import type { Endpoint, PayloadHandler } from 'payload'
import { z } from 'zod'

import type { FeedLocale, SanitizedFeedOptions } from '../types'
import { findPreviewDraft, overlayFormValues, renderPreview } from '../server/preview'

const bodySchema = ({ localization }: SanitizedFeedOptions) =>
  z.object({
    collection: z.string(),
    id: z.union([z.string(), z.number()]).transform(String),
    locale: z.enum(localization.locales as [FeedLocale, ...FeedLocale[]]).default(localization.defaultLocale),
    data: z.record(z.string(), z.unknown()).default({}),
  })

const json = (status: number, value: unknown) =>
  Response.json(value, { status, headers: { 'Cache-Control': 'no-store' } })

/**
 * `POST /api/feed/preview`: Live Preview's form values for a draft, rendered by the feed's serialiser.
 * Same rules as the preview page: only someone who may read the document's drafts gets an answer.
 */
const handler =
  (options: SanitizedFeedOptions, body: ReturnType<typeof bodySchema>): PayloadHandler =>
  async (req) => {
    let input: unknown
    try {
      input = await req.json?.()
    } catch {
      return json(400, { errors: [{ parameter: 'body', message: 'must be JSON: { collection, id, locale, data }' }] })
    }
    const parsed = body.safeParse(input)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return json(400, {
        errors: [{ parameter: String(issue?.path[0] ?? 'body'), message: issue?.message ?? 'invalid' }],
      })
    }
    const { collection, id, locale, data } = parsed.data
    const type = options.contentTypes.find((t) => options.collections[t] === collection)
    if (!type) return json(400, { errors: [{ parameter: 'collection', message: `no preview for "${collection}"` }] })
    const draft = await findPreviewDraft(req.payload, options, { type, id, locale }, req.user)
    if (!draft) return json(404, { errors: [{ parameter: 'id', message: 'no draft you may preview has this id' }] })
    const doc = { ...overlayFormValues(draft, data, locale), id: draft.id } as typeof draft
    try {
      return json(200, await renderPreview(req.payload, options, { type, doc, locale }))
    } catch (error) {
      // Half-typed form values the serialiser cannot read yet: keep the last good preview on screen.
      req.payload.logger.debug({ err: error, msg: 'storefront-feed: preview could not render these form values' })
      return json(422, { errors: [{ parameter: 'data', message: 'these values cannot be previewed yet' }] })
    }
  }

export const previewEndpoints = (options: SanitizedFeedOptions): Endpoint[] => [
  { path: '/feed/preview', method: 'post', handler: handler(options, bodySchema(options)) },
]
