import type { CollectionConfig, Plugin } from 'payload'

import { webhookDeliveriesCollection } from './collections/WebhookDeliveries'
import { webhooksCollection } from './collections/Webhooks'
import { sanitizeOptions } from './core/options'
import { webhookEndpoints } from './endpoints/webhookActions'
import { tagRestRead, tagRestResponse } from './hooks/cacheTagHeader'
import { queueAfterChange, queueAfterDelete, rememberBeforeChange, rememberBeforeDelete } from './hooks/enqueue'
import { startWorker } from './server/worker'
import { SUBJECT_TYPES, type SubjectType, type WebhooksPluginConfig } from './types'

/** `next build` loads the config to prerender; it must not start sending deliveries. */
const isBuildPhase = () => process.env.NEXT_PHASE === 'phase-production-build'

/**
 * Signed webhooks to storefronts on publish, unpublish, update and delete, queued durably in the
 * `webhook-deliveries` collection and sent by a worker in every instance; plus `Cache-Tag` headers on REST.
 */
export const webhooksPlugin =
  (incoming: WebhooksPluginConfig): Plugin =>
  (config) => {
    const configLocales = config.localization
      ? config.localization.locales.map((l) => (typeof l === 'string' ? l : l.code))
      : undefined
    const options = sanitizeOptions({ ...incoming, locales: incoming.locales ?? configLocales })
    const existing = config.collections ?? []
    const typeOf = (slug: string): SubjectType | undefined =>
      SUBJECT_TYPES.find((type) => options.collections[type] === slug)
    const contentSlugs = SUBJECT_TYPES.map((type) => options.collections[type]).filter((slug) =>
      existing.some((collection) => collection.slug === slug),
    )

    const collections: CollectionConfig[] = existing.map((collection) => {
      const type = typeOf(collection.slug)
      if (!type) return collection
      const hooks = collection.hooks ?? {}
      return {
        ...collection,
        hooks: {
          ...hooks,
          beforeOperation: [...(hooks.beforeOperation ?? []), tagRestRead(type)],
          beforeChange: [...(hooks.beforeChange ?? []), rememberBeforeChange(options, type)],
          afterChange: [...(hooks.afterChange ?? []), queueAfterChange(options, type)],
          beforeDelete: [...(hooks.beforeDelete ?? []), rememberBeforeDelete(options, type)],
          afterDelete: [...(hooks.afterDelete ?? []), queueAfterDelete(options, type)],
          afterRead: [...(hooks.afterRead ?? []), tagRestResponse(type)],
        },
      }
    })
    const webhooks = webhooksCollection(options, contentSlugs)
    collections.push(
      options.disabled
        ? webhooks
        : { ...webhooks, endpoints: [...((webhooks.endpoints || []) as never[]), ...webhookEndpoints(options)] },
      webhookDeliveriesCollection(options),
    )

    if (options.disabled) return { ...config, collections }

    return {
      ...config,
      collections,
      onInit: async (payload) => {
        await config.onInit?.(payload)
        if (!isBuildPhase()) startWorker(payload, options)
      },
    }
  }

export {
  cacheTagsFor,
  eventCacheTags,
  cacheTagHeader,
  documentTag,
  listTag,
  type TaggedDocument,
} from './core/cacheTags'
export { verifySignature, signBody, SIGNATURE_HEADER } from './core/signature'
export { SKIP_WEBHOOKS } from './hooks/enqueue'
export type { WebhookEventBody, WebhookEvent, WebhooksPluginConfig } from './types'
