/**
 * The editor side of the benchmark, in its own process on the hub's database file: seeds the published
 * items, then makes one published edit per `touch` message (Local API, hooks and journal included), so the
 * server under test sees a real change through its journal poll. Talks to the benchmark over IPC.
 */
import type { Payload } from 'payload'

import { preloadLexical } from '../../src/preloadLexical'

type Command = { seed: number } | { touch: number } | { stop: true }

await preloadLexical()
const { getPayload } = await import('payload')
const { default: config } = await import('../../payload.config')
const { seedBulk, seedLookups } = await import('../../plugins/storefront-feed/bench/seed')

const payload: Payload = await getPayload({ config })
let state: Awaited<ReturnType<typeof seedLookups>> | undefined

const send = (message: unknown) => process.send?.(message)

process.on('message', async (command: Command) => {
  try {
    if ('seed' in command) {
      const started = performance.now()
      state = await seedLookups(payload)
      const terms = Math.round(command.seed * 0.8)
      const caseStudies = Math.round(command.seed * 0.1)
      await seedBulk(
        payload,
        state,
        { terms, caseStudies, playbooks: command.seed - terms - caseStudies, related: true },
        () => {},
      )
      send({ seeded: state.terms.length, ms: performance.now() - started })
    } else if ('touch' in command) {
      const id = state!.terms[command.touch % state!.terms.length]!
      await payload.update({
        collection: 'glossary-terms',
        id,
        data: { summary: `ベンチ編集 ${command.touch} ${Date.now()}` },
      })
      send({ touched: id })
    } else {
      await payload.destroy()
      process.exit(0)
    }
  } catch (error) {
    send({ error: error instanceof Error ? error.message : String(error) })
  }
})
send({ ready: true })
