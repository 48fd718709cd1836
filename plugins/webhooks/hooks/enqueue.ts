import { randomUUID } from 'node:crypto'

import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  CollectionSlug,
  Payload,
  PayloadRequest,
} from 'payload'

import { buildEventBody } from '../core/body'
import { eventCacheTags, type TaggedDocument } from '../core/cacheTags'
import { eventForDelete, eventForSave, subscribes } from '../core/events'
import { nextSequence, orderKeyOf } from '../core/order'
import { enqueue, findWebhooks, type NewDelivery } from '../server/queue'
import { documentsShowing, idsOf, type RawDoc, readMain, taggedDocument } from '../server/subjects'
import { existingWorker } from '../server/worker'
import type { SanitizedWebhooksOptions, SubjectType, WebhookEvent } from '../types'

/** Set `req.context[SKIP_WEBHOOKS] = true` to write without sending events (e.g. a bulk fix you announce yourself). */
export const SKIP_WEBHOOKS = 'skipWebhooks'

type Before = { main?: RawDoc; shownIn?: TaggedDocument[] }

// Per request and document; on req.context Payload may hand hooks a frozen object.
const before = new WeakMap<PayloadRequest, Map<string, Before>>()
const key = (collection: string, id: string) => `${collection}:${id}`
const stash = (req: PayloadRequest, k: string, value: Before) => {
  const map = before.get(req) ?? new Map<string, Before>()
  before.set(req, map)
  map.set(k, value)
}

/** Queues one delivery per subscribed webhook; the save's own transaction (via `req`) carries the rows. */
const queueEvent = async (
  req: PayloadRequest,
  options: SanitizedWebhooksOptions,
  args: {
    event: WebhookEvent
    type: SubjectType
    collection: string
    id: string
    doc: RawDoc
    previousMain?: RawDoc
    shownIn?: TaggedDocument[]
  },
) => {
  const { payload } = req
  const webhooks = (await findWebhooks(payload, options, req)).filter((webhook) =>
    subscribes(webhook, args.event, args.collection),
  )
  if (webhooks.length === 0) return
  const previous = args.previousMain
    ? await taggedDocument(payload, options, req, args.type, args.previousMain)
    : undefined
  const tagged = await taggedDocument(payload, options, req, args.type, args.doc)
  const shownIn =
    args.shownIn ?? (await documentsShowing(payload, options, req, args.type, args.id, idsOf(args.doc.related)))
  const cacheTags = eventCacheTags({ doc: tagged, previous, shownIn })
  const occurredAt = new Date()
  const slug = args.doc.slug ?? null
  const rows: NewDelivery[] = webhooks.map((webhook) => {
    const eventId = `evt_${randomUUID()}`
    const body = buildEventBody({
      eventId,
      type: args.event,
      occurredAt,
      locale: typeof req.locale === 'string' && req.locale !== 'all' ? req.locale : null,
      cacheTags,
      settings: options,
      subject: {
        type: args.type,
        collection: args.collection,
        id: args.id,
        slug,
        previousSlug: previous?.slug ?? undefined,
        status:
          args.event === 'delete'
            ? null
            : (args.doc._status ?? (args.type === 'glossary' || args.type === 'tag' ? 'published' : null)),
        glossary: tagged.glossary,
        previousGlossary: previous ? (previous.glossary ?? null) : undefined,
      },
    })
    return {
      webhook: String(webhook.id),
      event: args.event,
      eventId,
      summary: `${args.event} ${args.type}:${slug ?? args.id}`,
      collectionSlug: args.collection,
      documentId: args.id,
      documentSlug: slug,
      target: webhook.url,
      body: JSON.stringify(body),
      orderKey: orderKeyOf(String(webhook.id), args.collection, args.id),
      sequence: nextSequence(),
      nextAttemptAt: occurredAt.toISOString(),
    }
  })
  await enqueue(payload, options, rows, req)
  existingWorker(payload)?.wake()
}

const hasDrafts = (payload: Payload, collection: string) =>
  Boolean(payload.collections[collection as CollectionSlug]?.config.versions?.drafts)

/** Remembers the public row as it was, to tell publish from update and to tag the old slug's pages. */
export const rememberBeforeChange =
  (_options: SanitizedWebhooksOptions, _type: SubjectType): CollectionBeforeChangeHook =>
  async ({ collection, data, operation, originalDoc, req }) => {
    if (req.context?.[SKIP_WEBHOOKS] || operation !== 'update' || !originalDoc?.id) return data
    const id = String(originalDoc.id)
    stash(req, key(collection.slug, id), { main: await readMain(req.payload, req, collection.slug, id) })
    return data
  }

/**
 * Publish, unpublish and update of a published document, from the public row before and after the save.
 * Glossaries and tags have no drafts: creating one publishes it, saving it again is an update.
 */
export const queueAfterChange =
  (options: SanitizedWebhooksOptions, type: SubjectType): CollectionAfterChangeHook =>
  async ({ collection, doc, operation, req }) => {
    if (req.context?.[SKIP_WEBHOOKS]) return doc
    const id = String(doc.id)
    const was = before.get(req)?.get(key(collection.slug, id))
    before.get(req)?.delete(key(collection.slug, id))
    const drafts = hasDrafts(req.payload, collection.slug)
    let event: WebhookEvent | undefined
    let current: RawDoc = doc as RawDoc
    if (!drafts) {
      event = operation === 'create' ? 'publish' : 'update'
    } else {
      const wrotePublic = (doc as RawDoc)._status === 'published'
      const main = wrotePublic ? undefined : await readMain(req.payload, req, collection.slug, id)
      if (main) current = { ...doc, _status: main._status } as RawDoc
      event = eventForSave({
        wasPublic: operation === 'update' && was?.main?._status === 'published',
        isPublic: wrotePublic || main?._status === 'published',
        wrotePublic,
      })
    }
    if (!event) return doc
    await queueEvent(req, options, {
      event,
      type,
      collection: collection.slug,
      id,
      doc: current,
      previousMain: was?.main,
    })
    return doc
  }

/** Finds the documents showing this one while their relation rows still exist. */
export const rememberBeforeDelete =
  (options: SanitizedWebhooksOptions, type: SubjectType): CollectionBeforeDeleteHook =>
  async ({ collection, id, req }) => {
    if (req.context?.[SKIP_WEBHOOKS]) return
    const listening = (await findWebhooks(req.payload, options, req)).some((webhook) =>
      subscribes(webhook, 'delete', collection.slug),
    )
    if (!listening) return
    const docId = String(id)
    const main = await readMain(req.payload, req, collection.slug, docId)
    if (!main) return
    const wasPublic = !hasDrafts(req.payload, collection.slug) || main._status === 'published'
    if (!wasPublic) return
    const shownIn = await documentsShowing(req.payload, options, req, type, docId, idsOf(main.related))
    stash(req, key(collection.slug, docId), { main, shownIn })
  }

/** A delete event for a document storefronts could see, with the tags found before it went. */
export const queueAfterDelete =
  (options: SanitizedWebhooksOptions, type: SubjectType): CollectionAfterDeleteHook =>
  async ({ collection, doc, id, req }) => {
    if (req.context?.[SKIP_WEBHOOKS]) return doc
    const docId = String(id ?? doc.id)
    const was = before.get(req)?.get(key(collection.slug, docId))
    before.get(req)?.delete(key(collection.slug, docId))
    const event = eventForDelete(Boolean(was))
    if (!event || !was?.main) return doc
    await queueEvent(req, options, {
      event,
      type,
      collection: collection.slug,
      id: docId,
      doc: { ...was.main, id: docId },
      shownIn: was.shownIn,
    })
    return doc
  }
