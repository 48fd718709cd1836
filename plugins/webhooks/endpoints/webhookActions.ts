import { randomUUID } from 'node:crypto'

import type { CollectionSlug, Endpoint, PayloadHandler, PayloadRequest } from 'payload'

import { SECRET_SET_BY_PLUGIN } from '../collections/Webhooks'
import { buildEventBody } from '../core/body'
import { generateSecret } from '../core/signature'
import { nextSequence } from '../core/order'
import { enqueue, findWebhook, updateWebhook, type WebhookRecord } from '../server/queue'
import { existingWorker } from '../server/worker'
import type { SanitizedWebhooksOptions } from '../types'

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })

const errorStatus = (error: unknown): number => {
  const status = (error as { status?: unknown })?.status
  return typeof status === 'number' && status >= 400 && status < 500 ? status : 500
}

/**
 * The webhook named in the path, if this user may manage it: Payload's own access check (a `findByID`
 * with access enforced) decides, so the endpoints follow the collection's access (`access.manage`).
 */
type Found = { webhook: WebhookRecord; error?: undefined } | { error: Response; webhook?: undefined }

const manageableWebhook = async (req: PayloadRequest, options: SanitizedWebhooksOptions): Promise<Found> => {
  const id = String(req.routeParams?.id ?? '')
  try {
    await req.payload.findByID({
      collection: options.slugs.webhooks as CollectionSlug,
      id,
      req,
      overrideAccess: false,
      depth: 0,
    })
  } catch (error) {
    const status = errorStatus(error)
    if (status === 500) throw error
    return {
      error: json(
        { errors: [{ message: status === 404 ? `no webhook has the id "${id}"` : 'you may not manage this webhook' }] },
        status,
      ),
    }
  }
  const webhook = await findWebhook(req.payload, options, id, req)
  return webhook ? { webhook } : { error: json({ errors: [{ message: `no webhook has the id "${id}"` }] }, 404) }
}

/** `POST /api/webhooks/:id/test`: queues a signed `test` event and waits (up to the timeout) for its outcome. */
const sendTest =
  (options: SanitizedWebhooksOptions): PayloadHandler =>
  async (req) => {
    const found = await manageableWebhook(req, options)
    if (found.error) return found.error
    const { webhook } = found
    const eventId = `evt_${randomUUID()}`
    const occurredAt = new Date()
    const body = buildEventBody({
      eventId,
      type: 'test',
      occurredAt,
      locale: null,
      cacheTags: [],
      settings: options,
      subject: { type: 'tag', collection: 'webhook-test', id: String(webhook.id), slug: null, status: null },
    })
    await enqueue(req.payload, options, [
      {
        webhook: String(webhook.id),
        event: 'test',
        eventId,
        summary: `test ${webhook.name ?? webhook.id}`,
        collectionSlug: 'webhook-test',
        documentId: String(webhook.id),
        documentSlug: null,
        target: webhook.url,
        body: JSON.stringify(body),
        orderKey: `${webhook.id}|test|${eventId}`,
        sequence: nextSequence(),
        nextAttemptAt: occurredAt.toISOString(),
      },
    ])
    existingWorker(req.payload)?.wake()
    const deadline = Date.now() + options.timeoutMs + 3000
    while (Date.now() < deadline) {
      const { docs } = await req.payload.find({
        collection: options.slugs.deliveries as CollectionSlug,
        where: { eventId: { equals: eventId } },
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
      const delivery = docs[0] as
        { id: string; status: string; attempts?: number; lastStatusCode?: number; lastError?: string } | undefined
      if (delivery && (delivery.attempts ?? 0) > 0) {
        return json({
          delivery: delivery.id,
          eventId,
          status: delivery.status,
          statusCode: delivery.lastStatusCode ?? null,
          error: delivery.lastError ?? null,
        })
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    return json({ eventId, status: 'pending', error: 'no answer yet; see the delivery log' }, 202)
  }

/** `POST /api/webhooks/:id/rotate-secret`: a new secret, returned in this response only. */
const rotateSecret =
  (options: SanitizedWebhooksOptions): PayloadHandler =>
  async (req) => {
    const found = await manageableWebhook(req, options)
    if (found.error) return found.error
    const secret = generateSecret()
    await updateWebhook(req.payload, options, String(found.webhook.id), { secret, secretRevealed: true }, req, {
      [SECRET_SET_BY_PLUGIN]: true,
    })
    return json({ secret, message: 'store this secret now: it is not shown again' })
  }

/**
 * `POST /api/webhooks/:id/reveal-secret`: the current secret, once. The admin calls it right after a
 * webhook is created; afterwards it answers 409 and only a rotation yields a readable secret again.
 */
const revealSecret =
  (options: SanitizedWebhooksOptions): PayloadHandler =>
  async (req) => {
    const found = await manageableWebhook(req, options)
    if (found.error) return found.error
    const claimed = await req.payload.db.updateOne({
      collection: options.slugs.webhooks as CollectionSlug,
      where: { and: [{ id: { equals: found.webhook.id } }, { secretRevealed: { not_equals: true } }] },
      data: { secretRevealed: true },
    })
    if (!claimed || !found.webhook.secret) {
      return json({ errors: [{ message: 'this secret was shown once already; rotate it to get a new one' }] }, 409)
    }
    return json({ secret: found.webhook.secret, message: 'store this secret now: it is not shown again' })
  }

export const webhookEndpoints = (options: SanitizedWebhooksOptions): Endpoint[] => [
  { path: '/:id/test', method: 'post', handler: sendTest(options) },
  { path: '/:id/rotate-secret', method: 'post', handler: rotateSecret(options) },
  { path: '/:id/reveal-secret', method: 'post', handler: revealSecret(options) },
]
