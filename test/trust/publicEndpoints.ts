/** Every public read surface a storefront (anonymous client) can reach, as REST paths. */
export const PUBLIC_ENDPOINTS = [
  '/api/glossary-terms',
  '/api/case-studies',
  '/api/playbooks',
  '/api/glossaries',
  '/api/tags',
  '/api/feed',
  '/api/term-graph',
  '/api/term-graph/path',
  '/api/term-graph/top',
  '/api/search',
  '/api/glossary-index',
] as const

/** A valid query per endpoint: half the generated inputs start from it, so they reach past the required parameters. */
export const VALID_BASE_QUERY: Record<string, string> = {
  '/api/term-graph': 'root=utm-code',
  '/api/term-graph/path': 'from=utm-code&to=influencer',
  '/api/feed': 'limit=10',
  '/api/search': 'q=utm',
}

/** Parameter names each endpoint understands, so generated queries hit real code paths, not just unknown keys. */
export const KNOWN_PARAMETERS = [
  'limit',
  'page',
  'depth',
  'sort',
  'locale',
  'fallback-locale',
  'draft',
  'where[slug][equals]',
  'where[slug][$ne]',
  'where[term][like]',
  'where[_status][equals]',
  'where[or][0][slug][equals]',
  'where[glossary.slug][equals]',
  'select[term]',
  'populate[glossaries][name]',
  'joins',
  'type',
  'glossary',
  'tag',
  'cursor',
  'since',
  'root',
  'depth',
  'types',
  'from',
  'to',
  'q',
] as const
