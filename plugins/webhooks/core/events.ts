import type { WebhookEvent } from '../types'

/**
 * What a save means for storefronts, from whether the document was public before and after it, and
 * whether this save wrote the public version. A draft saved over a published document changes nothing
 * public (no event); saving the published document again is an `update`.
 */
export const eventForSave = (args: {
  wasPublic: boolean
  isPublic: boolean
  wrotePublic: boolean
}): WebhookEvent | undefined => {
  if (!args.wasPublic && args.isPublic) return 'publish'
  if (args.wasPublic && !args.isPublic) return 'unpublish'
  if (args.wasPublic && args.isPublic && args.wrotePublic) return 'update'
  return undefined
}

/** A deletion matters only if storefronts could see the document. */
export const eventForDelete = (wasPublic: boolean): WebhookEvent | undefined => (wasPublic ? 'delete' : undefined)

/** Whether a webhook wants this event for this collection (`contentTypes` empty means every collection). */
export const subscribes = (
  webhook: { enabled?: boolean | null; events?: string[] | null; contentTypes?: string[] | null },
  event: WebhookEvent,
  collection: string,
): boolean =>
  webhook.enabled !== false &&
  (webhook.events ?? []).includes(event) &&
  ((webhook.contentTypes ?? []).length === 0 || (webhook.contentTypes ?? []).includes(collection))
