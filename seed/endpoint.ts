import fs from 'node:fs'
import path from 'node:path'

import type { Endpoint, Payload, PayloadHandler } from 'payload'

import { hasRole } from '../src/access/roles'
import { importCorpus, type ImportProgress } from './import/importCorpus'
import { parseDocuments } from './parse'
import { DEFAULT_DOCUMENTS_DIR, loadManifest, readDocumentsFolder } from './read'

/** A bundled server knows its source folder only by the working directory `npm start` runs in. */
const sampleDir = (): string =>
  fs.existsSync(path.join(DEFAULT_DOCUMENTS_DIR, 'manifest.json'))
    ? DEFAULT_DOCUMENTS_DIR
    : path.resolve('seed', 'documents')

/** What the dashboard needs to know: is there anything yet (the offer shows only in an empty hub)? */
export const hubIsEmpty = async (payload: Payload): Promise<boolean> => {
  const counts = await Promise.all(
    (['glossary-terms', 'case-studies', 'playbooks'] as const).map((collection) =>
      payload.count({ collection, overrideAccess: true }).then((result) => result.totalDocs),
    ),
  )
  return counts.every((count) => count === 0)
}

let running = false

/**
 * `POST /api/hub/import-sample` (admins only): `npm run seed -- --publish` through the Local API, streamed
 * as NDJSON — one `{ "done", "total", "collection", "label" }` line per record, then `{ "counts" }` or `{ "error" }`.
 */
const handler: PayloadHandler = async (req) => {
  if (!hasRole(req.user, 'admin')) {
    return Response.json({ errors: [{ message: 'only an admin can import the sample content' }] }, { status: 403 })
  }
  if (running) return Response.json({ errors: [{ message: 'an import is already running' }] }, { status: 409 })
  const dir = sampleDir()
  let corpus: ReturnType<typeof parseDocuments>
  try {
    const { manifest } = await loadManifest(dir)
    corpus = parseDocuments(await readDocumentsFolder(dir), { manifest })
  } catch (error) {
    return Response.json(
      { errors: [{ message: `cannot read the sample documents in ${dir}: ${(error as Error).message}` }] },
      { status: 503 },
    )
  }
  const payload = req.payload
  running = true
  const encoder = new TextEncoder()
  const body = new ReadableStream<Uint8Array>({
    start: async (controller) => {
      const send = (value: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`))
      try {
        const result = await importCorpus(payload, corpus, {
          publish: true,
          onProgress: (progress: ImportProgress) =>
            send({
              done: progress.done,
              total: progress.total,
              collection: progress.collection,
              label: progress.label,
            }),
        })
        send({ counts: result.counts })
      } catch (error) {
        payload.logger.error({ err: error, msg: 'sample import failed' })
        send({ error: `${(error as Error).message} — the import is safe to run again; it continues where it stopped` })
      } finally {
        running = false
        controller.close()
      }
    },
  })
  return new Response(body, {
    headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' },
  })
}

export const sampleImportEndpoints: Endpoint[] = [{ path: '/hub/import-sample', method: 'post', handler }]
