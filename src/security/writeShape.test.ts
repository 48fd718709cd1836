import type { FlattenedField } from 'payload'
import { describe, expect, it } from 'vitest'

import { checkWriteShape, isStorableDate, richTextProblem, WRITE_LIMITS } from './writeShape'

// A collection in new words: a recipe card with every kind of stored shape.
const fields = [
  { name: 'title', type: 'text' },
  { name: 'labels', type: 'text', hasMany: true },
  { name: 'servings', type: 'number' },
  { name: 'vegan', type: 'checkbox' },
  { name: 'bakedOn', type: 'date' },
  { name: 'course', type: 'select', options: [{ label: 'Starter', value: 'starter' }, 'main'] },
  { name: 'method', type: 'richText' },
  { name: 'pantry', type: 'relationship', relationTo: 'ingredients', hasMany: true },
  { name: 'author', type: 'relationship', relationTo: 'cooks' },
  { name: 'source', type: 'relationship', relationTo: ['books', 'sites'] },
  { name: 'nutrition', type: 'group', flattenedFields: [{ name: 'kcal', type: 'number' }] },
  {
    name: 'steps',
    type: 'array',
    flattenedFields: [
      { name: 'note', type: 'text' },
      { name: 'uses', type: 'relationship', relationTo: 'ingredients', hasMany: true },
    ],
  },
  { name: 'caption', type: 'text', localized: true },
] as unknown as FlattenedField[]

const check = (data: Record<string, unknown>, allLocales = false) =>
  checkWriteShape(fields, data, { localeCodes: ['ja', 'en'], allLocales })

const paths = (data: Record<string, unknown>, allLocales = false) =>
  check(data, allLocales).problems.map((problem) => problem.path)

const nested = (depth: number) => {
  let node: Record<string, unknown> = { type: 'text', text: 'x' }
  for (let i = 0; i < depth; i += 1) node = { type: 'paragraph', children: [node] }
  return { root: { type: 'root', children: [node] } }
}

describe('checkWriteShape', () => {
  it('accepts a well-formed body and lists the relations it names', () => {
    const shape = check({
      title: 'Onigiri',
      labels: ['rice', 'snack'],
      servings: 4,
      vegan: true,
      bakedOn: '2026-01-31T09:00:00.000Z',
      course: 'main',
      method: nested(3),
      pantry: ['rice', { id: 'nori', name: 'populated' }],
      author: 'cook-1',
      source: { relationTo: 'books', value: 'book-9' },
      nutrition: { kcal: 180 },
      steps: [{ id: 'row-1', note: 'wet hands', uses: ['salt'] }],
      caption: null,
    })
    expect(shape.problems).toEqual([])
    expect(shape.relations).toEqual([
      { path: 'pantry.0', collection: 'ingredients', id: 'rice' },
      { path: 'pantry.1', collection: 'ingredients', id: 'nori' },
      { path: 'author', collection: 'cooks', id: 'cook-1' },
      { path: 'source', collection: 'books', id: 'book-9' },
      { path: 'steps.0.uses.0', collection: 'ingredients', id: 'salt' },
    ])
  })

  it('names each malformed field by its path', () => {
    expect(paths({ pantry: 'x' })).toEqual(['pantry'])
    expect(paths({ author: ['cook-1'] })).toEqual(['author'])
    expect(paths({ author: '' })).toEqual(['author'])
    expect(paths({ source: 'book-9' })).toEqual(['source'])
    expect(paths({ source: { relationTo: 'films', value: 'x' } })).toEqual(['source'])
    expect(paths({ labels: [null, 1, {}] })).toEqual(['labels'])
    expect(paths({ title: 5 })).toEqual(['title'])
    expect(paths({ servings: '4' })).toEqual(['servings'])
    expect(paths({ vegan: 'yes' })).toEqual(['vegan'])
    expect(paths({ bakedOn: 'not-a-date' })).toEqual(['bakedOn'])
    expect(paths({ course: 'dessert' })).toEqual(['course'])
    expect(paths({ nutrition: 'x' })).toEqual(['nutrition'])
    expect(paths({ nutrition: { kcal: 'many' } })).toEqual(['nutrition.kcal'])
    expect(paths({ steps: 'x' })).toEqual(['steps'])
    expect(paths({ steps: [null] })).toEqual(['steps.0'])
    expect(paths({ steps: [{ id: {} }] })).toEqual(['steps.0.id'])
    expect(paths({ steps: [{ uses: 'salt' }] })).toEqual(['steps.0.uses'])
    expect(paths({ method: 'x' })).toEqual(['method'])
  })

  it('leaves null, absent and unknown keys to Payload', () => {
    expect(paths({ pantry: null, author: null, steps: null, unknown: { deep: [1] } })).toEqual([])
  })

  it("accepts the admin form's empty list (its row count, 0) and no other number for rows", () => {
    expect(paths({ steps: 0 })).toEqual([])
    expect(paths({ steps: 2 })).toEqual(['steps'])
    expect(paths({ steps: '0' })).toEqual(['steps'])
  })

  it('refuses more rows than the limit, and accepts exactly the limit', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `label ${i}`)
    expect(paths({ labels: many(WRITE_LIMITS.maxRows) })).toEqual([])
    expect(paths({ labels: many(WRITE_LIMITS.maxRows + 1) })).toEqual(['labels'])
    expect(paths({ labels: many(10_000) })).toEqual(['labels'])
    expect(paths({ steps: Array.from({ length: WRITE_LIMITS.maxRows + 1 }, () => ({})) })).toEqual(['steps'])
    expect(paths({ pantry: Array.from({ length: WRITE_LIMITS.maxRows + 1 }, () => 'rice') })).toEqual(['pantry'])
  })

  it('reads localized values per locale when the write is for all locales', () => {
    expect(paths({ caption: { ja: 'おにぎり', en: 'Rice ball' } }, true)).toEqual([])
    expect(paths({ caption: { ja: 5 } }, true)).toEqual(['caption.ja'])
    expect(paths({ caption: { fr: 'x' } }, true)).toEqual(['caption.fr'])
    expect(paths({ caption: { ja: 'x' } }, false)).toEqual(['caption'])
  })
})

describe('isStorableDate', () => {
  it.each(['2026-01-31T09:00:00.000Z', '2026-01-31', '0001-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z'])(
    'accepts %s',
    (value) => {
      expect(isStorableDate(value)).toBe(true)
    },
  )
  it('accepts a Date', () => expect(isStorableDate(new Date())).toBe(true))
  it.each([
    ['not-a-date'],
    [''],
    ['2026-13-45T99:00:00Z'],
    ['+275761-01-01T00:00:00Z'],
    ['-000001-01-01T00:00:00Z'],
    [9e15],
    [{}],
    [[]],
    [true],
    [new Date('x')],
  ])('refuses %j', (value) => expect(isStorableDate(value)).toBe(false))
})

describe('richTextProblem', () => {
  it('accepts rich text up to the depth limit', () =>
    expect(richTextProblem(nested(WRITE_LIMITS.maxRichTextDepth - 1))).toBeNull())
  it('refuses rich text deeper than the limit without overflowing the stack', () => {
    expect(richTextProblem(nested(WRITE_LIMITS.maxRichTextDepth + 1))).toMatch(/deeper than/)
    expect(richTextProblem(nested(100_000))).toMatch(/deeper than/)
  })
  it('refuses too many nodes', () => {
    const children = Array.from({ length: WRITE_LIMITS.maxRichTextNodes + 1 }, () => ({ type: 'text', text: 'x' }))
    expect(richTextProblem({ root: { type: 'root', children } })).toMatch(/more than/)
  })
  it.each([
    ['x'],
    [{}],
    [{ root: 'x' }],
    [{ root: { type: 'root', children: 'x' } }],
    [{ root: { type: 'root', children: [null] } }],
    [{ root: { type: 'root', children: [{ type: 'text', text: 5 }] } }],
    [{ root: { children: [] } }],
  ])('refuses the malformed value %j', (value) => expect(richTextProblem(value)).not.toBeNull())
})
