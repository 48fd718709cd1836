import type { CollectionConfig, Config, Plugin } from 'payload'

import { CONTENT_TYPES, type ContentType } from '../storefront-feed/types'
import { sanitizeOptions } from './core/options'
import { searchEndpoints } from './endpoints'
import { readingSuggestedField } from './fields/readingSuggested'
import { searchQueries } from './graphql/searchQueries'
import { beforeChangeSuggestReading } from './hooks/suggestReading'
import {
  afterChangeSyncGlossary,
  afterChangeSyncIndex,
  afterDeleteSyncGlossary,
  afterDeleteSyncIndex,
} from './hooks/syncIndex'
import { analyser } from './server/analyser'
import { searchServiceFor } from './server/service'
import type { GlossarySearchConfig } from './types'

export type { GlossarySearchConfig } from './types'
export { getSearchService } from './server/service'
export { glossarySearchFastPath } from './server/fastPath'
export { readingSuggestedField } from './fields/readingSuggested'

/**
 * Japanese-aware search over published glossary terms, case studies and playbooks (`GET /api/search`, a
 * `glossarySearch` GraphQL query) and a 五十音 / A–Z index of terms (`GET /api/glossary-index`,
 * `glossaryIndex`), from an in-memory index built on start and kept current by hooks and the storefront
 * feed's change journal. Terms get suggested readings (`readingSuggested` marks them) from kuromoji.
 */
export const glossarySearch =
  (incoming: GlossarySearchConfig): Plugin =>
  (config: Config): Config => {
    const options = sanitizeOptions(incoming)
    const termsSlug = options.collections['glossary-term']
    const existing = config.collections ?? []
    if (!existing.some((collection) => collection.slug === termsSlug)) {
      throw new Error(
        `glossarySearch: no collection "${termsSlug}"; install the plugin after the collections, or set collections['glossary-term']`,
      )
    }
    const withField = (collection: CollectionConfig): CollectionConfig =>
      collection.slug === termsSlug
        ? { ...collection, fields: [...collection.fields, readingSuggestedField()] }
        : collection

    if (options.disabled) return { ...config, collections: existing.map(withField) }

    const getService = searchServiceFor(options)
    const defaultLocale = config.localization ? config.localization.defaultLocale : 'ja'
    const analyse = analyser(options.dictionaryPath)
    const typeOf = (slug: string): ContentType | undefined =>
      CONTENT_TYPES.find((type) => options.collections[type] === slug)

    const withHooks = (collection: CollectionConfig): CollectionConfig => {
      const type = typeOf(collection.slug)
      const hooks = collection.hooks ?? {}
      if (collection.slug === options.collections.glossary) {
        return {
          ...collection,
          hooks: {
            ...hooks,
            afterChange: [...(hooks.afterChange ?? []), afterChangeSyncGlossary(getService)],
            afterDelete: [...(hooks.afterDelete ?? []), afterDeleteSyncGlossary(getService)],
          },
        }
      }
      if (!type) return collection
      return {
        ...collection,
        hooks: {
          ...hooks,
          beforeChange:
            type === 'glossary-term' && options.suggestReadings
              ? [...(hooks.beforeChange ?? []), beforeChangeSuggestReading(analyse, defaultLocale)]
              : hooks.beforeChange,
          afterChange: [...(hooks.afterChange ?? []), afterChangeSyncIndex(getService, type)],
          afterDelete: [...(hooks.afterDelete ?? []), afterDeleteSyncIndex(getService, type)],
        },
      }
    }

    return {
      ...config,
      collections: existing.map(withField).map(withHooks),
      endpoints: [...(config.endpoints ?? []), ...searchEndpoints(getService)],
      graphQL: { ...config.graphQL, queries: searchQueries(getService, config.graphQL?.queries) },
      onInit: async (payload) => {
        await config.onInit?.(payload)
        if (!options.buildOnInit) return
        // In the background: start-up is not held up; requests wait for the build if they come first.
        getService(payload)
          .ready()
          .catch((error: unknown) =>
            payload.logger.warn(
              { err: error },
              'glossary-search: building the index at start-up failed; it will be built on first use',
            ),
          )
      },
    }
  }
