import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  addTextValue,
  createFirstUser,
  documentIdFromUrl,
  pickOption,
  publish,
  richTextEditor,
  saveDraft,
} from './admin'
import { launchBrowser, screenshot } from './browser'
import { ensureBuild, seedHub, startHub, type RunningHub } from './hub'

let hub: RunningHub
let browser: Browser
let page: Page

const EMAIL = 'editor-in-chief@example.com'
const PASSWORD = 'correct-horse-battery-staple'

/** What a storefront sees: anonymous REST. */
const publicJson = async (pathAndQuery: string) => {
  const response = await fetch(`${hub.url}${pathAndQuery}`)
  return { status: response.status, json: (await response.json()) as Record<string, any> }
}

const pluginAnswers = async (pathAndQuery: string) => (await fetch(`${hub.url}${pathAndQuery}`)).status !== 404

beforeAll(async () => {
  ensureBuild()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-e2e-'))
  seedHub(dataDir)
  hub = await startHub(dataDir)
  browser = await launchBrowser()
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' })
})

afterAll(async () => {
  await browser?.close()
  await hub?.stop()
})

describe.sequential('an editor in the admin UI', () => {
  it('1. opens the hub for the first time, creates the first admin user and is signed in', async () => {
    await page.goto(`${hub.url}/admin`)
    await page.waitForURL(/create-first-user/)
    await screenshot(page, '1a-create-first-user')
    await createFirstUser(page, EMAIL, PASSWORD)
    // The sidebar groups collections the way editors think of them.
    for (const group of ['Glossary', 'Stories', 'Playbooks', 'Admin']) {
      await expect(page.locator('nav').getByText(group, { exact: true }).first().isVisible()).resolves.toBe(true)
    }
    await screenshot(page, '1b-dashboard')

    // Signing out and in again works with the account just made.
    await page.context().clearCookies()
    await page.goto(`${hub.url}/admin/login`)
    await page.fill('#field-email', EMAIL)
    await page.fill('#field-password', PASSWORD)
    await page.click('button[type=submit]')
    await page.waitForURL((url) => url.pathname === '/admin' || url.pathname === '/admin/', { timeout: 60_000 })
  })

  it('2. sees the seeded terms with glossary, tags and status, and finds them by term, English name and alias', async () => {
    await page.goto(`${hub.url}/admin/collections/glossary-terms?limit=100`)
    const table = page.locator('.table table')
    await table.waitFor()
    const header = await table.locator('thead').innerText()
    for (const column of ['Term', 'English Name', 'Glossary', 'Tags', 'Excerpt', 'Status'])
      expect(header).toContain(column)
    const rows = table.locator('tbody tr')
    expect(await rows.count()).toBeGreaterThan(10)
    const body = await table.locator('tbody').innerText()
    expect(body).toContain('UTMコード')
    expect(body).toContain('インフルエンサー')
    expect(body).toMatch(/Published/)
    expect(body).toMatch(/Draft/)
    await screenshot(page, '2a-terms-list')

    // Search by English name and by an alias.
    await page.goto(`${hub.url}/admin/collections/glossary-terms?search=Net%20Promoter`)
    await expect(page.locator('.table tbody').innerText()).resolves.toMatch(/ネットプロモータースコア|Net Promoter/)
    await page.goto(`${hub.url}/admin/collections/glossary-terms?search=NPS`)
    await expect(page.locator('.table tbody').innerText()).resolves.toMatch(/Net Promoter|ネットプロモーター/)
    await screenshot(page, '2b-search-by-alias')

    // Filter: excerpts still to finish are drafts.
    await page.goto(`${hub.url}/admin/collections/glossary-terms?where[excerpt][equals]=true&limit=100`)
    const excerptRows = await page.locator('.table tbody').innerText()
    expect(excerptRows).not.toContain('UTMコード')
    expect(excerptRows).toMatch(/Draft/)
    expect(excerptRows).not.toMatch(/Published/)
    await screenshot(page, '2c-filter-excerpts')
  })

  let termId = ''

  it('3. creates a Japanese term with an English translation, rich text, a tag and a related term; it is public only once published', async () => {
    await page.goto(`${hub.url}/admin/collections/glossary-terms/create`)
    await page.fill('#field-term', 'ライフタイムバリュー')
    await page.fill('#field-englishName', 'Lifetime Value')
    await addTextValue(page, 'field-aliases', 'LTV')
    await page.fill(
      '#field-summary',
      'ライフタイムバリューは、顧客が取引期間全体でもたらす利益の総額です。UTMコードで流入元ごとに比べられます。',
    )
    await page.fill('#field-slug', 'lifetime-value')

    const editor = richTextEditor(page, 'body')
    await editor.click()
    await page.keyboard.type('## 計算のしかた')
    await page.keyboard.press('Enter')
    await page.keyboard.type('平均購入単価と購入頻度から求めます。')
    await page.keyboard.press('Enter')
    await page.keyboard.type('- 平均購入単価')
    await page.keyboard.press('Enter')
    await page.keyboard.type('購入頻度')

    await pickOption(page, 'field-glossary', '顧客デジタルエクスペリエンス')
    await pickOption(page, 'field-tags', 'CRM')
    await pickOption(page, 'field-related', 'インフルエンサー')
    await screenshot(page, '3a-new-term')

    await saveDraft(page)
    termId = documentIdFromUrl(page)
    const beforePublish = await publicJson('/api/glossary-terms?where[slug][equals]=lifetime-value')
    expect(beforePublish.json.docs).toHaveLength(0)
    if (await pluginAnswers('/api/feed')) {
      const feed = await publicJson('/api/feed?limit=100&type=glossary-term')
      expect(JSON.stringify(feed.json)).not.toContain('lifetime-value')
    }

    await publish(page)
    const published = await publicJson(`/api/glossary-terms/${termId}?depth=1`)
    expect(published.status).toBe(200)
    expect(published.json).toMatchObject({
      term: 'ライフタイムバリュー',
      englishName: 'Lifetime Value',
      aliases: ['LTV'],
    })
    expect(published.json.tags.map((t: { name: string }) => t.name)).toContain('CRM')
    expect(published.json.related.map((t: { term: string }) => t.term)).toContain('インフルエンサー')
    const blocks = published.json.body.root.children.map((n: { type: string; tag?: string }) => n.tag ?? n.type)
    expect(blocks).toEqual(expect.arrayContaining(['h2', 'paragraph', 'ul']))
    if (await pluginAnswers('/api/feed')) {
      const feed = await publicJson('/api/feed?limit=100&type=glossary-term')
      expect(JSON.stringify(feed.json)).toContain('lifetime-value')
    }
    await screenshot(page, '3b-published')

    // The English translation, edited in the English locale.
    await page.goto(`${hub.url}/admin/collections/glossary-terms/${termId}?locale=en`)
    await page.fill('#field-term', 'Lifetime value')
    await page.fill(
      '#field-summary',
      'Lifetime value is the total profit a customer brings over the whole relationship.',
    )
    await publish(page)
    const english = await publicJson(`/api/glossary-terms/${termId}?locale=en`)
    expect(english.json.term).toBe('Lifetime value')
    const japanese = await publicJson(`/api/glossary-terms/${termId}?locale=ja`)
    expect(japanese.json.term).toBe('ライフタイムバリュー')
    await screenshot(page, '3c-english-translation')
  })

  it('4. opens the term graph, adds a suggested link with one click and sees the edge in /api/term-graph', async () => {
    if (!(await pluginAnswers('/api/term-graph?root=utm-code'))) return // graph plugin not installed
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ')
    const asEditor = (pathAndQuery: string) =>
      fetch(`${hub.url}${pathAndQuery}`, { headers: { cookie } }).then((r) => r.json())
    // A published term whose text mentions a term it is not yet related to (the one made in step 3 mentions UTMコード).
    const terms = await publicJson('/api/glossary-terms?limit=100&sort=slug')
    let root: { id: string; slug: string } | undefined
    for (const term of terms.json.docs) {
      const { suggestions } = await asEditor(`/api/term-graph/suggestions?root=${term.slug}`)
      if (suggestions?.length) {
        root = term
        break
      }
    }
    expect(root, 'some seeded term has suggested links').toBeDefined()
    await page.goto(`${hub.url}/admin/collections/glossary-terms/${root!.id}?locale=ja`)
    const graph = page.locator('[data-testid="term-graph"]')
    await graph.scrollIntoViewIfNeeded()
    await graph.waitFor({ timeout: 30_000 })
    expect(await page.locator('[data-testid="term-graph-node"]').count()).toBeGreaterThan(1)
    await screenshot(page, '4a-graph')

    const suggestion = page.locator('[data-testid="term-graph-suggestion"]').first()
    await suggestion.waitFor({ timeout: 30_000 })
    const target = await suggestion.getAttribute('data-slug')
    expect(target).toBeTruthy()
    await suggestion.locator('[data-testid="term-graph-add-suggestion"]').click()
    await page
      .locator(`[data-testid="term-graph-suggestion"][data-slug="${target}"]`)
      .waitFor({ state: 'detached', timeout: 30_000 })
    await screenshot(page, '4b-suggestion-added')

    const graphJson = (await asEditor(`/api/term-graph?root=${root!.slug}&depth=1&types=related`)) as {
      edges: { source: string; target: string; type: string }[]
    }
    expect(
      graphJson.edges.some(
        (e) =>
          e.type === 'related' && [e.source, e.target].includes(root!.slug) && [e.source, e.target].includes(target!),
      ),
    ).toBe(true)
  })

  it('5. edits a case study and reorders a playbook step, and the storefront sees both', async () => {
    const cases = await publicJson('/api/case-studies?limit=10&sort=slug')
    expect(cases.json.docs.length).toBe(4)
    const study = cases.json.docs[0]
    await page.goto(`${hub.url}/admin/collections/case-studies/${study.id}?locale=ja`)
    await page.fill('#field-industry', 'アパレル D2C（改訂）')
    await screenshot(page, '5a-case-study')
    await publish(page)
    const edited = await publicJson(`/api/case-studies/${study.id}`)
    expect(edited.json.industry).toBe('アパレル D2C（改訂）')

    const playbooks = await publicJson('/api/playbooks?limit=10')
    expect(playbooks.json.docs).toHaveLength(1)
    const playbook = playbooks.json.docs[0]
    const [first, second] = playbook.steps.map((s: { title: string }) => s.title)
    await page.goto(`${hub.url}/admin/collections/playbooks/${playbook.id}?locale=ja`)
    const firstRow = page.locator('#field-steps .array-field__row, #field-steps [id^="steps-row-"]').first()
    await firstRow.waitFor()
    await firstRow.locator('.array-actions__button, .popup-button').first().click()
    await page
      .locator('.popup__content button, .array-actions__action', { hasText: /Move Down/i })
      .first()
      .click()
    await screenshot(page, '5b-playbook-reordered')
    await publish(page)
    const reordered = await publicJson(`/api/playbooks/${playbook.id}`)
    expect(reordered.json.steps.slice(0, 2).map((s: { title: string }) => s.title)).toEqual([second, first])
    expect(reordered.json.steps).toHaveLength(playbook.steps.length)
  })
})
