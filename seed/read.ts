import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { parseManifest, type Manifest } from './parse/manifest'
import type { SourceFile } from './parse/types'

/** The sample corpus shipped with the product; the import reads it by default. */
export const DEFAULT_DOCUMENTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'documents')
export const MANIFEST_FILE = 'manifest.json'
/** A page dump is tens of kilobytes; anything past this is not one, and is not read into memory. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024

/** The folder is missing or is not a folder (exit code 2). */
export class DocumentsFolderError extends Error {
  override name = 'DocumentsFolderError'
}

/** Every `.txt` file in a folder as raw bytes, in name order (the parser decodes and checks them). */
export const readDocumentsFolder = async (dir: string): Promise<SourceFile[]> => {
  let entries: string[]
  try {
    const stat = await fs.stat(dir)
    if (!stat.isDirectory())
      throw new DocumentsFolderError(`${dir} is not a folder; pass --dir <folder with .txt documents>`)
    entries = await fs.readdir(dir)
  } catch (error) {
    if (error instanceof DocumentsFolderError) throw error
    throw new DocumentsFolderError(`No documents folder at ${dir}; pass --dir <folder with .txt documents>`)
  }
  const names = entries.filter((name) => name.toLowerCase().endsWith('.txt')).sort()
  const files: SourceFile[] = []
  for (const name of names) {
    const full = path.join(dir, name)
    try {
      const stat = await fs.stat(full)
      if (!stat.isFile()) continue
      if (stat.size > MAX_DOCUMENT_BYTES) {
        files.push({
          name,
          rejected: `too large for a page dump (${stat.size} bytes; the limit is ${MAX_DOCUMENT_BYTES})`,
        })
        continue
      }
      files.push({ name, bytes: new Uint8Array(await fs.readFile(full)) })
    } catch (error) {
      files.push({ name, rejected: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` })
    }
  }
  return files
}

/**
 * The manifest for a folder: `manifest` when given, else `<dir>/manifest.json`, else the one shipped
 * with the sample corpus (so step keys and slugs stay stable for pages of the same site).
 */
export const loadManifest = async (
  dir: string,
  manifest?: string,
): Promise<{ manifest: Manifest; source: string; shared: boolean }> => {
  const candidates = manifest
    ? [manifest]
    : [path.join(dir, MANIFEST_FILE), path.join(DEFAULT_DOCUMENTS_DIR, MANIFEST_FILE)]
  for (const file of candidates) {
    let text: string
    try {
      text = await fs.readFile(file, 'utf8')
    } catch {
      if (manifest) throw new DocumentsFolderError(`No manifest at ${file}`)
      continue
    }
    // The shipped manifest serves other folders too; its entries need not all match there.
    const shared = !manifest && path.dirname(file) !== path.resolve(dir)
    return { manifest: parseManifest(text, file), source: file, shared }
  }
  return { manifest: parseManifest({}), source: '(none)', shared: false }
}
