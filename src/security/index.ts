import type { Plugin } from 'payload'

import { dropHiddenRelations } from './hiddenRelations'
import { scopeAnonymousReads } from './readerQueries'
import { refuseWhereOfWrongType } from './whereFieldTypes'
import { refuseMalformedWrites } from './writeRules'

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

/**
 * The hub's write rules, on every collection: server-owned fields (`createdAt`, `updatedAt`) are ignored
 * in client input, and a body the database could not store whole (see writeShape.ts for the limits) is
 * refused with a 400 naming the field before anything is written. Installed last, beside the read rules.
 */
export const writeRules = (): Plugin => (config) => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [...(collection.hooks?.beforeOperation ?? []), refuseMalformedWrites],
    },
  })),
})

/**
 * Every `where` checked against the type of the field it names (whereFieldTypes.ts), for every reader
 * and API: conditions the database cannot run answer 400 naming the condition. Installed before the
 * read rules, so a condition is judged as the client wrote it, before they rewrite it.
 */
export const whereTypeRules = (): Plugin => (config) => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [...(collection.hooks?.beforeOperation ?? []), refuseWhereOfWrongType],
    },
  })),
})
