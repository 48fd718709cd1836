import type { CollectionConfig, Plugin } from 'payload'

import { feedChangesCollection } from './collections/journalCollection'
import { sanitizeOptions } from './core/options'
import { feedEndpoints } from './endpoints/feed'
import { previewEndpoints } from './endpoints/preview'
import {
  journalContentChange,
  journalContentDelete,
  journalLookupChange,
  journalLookupDelete,
  stashContentDependents,
  stashContentShownState,
  stashLookupDependents,
  stashLookupShownState,
} from './hooks/recordChanges'
import { withPreview } from './server/previewUrls'
import { feedRuntime } from './server/runtime'
import type { ContentType, StorefrontFeedConfig } from './types'

/**
 * `GET /api/feed`: a cached JSON Feed 1.1 of published glossary terms, case studies and playbooks, with
 * keyset paging and `since` deltas read from a change journal that this plugin's hooks keep.
 */
export const storefrontFeed =
  (incoming: StorefrontFeedConfig): Plugin =>
  (config) => {
    const options = sanitizeOptions(incoming, config.localization)
    const existing = config.collections ?? []
    for (const type of options.contentTypes) {
      if (!existing.some((collection) => collection.slug === options.collections[type])) {
        throw new Error(
          `storefrontFeed: no collection "${options.collections[type]}" for ${type}; install the plugin after the collections, or set collections['${type}']`,
        )
      }
    }
    const typeOf = (slug: string): ContentType | undefined =>
      options.contentTypes.find((type) => options.collections[type] === slug)

    const collections: CollectionConfig[] = existing.map((incomingCollection) => {
      let collection = incomingCollection
      const type = typeOf(collection.slug)
      const lookup =
        collection.slug === options.collections.glossary
          ? 'glossary'
          : collection.slug === options.collections.tag
            ? 'tag'
            : undefined
      if (!type && !lookup) return collection
      if (type && !options.preview.disabled && !options.disabled) collection = withPreview(collection, options, type)
      const afterChange = type ? journalContentChange(options, type) : journalLookupChange(options, lookup!)
      const afterDelete = type ? journalContentDelete(options, type) : journalLookupDelete(options, lookup!)
      const beforeDelete = type ? stashContentDependents(options, type) : stashLookupDependents(options, lookup!)
      const beforeChange = type ? stashContentShownState(options, type) : stashLookupShownState(options, lookup!)
      return {
        ...collection,
        hooks: {
          ...collection.hooks,
          beforeChange: [...(collection.hooks?.beforeChange ?? []), beforeChange],
          beforeDelete: [...(collection.hooks?.beforeDelete ?? []), beforeDelete],
          afterChange: [...(collection.hooks?.afterChange ?? []), afterChange],
          afterDelete: [...(collection.hooks?.afterDelete ?? []), afterDelete],
        },
      }
    })
    collections.push(feedChangesCollection(options))

    // The preview page and sitemap route (mounted by the app) read the same sanitised options.
    const custom = { ...config.custom, storefrontFeed: { options } }
    if (options.disabled) return { ...config, collections, custom }

    return {
      ...config,
      collections,
      custom,
      endpoints: [
        ...(config.endpoints ?? []),
        ...feedEndpoints(options),
        ...(options.preview.disabled ? [] : previewEndpoints(options)),
      ],
      onInit: async (payload) => {
        await config.onInit?.(payload)
        feedRuntime(payload, options).startPolling()
      },
    }
  }

export { storefrontFeedFastPath, type FeedFastPath } from './server/fastPath'
export { storefrontSitemapRoute } from './server/sitemap'
export { journalBulkWrites, SKIP_FEED_JOURNAL, type BulkWrite } from './hooks/recordChanges'
