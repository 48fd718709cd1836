import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload, PayloadRequest } from 'payload'

import type { ContentType } from '../../storefront-feed/types'
import type { SearchService } from '../server/service'

type GetService = (payload: Payload) => SearchService

/** Set `req.context.glossarySearch = 'skip'` for bulk imports; call `rebuild()` afterwards. */
const skipped = (req: PayloadRequest) => req.context?.glossarySearch === 'skip'

const safely = async (req: PayloadRequest, service: SearchService, work: () => Promise<void>) => {
  try {
    await work()
  } catch (error) {
    // Never fail an editor's save because of search: rebuild from the database instead.
    req.payload.logger.error({ err: error }, 'glossary-search: could not apply a change; rebuilding the index')
    service.rebuild().catch(() => undefined)
  }
}

/** Keeps the index current after every create, save, publish and unpublish on this instance. */
export const afterChangeSyncIndex =
  (getService: GetService, type: ContentType): CollectionAfterChangeHook =>
  async ({ doc, req }) => {
    if (skipped(req)) return doc
    const service = getService(req.payload)
    await safely(req, service, () => service.documentChanged(type, String(doc.id), req))
    return doc
  }

export const afterDeleteSyncIndex =
  (getService: GetService, type: ContentType): CollectionAfterDeleteHook =>
  async ({ id, req }) => {
    if (skipped(req)) return
    const service = getService(req.payload)
    await safely(req, service, () => service.documentDeleted(type, String(id)))
  }

/** Glossary slugs are part of term URLs and of the `glossary` filter. */
export const afterChangeSyncGlossary =
  (getService: GetService): CollectionAfterChangeHook =>
  async ({ doc, req }) => {
    if (skipped(req)) return doc
    const service = getService(req.payload)
    await safely(req, service, () => service.glossaryChanged(String(doc.id), req))
    return doc
  }

export const afterDeleteSyncGlossary =
  (getService: GetService): CollectionAfterDeleteHook =>
  async ({ id, req }) => {
    if (skipped(req)) return
    const service = getService(req.payload)
    await safely(req, service, () => service.glossaryChanged(String(id), req))
  }
