/** The three kinds of public content the feed carries; also the `type` query parameter's values. */
export const CONTENT_TYPES = ['glossary-term', 'case-study', 'playbook'] as const
export type ContentType = (typeof CONTENT_TYPES)[number]

/** Locales the serialisers have labels for; which of them are on, and the default, come from `config.localization`. */
export const FEED_LOCALES = ['ja', 'en'] as const
export type FeedLocale = (typeof FEED_LOCALES)[number]

/** The config's locales: the feed answers in these, and every field falls back to the default one. */
export type FeedLocalization = { locales: readonly FeedLocale[]; defaultLocale: FeedLocale }

/** Which URL template fills which storefront link; placeholders are listed on `StorefrontFeedConfig.storefront.urls`. */
export type UrlTemplates = Record<ContentType | 'glossary', string>

export type StorefrontFeedConfig = {
  /**
   * Stops serving `/api/feed` and polling the change journal. The journal collection and its hooks stay,
   * so the schema is unchanged and sync tokens issued earlier stay valid when the feed is enabled again.
   * @default false
   */
  disabled?: boolean
  /** The feed's `title`. @default 'Commerce Content Hub' */
  title?: string
  /** The feed's `description`. @default undefined (omitted) */
  description?: string
  /** Square icon and favicon URLs for feed readers. @default undefined (omitted) */
  icon?: string
  /** @default undefined (omitted) */
  favicon?: string
  /** Publisher named in the `Article` JSON-LD. @default { name: title, url: storefront.baseUrl } */
  publisher?: { name: string; url?: string }
  storefront: {
    /** Absolute origin (and optional base path) of the storefront, e.g. `https://shop.example.com`. Required. */
    baseUrl: string
    /**
     * URL templates, absolute or relative to `baseUrl`. Placeholders: `{slug}`, `{id}`, `{glossary}` (the
     * glossary's slug; terms and glossaries only), `{locale}` (`ja` / `en`) and `{localePrefix}` (`''` for
     * the config's default locale, `/en` etc. otherwise).
     * @default { 'glossary-term': '{localePrefix}/glossary/{glossary}/{slug}', 'case-study': '{localePrefix}/case-studies/{slug}', playbook: '{localePrefix}/playbooks/{slug}', glossary: '{localePrefix}/glossary/{glossary}' }
     */
    urls?: Partial<UrlTemplates>
  }
  /** Content types the feed publishes; the others are neither served nor journaled. @default all three */
  contentTypes?: ContentType[]
  /**
   * Collection slugs the feed reads. The serialisers expect the hub's field names.
   * @default { 'glossary-term': 'glossary-terms', 'case-study': 'case-studies', playbook: 'playbooks', glossary: 'glossaries', tag: 'tags' }
   */
  collections?: Partial<Record<ContentType | 'glossary' | 'tag', string>>
  /**
   * Draft previews inside the hub: the storefront path of each content type (from `storefront.urls`) served
   * under `path` to signed-in staff, and wired into the admin's preview button and Live Preview.
   */
  preview?: {
    /** Leaves the admin's preview button and Live Preview as the collections set them. @default false */
    disabled?: boolean
    /** Path prefix of the hub's preview pages (the app mounts the page there). @default '/preview' */
    path?: string
    /**
     * Live Preview device sizes.
     * @default mobile 375×667, tablet 768×1024, desktop 1440×900
     */
    breakpoints?: { name: string; label: string; width: number; height: number }[]
  }
  /** Slug of the hidden change-journal collection the plugin adds. @default 'feed-changes' */
  changesCollection?: string
  /** @deprecated Use `changesCollection` (the graph's name for the same idea). */
  journalSlug?: string
  /** How often an instance checks the journal for changes made by other instances, in ms. @default 1000 */
  pollIntervalMs?: number
  /** Items per page: `limit` defaults to `default` and may not exceed `max`. @default { default: 50, max: 100 } */
  pageSize?: { default?: number; max?: number }
  cache?: {
    /** `Cache-Control: max-age` in seconds. @default 60 */
    maxAge?: number
    /** `Cache-Control: stale-while-revalidate` in seconds. @default 300 */
    staleWhileRevalidate?: number
    /** Rendered pages kept in memory per server instance (least recently used go first). @default 1000 */
    maxEntries?: number
    /** @deprecated Use the top-level `pollIntervalMs` (the graph's name for the same idea). */
    pollIntervalMs?: number
    /**
     * Called whenever published content may have changed: a local edit, its commit, another instance's
     * edit seen by the poll, and the first journal read (`cause` 'journal': the poll is live). Lets another
     * cache of published reads (the server's REST/GraphQL cache) stay in step with the journal. @default no-op
     */
    onInvalidate?: (cause: 'local' | 'journal') => void
  }
  /**
   * Public URL of the feed endpoint, used for `feed_url` and `next_url`.
   * @default `${config.serverURL}${config.routes.api}/feed`, or the request's origin when serverURL is empty
   */
  feedUrl?: string
}

/** Options with every default filled in: what the rest of the plugin reads. */
export type SanitizedFeedOptions = {
  disabled: boolean
  title: string
  description?: string
  icon?: string
  favicon?: string
  publisher: { name: string; url: string }
  baseUrl: string
  urls: UrlTemplates
  contentTypes: ContentType[]
  collections: Record<ContentType | 'glossary' | 'tag', string>
  changesCollection: string
  pollIntervalMs: number
  localization: FeedLocalization
  preview: {
    disabled: boolean
    path: string
    breakpoints: { name: string; label: string; width: number; height: number }[]
  }
  pageSize: { default: number; max: number }
  cache: {
    maxAge: number
    staleWhileRevalidate: number
    maxEntries: number
    onInvalidate: (cause: 'local' | 'journal') => void
  }
  feedUrl?: string
}
