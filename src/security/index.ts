import type { Plugin } from 'payload'

import { dropHiddenRelations } from './hiddenRelations'
import { scopeAnonymousReads } from './readerQueries'

/**
 * The hub's read rules for readers who are not staff, on every collection (ours and the plugins'),
 * at the Payload layer so they hold for REST, GraphQL and the Local API whatever server fronts them.
 * Installed last in `plugins`, so it sees every collection; it appends hooks and replaces none.
 */
export const anonymousReadRules = (): Plugin => (config) => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [...(collection.hooks?.beforeOperation ?? []), scopeAnonymousReads],
      afterRead: [...(collection.hooks?.afterRead ?? []), dropHiddenRelations],
    },
  })),
})
