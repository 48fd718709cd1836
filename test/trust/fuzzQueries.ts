import fc from 'fast-check'

import { LIST_OPERATORS, VALUE_OPERATORS } from '../../src/api/queryGuard'
import { KNOWN_PARAMETERS } from './publicEndpoints'

const hostileValue = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.constantFrom(
    '',
    '-1',
    '0',
    '1e309',
    'NaN',
    'null',
    'undefined',
    'true',
    '[]',
    '{}',
    '{"$gt":""}',
    "' OR 1=1 --",
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '%00',
    '\u0000',
    '\ud800',
    'ＵＴＭコード',
    'utm-code',
    'influencer',
    'glossary-term,case-study',
    'mentions,related,bogus',
    'ja',
    'en',
    '2026-01-31',
    '2026-01-31T09:00:00Z',
    'notadate',
    '01a23a8a-a528-703b-b9d4-9fb080241408',
    '01a23a8a-a528-703b-b9d4-9fb080241408,x',
    'a,b',
    '{',
    '{"a":',
    'fr',
    '*',
  ),
  fc.string({ minLength: 2000, maxLength: 5000 }),
)

// Paths of every field type the collections have (dates, ids, relationships, rich text, hasMany lists,
// the same behind relationships), under every operator: the SQL adapter's weak spots are type-specific.
const WHERE_PATHS = [
  'id',
  'createdAt',
  'updatedAt',
  '_status',
  'excerpt',
  'aliases',
  'body',
  'body.root',
  'body.root.children.0.text',
  'glossary',
  'tags',
  'related',
  'broader',
  'related.id',
  'related.createdAt',
  'related.aliases',
  'related.body.root',
  'relatedTerms',
  'relatedTerms.aliases',
  'relatedTerms.updatedAt',
  'steps.relatedTerms',
  'steps.body.root',
  'persona.name',
  'playbookSteps.playbook',
  'stage',
]
// Every operator the guard knows, and Payload's geo operators, which it refuses (no point fields here).
const WHERE_OPERATORS = [...VALUE_OPERATORS, ...LIST_OPERATORS, 'near', 'within', 'intersects']
const typedWhere = fc
  .tuple(fc.constantFrom(...WHERE_PATHS), fc.constantFrom(...WHERE_OPERATORS))
  .map(([path, operator]) => `where[${path}][${operator}]`)

const parameterName = fc.oneof(
  { weight: 2, arbitrary: typedWhere },
  { weight: 1, arbitrary: fc.constantFrom('data', 'where', 'sort', 'select[body]') },
  { weight: 4, arbitrary: fc.constantFrom(...KNOWN_PARAMETERS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('where', 'select', 'populate', 'sort'),
        fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }),
      )
      .map(([root, keys]) => root + keys.map((k) => `[${k}]`).join('')),
  },
  // Nested arrays / objects in qs syntax: a[0][b]=…, a[]=…
  {
    weight: 1,
    arbitrary: fc.constantFrom('limit[]', 'limit[0]', 'root[]', 'cursor[a]', 'where[slug][in][]', 'types[]'),
  },
)

/** Percent-encodes like a browser; a lone surrogate becomes bytes that are not valid UTF-8, as a broken client sends. */
const encode = (value: string): string =>
  Array.from(value)
    .map((char) => {
      try {
        return encodeURIComponent(char)
      } catch {
        return '%ED%A0%80'
      }
    })
    .join('')

/** A raw query string (`a=1&b[c]=2`), percent-encoded the way a browser or a careless client sends it. */
export const hostileQueryString = fc
  .array(fc.tuple(parameterName, hostileValue), { minLength: 0, maxLength: 6 })
  .map((pairs) =>
    pairs.map(([k, v]) => `${encode(k).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encode(v)}`).join('&'),
  )
