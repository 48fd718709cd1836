import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { runSeedCommand } from './cli'
import { listingPage } from './test/families'
import { untitledPage } from './test/fixtures'

const made: string[] = []
const folder = (files: Record<string, string | Uint8Array>): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-cli-'))
  made.push(dir)
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content)
  return dir
}
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true })
})

const run = async (argv: string[]) => {
  let stdout = ''
  let stderr = ''
  const code = await runSeedCommand(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  })
  return { code, stdout, stderr }
}

const page = untitledPage({ glossary: 'テスト用語集', body: ['見本語は、試しに作った用語です。'] })

describe('npm run seed -- --dry-run --json', () => {
  it('prints exactly one JSON object on stdout, with the logs on stderr', async () => {
    const { code, stdout, stderr } = await run(['--dry-run', '--json'])
    expect(code).toBe(0)
    const report = JSON.parse(stdout)
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining(['terms', 'caseStudies', 'playbooks', 'glossaries', 'tags', 'errors']),
    )
    expect(report.terms[0]).toEqual(
      expect.objectContaining({
        slug: 'influencer',
        term: 'インフルエンサー',
        englishName: 'Influencer',
        aliases: [],
        glossary: 'ソーシャルメディア用語集',
        tags: expect.any(Array),
        summary: expect.any(String),
        headings: expect.any(Array),
        text: expect.any(String),
        excerpt: false,
        sources: ['000_97d1cf5933822715.txt'],
      }),
    )
    expect(report.caseStudies[0]).toEqual(
      expect.objectContaining({
        slug: 'erina-d2c-apparel',
        title: expect.any(String),
        persona: { name: '絵里奈', romanized: 'Erina' },
        industry: 'D2Cアパレル',
        channels: ['sns-dm', 'web'],
        text: expect.any(String),
        relatedTerms: expect.any(Array),
      }),
    )
    expect(report.playbooks[0].steps[0]).toEqual(
      expect.objectContaining({ title: '注文確認と注文確定通知', text: expect.any(String) }),
    )
    expect(stderr).toContain('000_97d1cf5933822715.txt')
    expect(stderr).toContain(
      'Parsed 5 documents: 20 terms (4 full, 16 excerpt), 4 case studies, 1 playbook (14 steps), 6 glossaries, 11 tags',
    )
  })
})

describe('npm run seed -- --dry-run --explain', () => {
  it('says for every file the family, why, each entry and each dropped block; an empty file is no error', async () => {
    const dir = folder({ 'a.txt': page, 'list.txt': listingPage(), 'notes.txt': 'just some notes\n' })
    const { code, stdout } = await run(['--dir', dir, '--dry-run', '--explain'])
    expect(code).toBe(0)
    expect(stdout).toContain('a.txt: single-term page (header: site header)')
    expect(stdout).toMatch(/why: no title line; the body opens with a defining sentence \("見本語は、…"\)/)
    expect(stdout).toContain('list.txt: listing page (header: none)')
    expect(stdout).toContain('→ Planogram 棚割表 ⇒ 棚割表 (listing teaser (excerpt))')
    expect(stdout).toContain('− dropped - AI - POS - 在庫 - 売場 — tag cloud at the end of the listing')
    expect(stdout).toContain('notes.txt: nothing importable')
    const json = JSON.parse((await run(['--dir', dir, '--dry-run', '--explain', '--json'])).stdout)
    expect(json.errors).toEqual([])
    expect(json.explanations.map((e: { file: string; family: string }) => [e.file, e.family])).toEqual([
      ['a.txt', 'single-term page'],
      ['list.txt', 'listing page'],
      ['notes.txt', 'nothing importable'],
    ])
  })
})

describe('exit codes and messages', () => {
  it('exits 2 naming the folder when it does not exist', async () => {
    const missing = path.join(os.tmpdir(), 'seed-cli-no-such-folder')
    const { code, stderr } = await run(['--dir', missing, '--dry-run'])
    expect(code).toBe(2)
    expect(stderr).toContain(`No documents folder at ${missing}`)
  })

  it('exits 2 with the usage on an unknown option', async () => {
    const { code, stderr } = await run(['--publsh'])
    expect(code).toBe(2)
    expect(stderr).toMatch(/Unknown option '--publsh'[\s\S]*Usage: npm run seed/)
  })

  it('exits 2 when the folder holds no .txt documents', async () => {
    const { code, stderr } = await run(['--dir', folder({ 'readme.md': '# nothing' }), '--dry-run'])
    expect(code).toBe(2)
    expect(stderr).toContain('no .txt documents')
  })

  it('exits 2 on a manifest that does not match the schema, naming the field', async () => {
    const dir = folder({
      'a.txt': page,
      'manifest.json': JSON.stringify({ terms: [{ term: 'x', slug: 'Not A Slug' }] }),
    })
    const { code, stderr } = await run(['--dir', dir, '--dry-run'])
    expect(code).toBe(2)
    expect(stderr).toMatch(/manifest\.json does not match the manifest schema: terms\.0\.slug/)
  })

  it('reports bad files by name and reason and reads the rest (exit 0; 1 with --strict)', async () => {
    const dir = folder({ 'a.txt': page, 'empty.txt': '', 'latin1.txt': new Uint8Array([0x63, 0x61, 0x66, 0xe9]) })
    const lenient = await run(['--dir', dir, '--dry-run', '--json'])
    expect(lenient.code).toBe(0)
    expect(JSON.parse(lenient.stdout).errors).toEqual([
      { file: 'empty.txt', reason: 'empty file (0 bytes)' },
      { file: 'latin1.txt', reason: 'not UTF-8 text (invalid byte 0xE9 at offset 3); save the file as UTF-8' },
    ])
    expect(JSON.parse(lenient.stdout).terms.map((t: { term: string }) => t.term)).toEqual(['見本語'])
    expect(lenient.stderr).toContain('✗ empty.txt: empty file (0 bytes) — skipped')
    expect((await run(['--dir', dir, '--dry-run', '--strict'])).code).toBe(1)
  })

  it('refuses a file too large to be a page dump without reading it', async () => {
    const dir = folder({ 'a.txt': page, 'huge.txt': new Uint8Array(5 * 1024 * 1024 + 1) })
    const { code, stdout } = await run(['--dir', dir, '--dry-run', '--json'])
    expect(code).toBe(0)
    expect(JSON.parse(stdout).errors).toEqual([
      { file: 'huge.txt', reason: expect.stringMatching(/^too large for a page dump/) },
    ])
  })

  it('exits 1 when no document holds anything importable, naming the file', async () => {
    const { code, stderr } = await run(['--dir', folder({ 'notes.txt': 'just some notes\n' })])
    expect(code).toBe(1)
    expect(stderr).toContain('notes.txt: nothing importable')
    expect(stderr).toContain('nothing to import')
  })

  it('refuses --explain without --dry-run', async () => {
    const { code, stderr } = await run(['--explain'])
    expect(code).toBe(2)
    expect(stderr).toContain('--explain works with --dry-run')
  })

  it('prints the usage on --help', async () => {
    const { code, stdout } = await run(['--help'])
    expect(code).toBe(0)
    expect(stdout).toContain('--dry-run')
  })
})
