import fs from 'node:fs'
import path from 'node:path'

import { chromium, type Browser, type Page } from 'playwright-core'

export const SCREENSHOT_DIR = path.resolve('test-results/e2e')

/** Debian's Chromium, with the flags that keep it off the network (the Playwright download does not work here). */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  })

export const screenshot = async (page: Page, name: string) => {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  // Relationship cells and the graph load after the page; wait so the picture shows them.
  await page.waitForLoadState('networkidle').catch(() => {})
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}
