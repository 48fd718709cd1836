import type { CollectionConfig, PayloadRequest } from 'payload'

import { idOf, type RelationValue } from '../core/items'
import { previewUrlFor } from '../core/preview'
import type { ContentType, FeedLocale, FeedLocalization, SanitizedFeedOptions } from '../types'

/** The hub's own origin: `serverURL` when configured, else the one the editor's browser used. */
const hubOrigin = (req: PayloadRequest): string => {
  if (req.payload.config.serverURL) return req.payload.config.serverURL
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host')
  const proto = req.headers.get('x-forwarded-proto') ?? (req.url?.startsWith('https:') ? 'https' : 'http')
  return host ? `${proto}://${host}` : ''
}

const localeCode = (locale: unknown, { locales, defaultLocale }: FeedLocalization): FeedLocale => {
  const code = typeof locale === 'string' ? locale : (locale as { code?: string } | undefined)?.code
  return (locales as readonly string[]).includes(code ?? '') ? (code as FeedLocale) : defaultLocale
}

/** Preview URL of a document as the admin holds it; null until it has a slug (and, for terms, a glossary). */
const previewUrl =
  (options: SanitizedFeedOptions, type: ContentType) =>
  async (doc: Record<string, unknown>, locale: unknown, req: PayloadRequest): Promise<null | string> => {
    if (typeof doc.slug !== 'string' || doc.slug === '' || doc.id === undefined || doc.id === null) return null
    let glossary: string | undefined
    if (type === 'glossary-term') {
      const glossaryValue = doc.glossary as RelationValue
      const id = idOf(glossaryValue)
      const populated =
        typeof glossaryValue === 'object' ? (glossaryValue as { slug?: unknown } | null)?.slug : undefined
      const found =
        typeof populated === 'string'
          ? { slug: populated }
          : id
            ? await req.payload
                .findByID({
                  collection: options.collections.glossary as never,
                  id,
                  depth: 0,
                  req,
                  select: { slug: true } as never,
                })
                .catch(() => null)
            : null
      glossary = (found as { slug?: string } | null)?.slug
      if (!glossary) return null
    }
    return previewUrlFor(options, hubOrigin(req), type, {
      slug: doc.slug,
      id: String(doc.id),
      glossary,
      locale: localeCode(locale, options.localization),
    })
  }

/** The preview button and Live Preview (with its device sizes) of a content collection, unless it set its own. */
export const withPreview = (
  collection: CollectionConfig,
  options: SanitizedFeedOptions,
  type: ContentType,
): CollectionConfig => {
  const url = previewUrl(options, type)
  return {
    ...collection,
    admin: {
      ...collection.admin,
      preview: collection.admin?.preview ?? ((doc, { locale, req }) => url(doc, locale, req)),
      livePreview: collection.admin?.livePreview ?? {
        url: ({ data, locale, req }) => url(data, locale, req),
        breakpoints: options.preview.breakpoints,
      },
    },
  }
}
