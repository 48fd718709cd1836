import type { Payload } from 'payload'

/** A failing poll warns once per streak, then about once a minute at a 2 s interval. */
const WARN_EVERY_FAILURES = 30

/**
 * Runs `poll` every `intervalMs` without keeping the process alive. Failures (e.g. the database is down) are
 * retried on the next tick and logged with `failureMessage`: once when a streak starts, then every 30th.
 */
export const startPoller = (
  payload: Payload,
  intervalMs: number,
  poll: () => Promise<unknown>,
  failureMessage: string,
): { stop: () => void } => {
  let failures = 0
  const timer = setInterval(() => {
    poll().then(
      () => (failures = 0),
      (error: unknown) => {
        if (failures++ % WARN_EVERY_FAILURES === 0) payload.logger.warn({ err: error }, failureMessage)
      },
    )
  }, intervalMs)
  timer.unref?.()
  return { stop: () => clearInterval(timer) }
}
