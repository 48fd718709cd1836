import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { runSeedCommand } from '../../seed/cli'
import { importCorpus } from '../../seed/import'
import { parseDocuments } from '../../seed/parse'
import { DEFAULT_DOCUMENTS_DIR } from '../../seed/read'
import { sampleFiles, sampleManifest } from '../../seed/test/fixtures'
import { startPayload } from '../helpers/payload'

const SEEDED = ['glossaries', 'tags', 'glossary-terms', 'case-studies', 'playbooks'] as const

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
})
afterAll(async () => {
  await payload?.destroy()
})

/** Every seeded record as `collection/slug@status`, sorted: the state two imports must agree on. */
const snapshot = async () => {
  const rows: string[] = []
  for (const collection of SEEDED) {
    const { docs } = await payload.find({ collection, limit: 1000, draft: true, depth: 0, pagination: false })
    for (const doc of docs as { slug: string; _status?: string }[])
      rows.push(`${collection}/${doc.slug}@${doc._status ?? '-'}`)
  }
  return rows.sort()
}

const collect = () => {
  let text = ''
  return { write: (chunk: string) => void (text += chunk), text: () => text }
}

describe('hostile files in the documents folder', () => {
  it('are reported by name and reason and skipped, and the real documents are still imported', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-hostile-'))
    for (const name of fs.readdirSync(DEFAULT_DOCUMENTS_DIR))
      fs.copyFileSync(path.join(DEFAULT_DOCUMENTS_DIR, name), path.join(dir, name))
    // One real page rewritten with a byte-order mark and CRLF line ends: still a good page.
    const original = fs.readFileSync(path.join(dir, '003_62d5ce0ec09fda94.txt'), 'utf8')
    fs.writeFileSync(path.join(dir, '003_62d5ce0ec09fda94.txt'), '\ufeff' + original.replace(/\n/g, '\r\n'))
    fs.writeFileSync(path.join(dir, 'empty.txt'), '')
    fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)))
    fs.writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a, 0xff, 0xfe, 0x41]))
    fs.writeFileSync(path.join(dir, 'huge.txt'), Buffer.alloc(50 * 1024 * 1024, 'あいう\n'))
    const blurb = original.split('\n').slice(0, 4).join('\n')
    fs.writeFileSync(path.join(dir, 'boilerplate.txt'), `${blurb}\n続きを読んでみる\nカテゴリー\nタグ一覧\n`)

    const stdout = collect()
    const stderr = collect()
    const code = await runSeedCommand(['--dir', dir, '--publish'], { payload, stdout, stderr, progressBar: false })
    expect(code, stderr.text()).toBe(0)
    for (const bad of ['empty.txt', 'binary.txt', 'latin1.txt', 'huge.txt', 'boilerplate.txt']) {
      expect(stderr.text() + stdout.text(), `${bad} is reported`).toContain(bad)
    }
    const utm = await payload.find({ collection: 'glossary-terms', where: { slug: { equals: 'utm-code' } } })
    expect(utm.docs[0]?._status).toBe('published')
    expect(JSON.stringify(utm.docs[0]?.body)).not.toContain('\r')
    expect(JSON.stringify(utm.docs[0]?.body)).not.toContain('\ufeff')
    expect((await payload.count({ collection: 'case-studies' })).totalDocs).toBe(4)
  })
})

describe('an import that fails halfway', () => {
  it('re-run, reaches exactly the state of an uninterrupted import', async () => {
    const corpus = parseDocuments(sampleFiles(), { manifest: sampleManifest() })
    const clean = await snapshot() // what the hostile-files import above wrote: the full, uninterrupted result

    // Start over in fresh collections: delete everything the seed wrote, then fail after 10 records.
    for (const collection of [...SEEDED].reverse())
      await payload.delete({ collection, where: { id: { exists: true } } })
    expect(await snapshot()).toEqual([])
    let written = 0
    const failing = importCorpus(payload, corpus, {
      publish: true,
      onProgress: () => {
        written += 1
        if (written === 10) throw new Error('injected failure after 10 records')
      },
    })
    await expect(failing).rejects.toThrow('injected failure after 10 records')
    const partial = await snapshot()
    expect(partial.length).toBeGreaterThan(0)
    expect(partial.length).toBeLessThan(clean.length)

    const resumed = await importCorpus(payload, corpus, { publish: true })
    expect(resumed.records.length).toBeGreaterThan(0)
    expect(await snapshot()).toEqual(clean)
    const again = await importCorpus(payload, corpus, { publish: true })
    expect(again.unchanged).toBe(true)
  })
})
