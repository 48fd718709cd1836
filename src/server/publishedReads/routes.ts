import type { ReadRoutes } from './request'

/**
 * The reads the server may share between anonymous readers: exactly the collections whose every public
 * change the storefront feed journals (its default `collections`; a test keeps the two lists equal), so
 * the journal that drops the feed's pages drops these too. Anything else goes to Payload every time.
 */
export const PUBLISHED_READ_ROUTES: ReadRoutes = {
  api: '/api',
  collections: ['glossary-terms', 'case-studies', 'playbooks', 'glossaries', 'tags'],
  endpoints: ['feed'],
}
