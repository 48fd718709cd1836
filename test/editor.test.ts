import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { hubIsEmpty } from '../seed/endpoint'
import { createUser, loginToken, richText } from './helpers/fixtures'
import { config, startPayload } from './helpers/payload'

let payload: Payload

const importSample = async (token?: string) => {
  const request = new Request('http://localhost:3000/api/hub/import-sample', {
    method: 'POST',
    headers: token ? { Authorization: `JWT ${token}` } : {},
  })
  const response = await handleEndpoints({ config, request })
  return {
    status: response.status,
    lines: (await response.text())
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line)),
  }
}

beforeAll(async () => {
  payload = await startPayload()
  await createUser(payload, 'sample-admin@example.com', ['admin'])
  await createUser(payload, 'sample-editor@example.com', ['editor'])
})

afterAll(async () => {
  await payload?.destroy()
})

describe('playbook step titles', () => {
  it('are required in Japanese but may be left for later in an English translation', async () => {
    const playbook = await payload.create({
      collection: 'playbooks',
      data: {
        title: '開封後の連絡',
        slug: 'after-opening',
        steps: [{ title: 'お礼を伝える', body: richText('短く。') as never }, { title: '感想を聞く' }],
      },
    })
    await payload.update({
      collection: 'playbooks',
      id: playbook.id,
      locale: 'en',
      data: {
        title: 'After opening',
        steps: [
          { id: playbook.steps![0]!.id, title: 'Say thanks' },
          { id: playbook.steps![1]!.id, title: '' },
        ],
      },
    })
    const english = await payload.findByID({
      collection: 'playbooks',
      id: playbook.id,
      locale: 'en',
      fallbackLocale: false,
    })
    expect(english.steps?.map((step) => step.title ?? '')).toEqual(['Say thanks', ''])
    const japanese = await payload.findByID({ collection: 'playbooks', id: playbook.id, locale: 'ja' })
    expect(japanese.steps?.map((step) => step.title)).toEqual(['お礼を伝える', '感想を聞く'])
    await expect(
      payload.update({
        collection: 'playbooks',
        id: playbook.id,
        locale: 'ja',
        data: { steps: [{ id: playbook.steps![0]!.id, title: ' ' }] },
      }),
    ).rejects.toThrow(/steps.*title|Title/i)
  })
})

describe('importing the sample content from the dashboard', () => {
  it('is refused to anonymous visitors and editors', async () => {
    expect((await importSample()).status).toBe(403)
    expect((await importSample(await loginToken(payload, 'sample-editor@example.com'))).status).toBe(403)
  })

  it('streams one progress line per record to an admin, then the counts, and fills the hub', async () => {
    await payload.delete({ collection: 'playbooks', where: { slug: { equals: 'after-opening' } } })
    expect(await hubIsEmpty(payload)).toBe(true)
    const { status, lines } = await importSample(await loginToken(payload, 'sample-admin@example.com'))
    expect(status).toBe(200)
    const progress = lines.filter((line) => 'done' in line)
    expect(progress.length).toBeGreaterThan(10)
    expect(progress.map((line) => line.done)).toEqual(progress.map((_, index) => index + 1))
    expect(progress.at(-1)).toMatchObject({ done: progress.at(-1).total })
    expect(lines.at(-1).counts['glossary-terms'].created).toBeGreaterThan(10)
    expect(await hubIsEmpty(payload)).toBe(false)
    const published = await payload.count({ collection: 'glossary-terms', where: { _status: { equals: 'published' } } })
    expect(published.totalDocs).toBeGreaterThan(0)
  }, 180_000)
})
