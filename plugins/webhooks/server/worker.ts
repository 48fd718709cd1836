import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

import { describeOutcome, nextStep } from '../core/backoff'
import { deliverableNow } from '../core/order'
import { SIGNATURE_HEADER, signBody } from '../core/signature'
import type { SanitizedWebhooksOptions } from '../types'
import {
  claimDelivery,
  type DeliveryRecord,
  dueDeliveries,
  findWebhook,
  finishAttempt,
  openDeliveriesOf,
  pruneDeliveries,
} from './queue'
import { sendDelivery } from './send'

const BATCH = 100
const PRUNE_EVERY_MS = 60 * 60 * 1000
// After a local save the worker polls fast for a moment: the save's transaction commits after its hooks run.
const WAKE_POLL_MS = 20
const WAKE_WINDOW_MS = 1000

const idOf = (value: DeliveryRecord['webhook']): string | undefined =>
  value === null || value === undefined ? undefined : typeof value === 'object' ? String(value.id) : String(value)

/**
 * Sends queued deliveries: polls for due ones, claims each (one instance wins), sends it signed and records
 * the outcome. One per document at a time, in queue order; up to `concurrency` documents in parallel.
 */
export class DeliveryWorker {
  readonly instance = `worker-${randomUUID()}`
  #timer: NodeJS.Timeout | undefined
  #running = false
  #stopped = false
  #fastUntil = 0
  #again = false
  #lastPrune = 0
  #inFlight = new Set<Promise<void>>()

  constructor(
    private readonly payload: Payload,
    private readonly options: SanitizedWebhooksOptions,
  ) {}

  start(): void {
    if (this.#stopped || this.#timer) return
    this.#schedule(0)
  }

  /** Stops polling and waits for sends in flight (each is bounded by the timeout). */
  async stop(): Promise<void> {
    this.#stopped = true
    clearTimeout(this.#timer)
    this.#timer = undefined
    await Promise.allSettled([...this.#inFlight])
  }

  /** A local save queued something: look now, and keep looking quickly until its transaction has committed. */
  wake(): void {
    if (this.#stopped || !this.#timer) return
    this.#fastUntil = Date.now() + WAKE_WINDOW_MS
    if (this.#running) this.#again = true
    else this.#schedule(0)
  }

  #schedule(delay: number): void {
    clearTimeout(this.#timer)
    if (this.#stopped) return
    this.#timer = setTimeout(() => void this.#cycle(), delay)
    this.#timer.unref()
  }

  async #cycle(): Promise<void> {
    if (this.#running || this.#stopped) return
    this.#running = true
    let sent = 0
    try {
      this.#again = false
      sent = await this.runOnce()
      await this.#maybePrune()
    } catch (error) {
      this.payload.logger.error({ err: error, msg: 'webhooks: delivery cycle failed; will retry' })
    } finally {
      this.#running = false
    }
    const fast = sent > 0 || this.#again || Date.now() < this.#fastUntil
    this.#schedule(fast ? (sent > 0 || this.#again ? 0 : WAKE_POLL_MS) : this.options.worker.pollIntervalMs)
  }

  /** One pass: claims and sends what may go now; resolves when those sends are recorded. Returns how many. */
  async runOnce(): Promise<number> {
    const now = new Date()
    const due = await dueDeliveries(this.payload, this.options, now, BATCH)
    if (due.length === 0) return 0
    const keys = [...new Set(due.map((row) => row.orderKey))]
    const open = await openDeliveriesOf(this.payload, this.options, keys, Math.max(...due.map((row) => row.sequence)))
    const ready = deliverableNow(due, open)
    let next = 0
    let sent = 0
    const lane = async () => {
      while (next < ready.length && !this.#stopped) {
        const row = ready[next++]!
        if (await this.#deliver(row.id)) sent += 1
      }
    }
    const lanes = Array.from({ length: Math.min(this.options.worker.concurrency, ready.length) }, lane)
    const all = Promise.all(lanes).then(() => undefined)
    this.#inFlight.add(all)
    await all.finally(() => this.#inFlight.delete(all))
    return sent
  }

  async #deliver(id: string): Promise<boolean> {
    const now = new Date()
    const leaseMs = this.options.timeoutMs + 30_000
    const delivery = await claimDelivery(this.payload, this.options, {
      id,
      instance: this.instance,
      now,
      until: new Date(now.getTime() + leaseMs),
    })
    if (!delivery) return false
    const attempt = (delivery.attempts ?? 0) + 1
    const webhookId = idOf(delivery.webhook)
    const webhook = webhookId ? await findWebhook(this.payload, this.options, webhookId) : undefined
    const result =
      !webhook || !webhook.secret
        ? {
            outcome: { kind: 'refused' as const, message: 'the webhook was deleted' },
            durationMs: 0,
            responseSnippet: undefined,
          }
        : webhook.enabled === false && delivery.event !== 'test'
          ? {
              outcome: { kind: 'refused' as const, message: 'the webhook is disabled' },
              durationMs: 0,
              responseSnippet: undefined,
            }
          : await sendDelivery({
              url: webhook.url,
              body: delivery.body,
              timeoutMs: this.options.timeoutMs,
              allowPrivate: this.options.allowPrivateTargets,
              headers: {
                'Content-Type': 'application/json; charset=utf-8',
                'User-Agent': 'commerce-content-hub-webhooks/1',
                [SIGNATURE_HEADER]: signBody(webhook.secret, delivery.body),
                'X-Hub-Event': delivery.event,
                'X-Hub-Event-Id': delivery.eventId,
                'X-Hub-Delivery-Attempt': String(attempt),
              },
            })
    const step = nextStep(this.options.retry, attempt, result.outcome)
    const finishedAt = new Date()
    const status = result.outcome.kind === 'response' ? result.outcome.status : null
    await finishAttempt(this.payload, this.options, {
      id,
      instance: this.instance,
      data: {
        status: step.status,
        attempts: attempt,
        target: webhook?.url ?? null,
        lastStatusCode: status,
        lastResponse: result.responseSnippet ?? null,
        lastError:
          step.status === 'delivered' ? null : step.status === 'failed' ? step.reason : describeOutcome(result.outcome),
        lastDurationMs: result.durationMs,
        nextAttemptAt: step.status === 'pending' ? new Date(finishedAt.getTime() + step.delayMs).toISOString() : null,
        deliveredAt: step.status === 'delivered' ? finishedAt.toISOString() : null,
      },
    })
    return true
  }

  async #maybePrune(): Promise<void> {
    const now = Date.now()
    if (now - this.#lastPrune < PRUNE_EVERY_MS) return
    this.#lastPrune = now
    await pruneDeliveries(this.payload, this.options, new Date(now - this.options.retentionMs))
  }
}

const workers = new WeakMap<Payload, DeliveryWorker>()

export const existingWorker = (payload: Payload): DeliveryWorker | undefined => workers.get(payload)

/** Starts this instance's worker and stops it (waiting for sends in flight) when the instance is destroyed. */
export const startWorker = (payload: Payload, options: SanitizedWebhooksOptions): DeliveryWorker => {
  const known = workers.get(payload)
  if (known) return known
  const worker = new DeliveryWorker(payload, options)
  workers.set(payload, worker)
  const destroy = payload.destroy.bind(payload)
  payload.destroy = async () => {
    await worker.stop()
    return destroy()
  }
  worker.start()
  return worker
}
