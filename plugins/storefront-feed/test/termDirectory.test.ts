import { getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { config, startPayload } from '../../../test/helpers/payload'
import type { SourceDoc, TermSource } from '../core/items'
import type { TermDirectory } from '../core/termDirectory'
import { findDocs } from '../server/db'
import { readHead } from '../server/journalStore'
import { loadLookups } from '../server/lookups'
import { existingFeedRuntime, type FeedRuntime } from '../server/runtime'
import { TermDirectoryKeeper } from '../server/termDirectory'
import { createGlossary, createTerm, getFeed } from './helpers'

let payload: Payload
let other: Payload
let glossaries: string[]

beforeAll(async () => {
  payload = await startPayload()
  other = await getPayload({ config, key: 'term-directory-writer' })
  glossaries = [
    String((await createGlossary(payload, { slug: 'kiln-glossary' })).id),
    String((await createGlossary(payload, { slug: 'glaze-glossary' })).id),
  ]
})

afterAll(async () => {
  await other?.destroy()
  await payload?.destroy()
})

const runtime = (): FeedRuntime => existingFeedRuntime(payload)!

/** The directory caught up to the journal's head, once the feed's first page has started reading it. */
const directoryNow = async (): Promise<TermDirectory> => {
  await getFeed('limit=1')
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const head = await readHead(payload, runtime().options.changesCollection)
    const directory = await runtime().terms.at(head.sequence)
    if (directory) return directory
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error('the term directory was never read')
}

/** Every published term as the page builder reads it. */
const publishedTerms = async (): Promise<SourceDoc[]> => {
  const docs = await findDocs<TermSource>(payload, {
    collection: 'glossary-terms',
    publishedOnly: true,
    select: { sources: false },
  })
  return docs.map((doc) => ({ type: 'glossary-term', doc: { ...doc, id: String(doc.id) } }) as SourceDoc)
}

const prng = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff
  return seed / 0x7fffffff
}

describe('the feed’s term directory', () => {
  it.each([7, 23])(
    'gives every page the same lookups as the database through edits here and on another instance (seed %i)',
    async (seed) => {
      const random = prng(seed)
      const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!
      const terms: string[] = []
      for (let i = 0; i < 5; i += 1)
        terms.push(String((await createTerm(payload, { glossary: pick(glossaries), slug: `d${seed}-t${i}` })).id))
      await directoryNow()

      const writers = [payload, other]
      const operations: ((writer: Payload) => Promise<unknown>)[] = [
        async (writer) =>
          terms.push(
            String(
              (
                await createTerm(writer, {
                  glossary: pick(glossaries),
                  slug: `d${seed}-n${terms.length}`,
                  related: [pick(terms), pick(terms)],
                })
              ).id,
            ),
          ),
        (writer) =>
          writer.update({
            collection: 'glossary-terms',
            id: pick(terms),
            data: { related: [pick(terms), pick(terms)] },
          }),
        (writer) => writer.update({ collection: 'glossary-terms', id: pick(terms), data: { related: [] } }),
        (writer) => writer.update({ collection: 'glossary-terms', id: pick(terms), data: { term: `釉薬${random()}` } }),
        (writer) =>
          writer.update({
            collection: 'glossary-terms',
            id: pick(terms),
            locale: 'en',
            data: { term: `Glaze ${random()}` },
          }),
        (writer) =>
          writer.update({ collection: 'glossary-terms', id: pick(terms), data: { slug: `d${seed}-s${random()}` } }),
        (writer) =>
          writer.update({ collection: 'glossary-terms', id: pick(terms), data: { glossary: pick(glossaries) } }),
        (writer) => writer.update({ collection: 'glossary-terms', id: pick(terms), data: { _status: 'draft' } }),
        (writer) => writer.update({ collection: 'glossary-terms', id: pick(terms), data: { _status: 'published' } }),
        // A draft edit changes nothing a reader sees.
        (writer) =>
          writer.update({
            collection: 'glossary-terms',
            id: pick(terms),
            draft: true,
            data: { related: [pick(terms)] },
          }),
        async (writer) => {
          if (terms.length < 3) return
          const [id] = terms.splice(Math.floor(random() * terms.length), 1)
          await writer.delete({ collection: 'glossary-terms', id: id! })
        },
      ]

      for (let round = 0; round < 5; round += 1) {
        for (let step = 0; step < 6; step += 1) await pick(operations)(pick(writers))
        const directory = await directoryNow()
        const sources = await publishedTerms()
        const fromMemory = await loadLookups(payload, runtime().options, sources, directory)
        const fromDatabase = await loadLookups(payload, runtime().options, sources)
        expect(Object.fromEntries(fromMemory.terms)).toEqual(Object.fromEntries(fromDatabase.terms))
        expect(Object.fromEntries(fromMemory.reverseRelated)).toEqual(Object.fromEntries(fromDatabase.reverseRelated))
        expect(Object.fromEntries(fromMemory.glossaries)).toEqual(Object.fromEntries(fromDatabase.glossaries))
      }
    },
  )

  it('shows a term that starts listing a page term as related, and drops it once unpublished', async () => {
    const target = await createTerm(payload, { glossary: glossaries[0]!, slug: 'bisque-firing', term: '素焼き' })
    await directoryNow()
    const relatedOf = async () => {
      // As this instance's poller would: it sees the journal moved and drops its cached pages.
      await runtime().pollOnce()
      return (await getFeed('type=glossary-term&limit=100')).json.items.find(
        (item: any) => item.id === `glossary-term:${target.id}`,
      )._hub.related
    }

    // Written by the other instance: this one learns it from the journal only.
    const lister = await createTerm(other, {
      glossary: glossaries[0]!,
      slug: 'glost-firing',
      related: [String(target.id)],
    })
    expect(await relatedOf()).toContain('glost-firing')
    await other.update({ collection: 'glossary-terms', id: lister.id, data: { _status: 'draft' } })
    expect(await relatedOf()).not.toContain('glost-firing')
  })

  it('reads every term and every journal row when they take many pages', async () => {
    const keeper = new TermDirectoryKeeper(payload, runtime().options, 2)
    const head = await readHead(payload, runtime().options.changesCollection)
    expect(await keeper.at(head.sequence)).toBeUndefined() // starts the read
    let directory: TermDirectory | undefined
    for (let attempt = 0; attempt < 200 && !directory; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 25))
      directory = await keeper.at(head.sequence)
    }
    const sources = await publishedTerms()
    expect(directory!.size).toBe(sources.length)
    // Five changes after the read: caught up two journal rows at a time.
    for (const source of sources.slice(0, 5))
      await other.update({ collection: 'glossary-terms', id: source.doc.id, data: { related: [sources[5]!.doc.id] } })
    const later = await readHead(payload, runtime().options.changesCollection)
    const caughtUp = (await keeper.at(later.sequence))!
    expect(caughtUp.listedBy(sources[5]!.doc.id).sort()).toEqual(
      sources
        .slice(0, 5)
        .map((s) => s.doc.id)
        .sort(),
    )
    const fromDatabase = await loadLookups(payload, runtime().options, await publishedTerms())
    const fromMemory = await loadLookups(payload, runtime().options, await publishedTerms(), caughtUp)
    expect(Object.fromEntries(fromMemory.reverseRelated)).toEqual(Object.fromEntries(fromDatabase.reverseRelated))
  })
})
