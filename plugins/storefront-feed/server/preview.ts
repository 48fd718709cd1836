import type { CollectionSlug, Payload, TypedUser, Where } from 'payload'

import { type FeedItem, idOf, type SerializeContext, serializeItem, type SourceDoc } from '../core/items'
import { isLocaleMap, pickLocale } from '../core/localize'
import type { PreviewTarget } from '../core/preview'
import type { ContentType, FeedLocale, SanitizedFeedOptions } from '../types'
import { loadLookups } from './lookups'
import { mentionLinkerFrom } from './render'

/** A draft rendered the way the feed will publish it, plus names the page shows beside it. */
export type RenderedPreview = {
  id: string
  type: ContentType
  locale: FeedLocale
  item: FeedItem
  status: 'draft' | 'published'
  related: { slug: string; name: string }[]
}

/**
 * Drafts are what `readVersions` guards, so a preview asks Payload for the document's versions as this
 * user: anonymous readers (and anyone the collection's access refuses) get nothing, not the published copy.
 */
const mayReadDrafts = async (payload: Payload, collection: string, id: string, user: TypedUser | null) => {
  if (!user) return false
  try {
    const { docs } = await payload.findVersions({
      collection: collection as CollectionSlug,
      where: { parent: { equals: id } },
      limit: 1,
      depth: 0,
      pagination: false,
      overrideAccess: false,
      user,
      select: { updatedAt: true } as never,
    })
    return docs.length > 0
  } catch {
    return false
  }
}

type Draft = SourceDoc['doc'] & { _status?: string | null }

/** The newest draft a preview path names, read as `user`; undefined when absent or not theirs to see. */
export const findPreviewDraft = async (
  payload: Payload,
  options: SanitizedFeedOptions,
  target: PreviewTarget,
  user: TypedUser | null,
): Promise<Draft | undefined> => {
  if (!user) return undefined
  const collection = options.collections[target.type] as CollectionSlug
  const where: Where[] = [
    ...(target.slug !== undefined ? [{ slug: { equals: target.slug } }] : []),
    ...(target.id !== undefined ? [{ id: { equals: target.id } }] : []),
  ]
  if (where.length === 0) return undefined
  const found = await payload
    .find({
      collection,
      where: where.length === 1 ? where[0] : { and: where },
      draft: true,
      locale: 'all',
      depth: 0,
      limit: 1,
      pagination: false,
      overrideAccess: false,
      user,
    })
    .catch(() => ({ docs: [] }))
  const doc = found.docs[0] as unknown as Draft | undefined
  if (!doc || !(await mayReadDrafts(payload, collection, String(doc.id), user))) return undefined
  if (target.glossary !== undefined) {
    const glossaryId = idOf((doc as { glossary?: never }).glossary)
    const glossary = glossaryId
      ? await payload
          .findByID({
            collection: options.collections.glossary as CollectionSlug,
            id: glossaryId,
            depth: 0,
            select: { slug: true } as never,
          })
          .catch(() => null)
      : null
    if ((glossary as { slug?: string } | null)?.slug !== target.glossary) return undefined
  }
  return { ...doc, id: String(doc.id) }
}

/**
 * Live edits arrive as the form's values in one locale: each localized field replaces that locale's
 * value of the stored draft (so other locales still fall back as the feed does), others replace it whole.
 */
export const overlayFormValues = (
  stored: Record<string, unknown>,
  values: Record<string, unknown>,
  locale: FeedLocale,
) => {
  const merged: Record<string, unknown> = { ...stored }
  for (const [key, value] of Object.entries(values)) {
    if (['id', 'createdAt', 'updatedAt', '_status'].includes(key)) continue
    const current = stored[key]
    merged[key] = isLocaleMap(current) ? { ...current, [locale]: value } : value
  }
  return merged
}

/** The draft through the feed's own serialiser (auto-links, related terms, steps in order), in `locale`. */
export const renderPreview = async (
  payload: Payload,
  options: SanitizedFeedOptions,
  args: { type: ContentType; doc: Draft; locale: FeedLocale },
): Promise<RenderedPreview> => {
  const source = { type: args.type, doc: args.doc } as SourceDoc
  const lookups = await loadLookups(payload, options, [source])
  const ctx: SerializeContext = {
    locale: args.locale,
    baseUrl: options.baseUrl,
    defaultLocale: options.localization.defaultLocale,
    urls: options.urls,
    collections: options.collections,
    publisher: options.publisher,
    lookups,
    mentionLinker: mentionLinkerFrom(payload),
  }
  const item = await serializeItem(source, ctx)
  const bySlug = new Map([...lookups.terms.values()].map((term) => [term.slug, term]))
  return {
    id: args.doc.id,
    type: args.type,
    locale: args.locale,
    item,
    status: args.doc._status === 'published' ? 'published' : 'draft',
    related: item._hub.related.map((slug) => ({
      slug,
      name: String(pickLocale(bySlug.get(slug)?.term, args.locale, options.localization.defaultLocale).value ?? slug),
    })),
  }
}

/** The feed plugin's sanitised options, as its entry published them on the config. */
export const feedOptionsOf = (payload: Payload): SanitizedFeedOptions | undefined =>
  (payload.config.custom as { storefrontFeed?: { options?: SanitizedFeedOptions } } | undefined)?.storefrontFeed
    ?.options
