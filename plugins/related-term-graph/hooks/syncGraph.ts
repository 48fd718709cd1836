import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload, PayloadRequest } from 'payload'

import type { SourceKind, TermGraphService } from '../server/service'

/** Context for bulk imports: the hooks skip the graph; call the service's `rebuild()` afterwards. */
export const SKIP_TERM_GRAPH = { termGraph: 'skip' } as const

const skipped = (req: PayloadRequest) => req.context?.termGraph === SKIP_TERM_GRAPH.termGraph

const sync = async (
  getService: (payload: Payload) => TermGraphService,
  kind: SourceKind,
  id: string | number,
  req: PayloadRequest,
) => {
  if (skipped(req)) return
  const service = getService(req.payload)
  try {
    await service.documentChanged(kind, String(id), req)
  } catch (error) {
    // Never fail an editor's save because of the graph: rebuild it from the database instead.
    req.payload.logger.error(
      { err: error },
      `related-term-graph: could not apply a ${kind} change; rebuilding the graph`,
    )
    service.rebuild().catch(() => undefined)
  }
}

/** Keeps the graph current after every create, update, publish and unpublish. */
export const afterChangeSyncGraph =
  (getService: (payload: Payload) => TermGraphService, kind: SourceKind): CollectionAfterChangeHook =>
  async ({ doc, req }) => {
    await sync(getService, kind, doc.id, req)
    return doc
  }

/** Keeps the graph current after every delete. */
export const afterDeleteSyncGraph =
  (getService: (payload: Payload) => TermGraphService, kind: SourceKind): CollectionAfterDeleteHook =>
  async ({ id, req }) => {
    await sync(getService, kind, id, req)
  }
