import type { Page } from 'playwright-core'

/** Small helpers for Payload's admin UI, named after what an editor does. */

/** The react-select box of a field, found by its label (relationship, select and hasMany text fields). */
const selectBox = (page: Page, fieldId: string) =>
  page.locator('.field-type', { has: page.locator(`label[for="${fieldId}"]`) }).first()

export const pickOption = async (page: Page, fieldId: string, text: string) => {
  const box = selectBox(page, fieldId)
  await box.locator('.rs__control').click()
  await page.keyboard.type(text)
  await box.locator('.rs__option', { hasText: text }).first().click()
}

export const addTextValue = async (page: Page, fieldId: string, value: string) => {
  await selectBox(page, fieldId).locator('.rs__control').click()
  await page.keyboard.type(value)
  await page.keyboard.press('Enter')
}

export const richTextEditor = (page: Page, fieldPath: string) =>
  page.locator(`.rich-text-lexical[data-field-path="${fieldPath}"] [contenteditable="true"]`).first()

/** Clicks a save button and waits for the admin's write to the REST API to succeed. */
const saveWith = async (page: Page, buttonId: string) => {
  const written = page.waitForResponse(
    (r) =>
      r.url().includes('/api/') && ['POST', 'PATCH'].includes(r.request().method()) && !r.url().includes('/api/users'),
    { timeout: 60_000 },
  )
  await page.click(`#${buttonId}`)
  const response = await written
  if (response.status() >= 400) throw new Error(`save failed: ${response.status()} ${await response.text()}`)
  // The edit view is at /<collection>/<id> once a new document has been created.
  await page.waitForURL((url) => !url.pathname.endsWith('/create'), { timeout: 30_000 })
}

export const saveDraft = (page: Page) => saveWith(page, 'action-save-draft')

export const publish = (page: Page) => saveWith(page, 'action-save')

export const documentIdFromUrl = (page: Page): string => {
  const id = new URL(page.url()).pathname.split('/').pop()
  if (!id || id === 'create') throw new Error(`not on a saved document: ${page.url()}`)
  return id
}

/**
 * Fills the create-first-user form and submits it once the admin has hydrated: typed before React takes
 * over, the values are in the inputs but not in the form's state, and the click sends nothing.
 */
export const createFirstUser = async (page: Page, email: string, password: string) => {
  await page.waitForURL(/create-first-user/)
  await page.waitForLoadState('networkidle')
  await page.fill('#field-email', email)
  await page.fill('#field-password', password)
  await page.fill('#field-confirm-password', password)
  const registered = page.waitForResponse((r) => r.url().includes('/api/users/first-register'), { timeout: 60_000 })
  await page.click('button[type=submit]')
  if (!(await registered).ok()) throw new Error(`first-register answered ${(await registered).status()}`)
  await page.waitForURL((url) => !url.pathname.includes('create-first-user'), { timeout: 60_000 })
}
