import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

import type { Payload } from 'payload'

import { importCorpus, SeedImportError, type ImportProgress } from './import/importCorpus'
import { startPayload } from './payload'
import { corpusReport, parseDocuments, type ParsedCorpus } from './parse'
import { ManifestError } from './parse/manifest'
import { DEFAULT_DOCUMENTS_DIR, DocumentsFolderError, loadManifest, readDocumentsFolder } from './read'
import { loadReading } from './reading'
import { documentLine, explainLines, importFootnotes, parseSummary, progressLine, summaryTable } from './report'

export const USAGE = `Seed the hub from page dumps (.txt, UTF-8).

Usage: npm run seed -- [--dir <folder>] [--dry-run [--explain]] [--json] [--publish] [--force]

  --dir <folder>     documents to import (default: seed/documents)
  --manifest <file>  names, slugs and links the text cannot give (default: <folder>/manifest.json,
                     else seed/documents/manifest.json)
  --dry-run          parse and report; write nothing
  --explain          with --dry-run: for every file, the page family it was read as and why, each entry
                     found (heading → term) or rejected, and each block dropped
  --json             print one JSON object on stdout (logs go to stderr)
  --publish          publish full terms, case studies and playbooks (excerpt terms stay drafts)
  --force            overwrite records edited since the last seed
  --strict           exit 1 when a document is rejected (default: report it and import the rest)
  -h, --help         show this help

Exit codes: 0 done, 1 import failed (or a rejected document with --strict), 2 bad usage or no documents.`

export interface SeedArgs {
  dir: string
  manifest?: string
  dryRun: boolean
  explain: boolean
  json: boolean
  publish: boolean
  force: boolean
  strict: boolean
  help: boolean
}

export const parseSeedArgs = (argv: string[]): { ok: true; args: SeedArgs } | { ok: false; error: string } => {
  try {
    const { values } = parseArgs({
      args: argv,
      allowPositionals: false,
      strict: true,
      options: {
        dir: { type: 'string' },
        manifest: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        explain: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        publish: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
    if (values.dir !== undefined && values.dir.trim() === '') return { ok: false, error: '--dir needs a folder' }
    if (values.explain && !values['dry-run'])
      return { ok: false, error: '--explain works with --dry-run (add --dry-run)' }
    return {
      ok: true,
      args: {
        dir: path.resolve(values.dir ?? DEFAULT_DOCUMENTS_DIR),
        manifest: values.manifest ? path.resolve(values.manifest) : undefined,
        dryRun: values['dry-run'] ?? false,
        explain: values.explain ?? false,
        json: values.json ?? false,
        publish: values.publish ?? false,
        force: values.force ?? false,
        strict: values.strict ?? false,
        help: values.help ?? false,
      },
    }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
}

interface Output {
  write: (text: string) => unknown
}

export interface SeedCommandOptions {
  /** Use this Payload instance (and leave it open) instead of starting one from payload.config. */
  payload?: Payload
  stdout?: Output
  stderr?: Output
  /** Show a progress bar instead of one line per record (default: when stderr is a terminal). */
  progressBar?: boolean
}

/** Sends stdout to stderr while Payload and its database drivers may print, so --json output stays clean. */
const routeStdoutToStderr = (): (() => void) => {
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write
  return () => {
    process.stdout.write = write
  }
}

const progressReporter = async (stderr: Output, useBar: boolean) => {
  if (!useBar) return { update: (p: ImportProgress) => stderr.write(`${progressLine(p)}\n`), stop: () => {} }
  const { default: cliProgress } = await import('cli-progress')
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: '  seeding [{bar}] {value}/{total}  {collection} {slug}',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  )
  let started = false
  return {
    update: (p: ImportProgress) => {
      if (!started) {
        bar.start(p.total, 0, { collection: '', slug: '' })
        started = true
      }
      bar.update(p.done, { collection: p.collection, slug: p.slug })
    },
    stop: () => {
      if (started) bar.stop()
    },
  }
}

/**
 * The seed command: reads the documents, parses them, and (unless --dry-run) writes them through
 * Payload's Local API. Returns the exit code; never exits the process.
 */
export const runSeedCommand = async (argv: string[], options: SeedCommandOptions = {}): Promise<number> => {
  const parsed = parseSeedArgs(argv)
  if (!parsed.ok) {
    ;(options.stderr ?? process.stderr).write(`seed: ${parsed.error}\n\n${USAGE}\n`)
    return 2
  }
  return runSeed(parsed.args, options)
}

/** Terms whose slug fell back to a hash though their name could be read aloud. */
const needsReadings = (corpus: ParsedCorpus) =>
  corpus.terms.some((term) => /^term-/.test(term.slug) && /\p{Script=Han}/u.test(term.term))

/** The seed command on arguments already parsed (see parseSeedArgs). */
export const runSeed = async (args: SeedArgs, options: SeedCommandOptions = {}): Promise<number> => {
  const stdout = options.stdout ?? process.stdout
  const stderr = options.stderr ?? process.stderr
  const log = (line: string) => stderr.write(`${line}\n`)
  if (args.help) {
    stdout.write(`${USAGE}\n`)
    return 0
  }

  let corpus: ParsedCorpus
  try {
    const files = await readDocumentsFolder(args.dir)
    if (files.length === 0) {
      log(`seed: no .txt documents in ${args.dir}`)
      return 2
    }
    const { manifest, source, shared } = await loadManifest(args.dir, args.manifest)
    log(`Reading ${files.length} documents from ${args.dir} (manifest: ${source})`)
    corpus = parseDocuments(files, { manifest, warnUnmatchedManifest: !shared })
    // Kanji names without an English name get romanized slugs from kuromoji's readings (loaded only then).
    if (needsReadings(corpus))
      corpus = parseDocuments(files, { manifest, warnUnmatchedManifest: !shared, reading: await loadReading() })
  } catch (error) {
    if (error instanceof DocumentsFolderError || error instanceof ManifestError) {
      log(`seed: ${error.message}`)
      return 2
    }
    throw error
  }

  for (const doc of corpus.documents) log(documentLine(doc))
  for (const error of corpus.errors) log(`  ✗ ${error.file}: ${error.reason} — skipped`)
  for (const warning of corpus.warnings) log(`  ! ${warning.file ? `${warning.file}: ` : ''}${warning.message}`)
  log(parseSummary(corpus))
  const rejected = corpus.errors.length > 0
  const nothingToImport = corpus.documents.every((doc) => doc.family === 'nothing importable')
  const parseExit = nothingToImport || (rejected && args.strict) ? 1 : 0

  if (args.dryRun) {
    if (args.json) {
      const report = corpusReport(corpus)
      stdout.write(
        `${JSON.stringify(args.explain ? { ...report, explanations: corpus.explanations } : report, null, 2)}\n`,
      )
    } else {
      if (args.explain)
        for (const explanation of corpus.explanations) stdout.write(`${explainLines(explanation).join('\n')}\n`)
      stdout.write(`${parseSummary(corpus)}. Nothing written (--dry-run).\n`)
    }
    return parseExit
  }
  if (nothingToImport) {
    log('seed: no document holds anything importable; nothing to import')
    if (args.json) stdout.write(`${JSON.stringify({ errors: corpus.errors, warnings: corpus.warnings })}\n`)
    return 1
  }

  const ownPayload = !options.payload
  const restoreStdout = stdout === process.stdout ? routeStdoutToStderr() : () => {}
  let payload: Payload | undefined = options.payload
  const progress = await progressReporter(stderr, options.progressBar ?? Boolean(process.stderr.isTTY))
  try {
    payload ??= await startPayload()
    const result = await importCorpus(payload, corpus, {
      publish: args.publish,
      force: args.force,
      onProgress: progress.update,
    })
    progress.stop()
    restoreStdout()
    if (args.json) {
      stdout.write(
        `${JSON.stringify({ counts: result.counts, unchanged: result.unchanged, records: result.records, errors: corpus.errors, warnings: corpus.warnings }, null, 2)}\n`,
      )
    } else {
      stdout.write(`${summaryTable(result.counts)}\n`)
      for (const line of importFootnotes(result)) stdout.write(`${line}\n`)
    }
    return parseExit
  } catch (error) {
    progress.stop()
    restoreStdout()
    if (args.json) {
      const counts = error instanceof SeedImportError ? error.partial.counts : null
      stdout.write(
        `${JSON.stringify({ error: error instanceof Error ? error.message : String(error), counts }, null, 2)}\n`,
      )
    }
    if (error instanceof SeedImportError) {
      log(`seed: ${error.message}`)
      log(
        'Records written before the failure stay; fix the cause and run the seed again (it picks up where it stopped).',
      )
      log(summaryTable(error.partial.counts))
      return 1
    }
    log(`seed: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  } finally {
    restoreStdout()
    if (ownPayload) await payload?.destroy()
  }
}

const isMain = (() => {
  const entry = process.argv[1]
  return Boolean(entry) && path.resolve(entry as string) === fileURLToPath(import.meta.url)
})()

if (isMain) {
  let finished = false
  // Payload may end the process early (its SQLite development schema push prompts and exits without a
  // terminal; a module-loading deadlock empties the event loop): never let that pass as success.
  process.on('exit', () => {
    if (finished) return
    console.error(
      'seed: stopped before the import finished (Payload ended the process while starting; run the seed again — it picks up where it stopped)',
    )
    process.exitCode = 1
  })
  const main = async (): Promise<number> => {
    const parsed = parseSeedArgs(process.argv.slice(2))
    if (!parsed.ok) {
      console.error(`seed: ${parsed.error}\n\n${USAGE}`)
      return 2
    }
    // Only a run that writes needs a database; usage errors and a missing folder fail fast without one.
    if (parsed.args.dryRun || parsed.args.help) return runSeed(parsed.args)
    try {
      await readDocumentsFolder(parsed.args.dir)
    } catch (error) {
      if (error instanceof DocumentsFolderError) {
        console.error(`seed: ${error.message}`)
        return 2
      }
      throw error
    }
    const [{ prepareDatabase }, { explainStartupError }] = await Promise.all([
      import('../src/database/embedded'),
      import('../src/cli/preflight'),
    ])
    let database: Awaited<ReturnType<typeof prepareDatabase>> | undefined
    try {
      database = await prepareDatabase((line) => console.error(line))
      console.error(database.description)
    } catch (error) {
      console.error(`seed: cannot open the database: ${explainStartupError(error)}`)
      return 1
    }
    try {
      return await runSeed(parsed.args)
    } finally {
      await database.stop()
    }
  }
  main().then(
    (code) => {
      finished = true
      // Exit once stdout is flushed: a piped --json report is larger than one pipe buffer.
      process.stdout.write('', () => process.exit(code))
    },
    (error: unknown) => {
      finished = true
      console.error(`seed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      process.exit(1)
    },
  )
}
