import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

export type RelatedTermGraphConfig = {
  /**
   * Keep the schema (the hidden change-log collection) but add no hooks, endpoints, GraphQL
   * query, admin components or start-up work.
   * @default false
   */
  disabled?: boolean
  /**
   * Storefront URL of a term page for `renderLinkedHtml`'s auto-links. Placeholders: `{slug}` (term),
   * `{glossary}` (glossary slug), `{locale}` and `{localePrefix}` ('' for the default locale, else `/en`).
   * @default '/glossary/{slug}'
   */
  termUrl?: string
  /** @default 'glossary-terms' */
  termsCollection?: CollectionSlug
  /** @default 'case-studies' */
  caseStudiesCollection?: CollectionSlug
  /** @default 'playbooks' */
  playbooksCollection?: CollectionSlug
  /** @default 'tags' */
  tagsCollection?: CollectionSlug
  /** @default 'glossaries' */
  glossariesCollection?: CollectionSlug
  /**
   * Slug of the hidden collection holding the change log that instances poll.
   * @default 'term-graph-changes'
   */
  changesCollection?: string
  /**
   * How often each instance looks for changes made by other instances, in ms (0: never).
   * @default 2000
   */
  pollIntervalMs?: number
  /**
   * How long change-log entries are kept, in ms. An instance that could not poll for longer rebuilds.
   * @default 3_600_000 (one hour)
   */
  changeRetentionMs?: number
  /**
   * Tags on more terms than this are too broad to relate them (no shared-tag edges).
   * @default 50
   */
  maxSharedTagGroup?: number
  /**
   * Build the graph while Payload starts (in the background), instead of on the first request.
   * @default true
   */
  buildOnInit?: boolean
  /**
   * Who sees the latest (draft) graph; everyone else sees published terms only.
   * @default signed-in users of the admin user collection (editors, admins)
   */
  canSeeDrafts?: (req: PayloadRequest) => boolean
}

export type SanitizedRelatedTermGraphConfig = Required<Omit<RelatedTermGraphConfig, 'canSeeDrafts'>> & {
  canSeeDrafts: (req: PayloadRequest) => boolean
}

export const DEFAULTS = {
  disabled: false,
  termUrl: '/glossary/{slug}',
  termsCollection: 'glossary-terms',
  caseStudiesCollection: 'case-studies',
  playbooksCollection: 'playbooks',
  tagsCollection: 'tags',
  glossariesCollection: 'glossaries',
  changesCollection: 'term-graph-changes',
  pollIntervalMs: 2000,
  changeRetentionMs: 3_600_000,
  maxSharedTagGroup: 50,
  buildOnInit: true,
} as const

export const sanitizeOptions = (options: RelatedTermGraphConfig, adminUserCollection?: string): SanitizedRelatedTermGraphConfig => ({
  disabled: options.disabled ?? DEFAULTS.disabled,
  termUrl: options.termUrl ?? DEFAULTS.termUrl,
  termsCollection: options.termsCollection ?? (DEFAULTS.termsCollection as CollectionSlug),
  caseStudiesCollection: options.caseStudiesCollection ?? (DEFAULTS.caseStudiesCollection as CollectionSlug),
  playbooksCollection: options.playbooksCollection ?? (DEFAULTS.playbooksCollection as CollectionSlug),
  tagsCollection: options.tagsCollection ?? (DEFAULTS.tagsCollection as CollectionSlug),
  glossariesCollection: options.glossariesCollection ?? (DEFAULTS.glossariesCollection as CollectionSlug),
  changesCollection: options.changesCollection ?? DEFAULTS.changesCollection,
  pollIntervalMs: options.pollIntervalMs ?? DEFAULTS.pollIntervalMs,
  changeRetentionMs: options.changeRetentionMs ?? DEFAULTS.changeRetentionMs,
  maxSharedTagGroup: options.maxSharedTagGroup ?? DEFAULTS.maxSharedTagGroup,
  buildOnInit: options.buildOnInit ?? DEFAULTS.buildOnInit,
  canSeeDrafts:
    options.canSeeDrafts ??
    ((req) => Boolean(req.user) && (adminUserCollection === undefined || req.user?.collection === adminUserCollection)),
})

/** Arguments of `config.custom.relatedTermGraph.renderLinkedHtml`. */
export type RenderLinkedHtmlArgs = {
  payload: Payload
  body: SerializedEditorState | null | undefined
  /** The page's own term: never linked to itself. */
  selfSlug?: string
  /** Fills `{locale}` / `{localePrefix}` of the URL template. @default the default locale */
  locale?: 'ja' | 'en'
}

/**
 * What the plugin puts on `config.custom.relatedTermGraph` for other plugins (the storefront feed):
 * `renderLinkedHtml` renders rich text to safe HTML with the first mention of each other
 * published term linked to its storefront URL.
 */
export type RelatedTermGraphCustom = {
  renderLinkedHtml: (args: RenderLinkedHtmlArgs) => Promise<string>
}
