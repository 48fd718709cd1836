import type { CollectionSlug, Payload, PayloadRequest, Where } from 'payload'

import type { QueuedDelivery } from '../core/order'
import type { DeliveryStatus, SanitizedWebhooksOptions, WebhookEvent } from '../types'

/** The plugin's door to its two collections: Payload's Local API, plus the adapter's conditional update for claims. */

export type WebhookRecord = {
  id: string
  name?: string
  url: string
  events?: string[] | null
  contentTypes?: string[] | null
  enabled?: boolean | null
  secret?: string | null
  secretRevealed?: boolean | null
}

export type DeliveryRecord = {
  id: string
  webhook: string | { id: string } | null
  event: WebhookEvent | 'test'
  eventId: string
  status: DeliveryStatus
  attempts: number
  body: string
  orderKey: string
  sequence: number
}

export type NewDelivery = {
  webhook: string
  event: WebhookEvent | 'test'
  eventId: string
  summary: string
  collectionSlug: string
  documentId: string
  documentSlug: string | null
  target: string
  body: string
  orderKey: string
  sequence: number
  nextAttemptAt: string
}

const slug = (name: string) => name as CollectionSlug

// A lease that has always expired. Never null: MongoDB's `exists: false` does not match a stored null date.
const UNCLAIMED = new Date(0).toISOString()

export const findWebhooks = async (payload: Payload, options: SanitizedWebhooksOptions, req?: PayloadRequest) => {
  const result = await payload.find({
    collection: slug(options.slugs.webhooks),
    where: { enabled: { not_equals: false } },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return result.docs as unknown as WebhookRecord[]
}

/** One webhook with its secret (field access is overridden too), or undefined when it was deleted. */
export const findWebhook = async (
  payload: Payload,
  options: SanitizedWebhooksOptions,
  id: string,
  req?: PayloadRequest,
) => {
  const result = await payload.find({
    collection: slug(options.slugs.webhooks),
    where: { id: { equals: id } },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return result.docs[0] as unknown as WebhookRecord | undefined
}

export const updateWebhook = (
  payload: Payload,
  options: SanitizedWebhooksOptions,
  id: string,
  data: Partial<WebhookRecord>,
  req?: PayloadRequest,
  context?: Record<string, unknown>,
) =>
  payload.update({
    collection: slug(options.slugs.webhooks),
    id,
    data: data as never,
    overrideAccess: true,
    req,
    context,
  })

/** Written inside the saving request's transaction: the save and its deliveries commit or roll back together. */
export const enqueue = async (
  payload: Payload,
  options: SanitizedWebhooksOptions,
  rows: NewDelivery[],
  req?: PayloadRequest,
) => {
  for (const row of rows) {
    await payload.create({
      collection: slug(options.slugs.deliveries),
      data: { ...row, status: 'pending', attempts: 0, claimedUntil: UNCLAIMED } as never,
      overrideAccess: true,
      depth: 0,
      req,
    })
  }
}

const OPEN: DeliveryStatus[] = ['pending', 'delivering']

const rows = async <T>(
  payload: Payload,
  options: SanitizedWebhooksOptions,
  where: Where,
  args: { limit?: number; sort?: string; select?: Record<string, true> } = {},
) => {
  const result = await payload.find({
    collection: slug(options.slugs.deliveries),
    where,
    sort: args.sort,
    limit: args.limit ?? 0,
    pagination: false,
    depth: 0,
    select: args.select as never,
    overrideAccess: true,
  })
  return result.docs as unknown as T[]
}

const claimable = (now: Date): Where => ({
  or: [{ claimedUntil: { exists: false } }, { claimedUntil: { less_than: now.toISOString() } }],
})

/** Open deliveries whose time has come and which nobody holds, oldest first. */
export const dueDeliveries = (payload: Payload, options: SanitizedWebhooksOptions, now: Date, limit: number) =>
  rows<QueuedDelivery>(
    payload,
    options,
    { and: [{ status: { in: OPEN } }, { nextAttemptAt: { less_than_equal: now.toISOString() } }, claimable(now)] },
    { limit, sort: 'sequence', select: { orderKey: true, sequence: true } },
  ).then((found) => found.map((row) => ({ ...row, id: String(row.id) })))

/** Every open delivery of these documents older than `before`: what blocks a later one. */
export const openDeliveriesOf = (
  payload: Payload,
  options: SanitizedWebhooksOptions,
  orderKeys: string[],
  before: number,
) =>
  orderKeys.length === 0
    ? Promise.resolve([])
    : rows<QueuedDelivery>(
        payload,
        options,
        { and: [{ orderKey: { in: orderKeys } }, { status: { in: OPEN } }, { sequence: { less_than: before } }] },
        { select: { orderKey: true, sequence: true } },
      ).then((found) => found.map((row) => ({ ...row, id: String(row.id) })))

/**
 * Takes a delivery for this instance until `until`, or returns undefined when another instance holds it or
 * it is no longer due. `payload.update({ where })` reads matching ids first and then writes each one, so two
 * instances could both "win"; the adapter's `updateOne({ where })` puts the condition into the write itself
 * (an UPDATE … WHERE on SQL, findOneAndUpdate on MongoDB), so exactly one claim succeeds.
 */
export const claimDelivery = async (
  payload: Payload,
  options: SanitizedWebhooksOptions,
  args: { id: string; instance: string; now: Date; until: Date },
): Promise<DeliveryRecord | undefined> => {
  const claimed = await payload.db.updateOne({
    collection: slug(options.slugs.deliveries),
    where: {
      and: [
        { id: { equals: args.id } },
        { status: { in: OPEN } },
        { nextAttemptAt: { less_than_equal: args.now.toISOString() } },
        claimable(args.now),
      ],
    },
    data: { status: 'delivering', claimedBy: args.instance, claimedUntil: args.until.toISOString() },
  })
  if (!claimed) return undefined
  const [row] = await rows<DeliveryRecord & { claimedBy?: string }>(
    payload,
    options,
    { id: { equals: args.id } },
    { limit: 1 },
  )
  return row?.claimedBy === args.instance ? { ...row, id: String(row.id) } : undefined
}

/** Records an attempt's outcome and releases the claim, only if this instance still holds it. */
export const finishAttempt = async (
  payload: Payload,
  options: SanitizedWebhooksOptions,
  args: { id: string; instance: string; data: Record<string, unknown> },
): Promise<boolean> => {
  const updated = await payload.db.updateOne({
    collection: slug(options.slugs.deliveries),
    where: {
      and: [
        { id: { equals: args.id } },
        { claimedBy: { equals: args.instance } },
        { status: { equals: 'delivering' } },
      ],
    },
    data: { ...args.data, claimedBy: null, claimedUntil: UNCLAIMED, updatedAt: new Date().toISOString() },
  })
  return Boolean(updated)
}

/** Deletes finished deliveries older than the cutoff. */
export const pruneDeliveries = async (payload: Payload, options: SanitizedWebhooksOptions, cutoff: Date) => {
  const result = await payload.delete({
    collection: slug(options.slugs.deliveries),
    where: { and: [{ status: { in: ['delivered', 'failed'] } }, { createdAt: { less_than: cutoff.toISOString() } }] },
    overrideAccess: true,
  })
  return result.docs.length
}
