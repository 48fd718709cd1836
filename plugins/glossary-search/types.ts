import type { UrlTemplates } from '../storefront-feed/types'

export type GlossarySearchConfig = {
  /**
   * Keep the schema (the `readingSuggested` field) but add no hooks (index, reading suggestions),
   * endpoints, GraphQL queries or start-up build.
   * @default false
   */
  disabled?: boolean
  storefront: {
    /** Absolute origin of the storefront, e.g. `https://shop.example.com`. Required. */
    baseUrl: string
    /**
     * The storefront feed's URL templates (same placeholders, same defaults), so a hit links where the feed does.
     * @default the feed's DEFAULT_URL_TEMPLATES
     */
    urls?: Partial<UrlTemplates>
  }
  /** @default { 'glossary-term': 'glossary-terms', 'case-study': 'case-studies', playbook: 'playbooks', glossary: 'glossaries' } */
  collections?: Partial<Record<'glossary-term' | 'case-study' | 'playbook' | 'glossary', string>>
  /**
   * The storefront feed's change journal, polled for changes other server instances made
   * (no polling when the collection is not installed).
   * @default 'feed-changes'
   */
  journalSlug?: string
  /** How often the journal is polled, in ms (0: never). @default 1000 */
  pollIntervalMs?: number
  /** `Cache-Control` of answers: max-age and stale-while-revalidate, in seconds. @default { maxAge: 60, staleWhileRevalidate: 300 } */
  cache?: { maxAge?: number; staleWhileRevalidate?: number; maxEntries?: number }
  /**
   * Suggest readings for headwords (kuromoji's offline dictionary) when a term is saved without one.
   * @default true
   */
  suggestReadings?: boolean
  /** Folder of kuromoji's dictionary. @default `${process.cwd()}/node_modules/kuromoji/dict` */
  dictionaryPath?: string
  /** Build the index while Payload starts (in the background) rather than on the first request. @default true */
  buildOnInit?: boolean
}

export type SanitizedGlossarySearchConfig = {
  disabled: boolean
  baseUrl: string
  urls: UrlTemplates
  collections: Record<'glossary-term' | 'case-study' | 'playbook' | 'glossary', string>
  journalSlug: string
  pollIntervalMs: number
  cache: { maxAge: number; staleWhileRevalidate: number; maxEntries: number }
  suggestReadings: boolean
  dictionaryPath: string
  buildOnInit: boolean
}
