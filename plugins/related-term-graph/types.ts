import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

export type RelatedTermGraphConfig = {
  /**
   * Keep the schema (the hidden change-log collection) but add no hooks, endpoints, GraphQL
   * query, admin components or start-up work.
   * @default false
   */
  disabled?: boolean
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

export type SanitizedRelatedTermGraphConfig = Required<
  Omit<RelatedTermGraphConfig, 'canSeeDrafts' | 'changesCollection'>
> & {
  /** A slug the plugin adds itself, so the app's generated types may not list it yet: typed here, once. */
  changesCollection: CollectionSlug
  canSeeDrafts: (req: PayloadRequest) => boolean
}

export const DEFAULTS = {
  disabled: false,
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

export const sanitizeOptions = (
  options: RelatedTermGraphConfig,
  adminUserCollection?: string,
): SanitizedRelatedTermGraphConfig => ({
  disabled: options.disabled ?? DEFAULTS.disabled,
  termsCollection: options.termsCollection ?? (DEFAULTS.termsCollection as CollectionSlug),
  caseStudiesCollection: options.caseStudiesCollection ?? (DEFAULTS.caseStudiesCollection as CollectionSlug),
  playbooksCollection: options.playbooksCollection ?? (DEFAULTS.playbooksCollection as CollectionSlug),
  tagsCollection: options.tagsCollection ?? (DEFAULTS.tagsCollection as CollectionSlug),
  glossariesCollection: options.glossariesCollection ?? (DEFAULTS.glossariesCollection as CollectionSlug),
  changesCollection: (options.changesCollection ?? DEFAULTS.changesCollection) as CollectionSlug,
  pollIntervalMs: options.pollIntervalMs ?? DEFAULTS.pollIntervalMs,
  changeRetentionMs: options.changeRetentionMs ?? DEFAULTS.changeRetentionMs,
  maxSharedTagGroup: options.maxSharedTagGroup ?? DEFAULTS.maxSharedTagGroup,
  buildOnInit: options.buildOnInit ?? DEFAULTS.buildOnInit,
  canSeeDrafts:
    options.canSeeDrafts ??
    ((req) => Boolean(req.user) && (adminUserCollection === undefined || req.user?.collection === adminUserCollection)),
})

/** The term an auto-link points at, with what a storefront tooltip needs. */
export type AutoLinkTarget = {
  id: string
  slug: string
  /** Slug of the term's glossary ('' when unknown): fills `{glossary}` in the storefront URL template. */
  glossary: string
  /** The term's summary in the requested locale (else the default locale's), as plain unescaped text. */
  summary?: string
}

/** One mention to link in a text: the range [start, end) of that text, and the term. */
export type AutoLink = { start: number; end: number; term: AutoLinkTarget }

/**
 * Finds what to link in the texts of one document, in reading order. It remembers what it linked, so
 * each term is linked at its first mention in the document only; call it once per text node.
 */
export type DocumentMentionLinker = (text: string) => AutoLink[]

/** Arguments of `config.custom.relatedTermGraph.mentionLinker`. */
export type MentionLinkerArgs = {
  payload: Payload
  /** Which summary the tooltips carry. @default the default locale */
  locale?: 'ja' | 'en'
  /** The document's own term (when it is a glossary term): never linked to itself. */
  selfId?: string
}

/**
 * What the plugin puts on `config.custom.relatedTermGraph` for a rich-text renderer (the storefront feed's):
 * the mention-linking step only. The linker knows published terms only and never links a term whose
 * editors ticked "never auto-link"; the renderer decides the markup and the URL.
 */
export type RelatedTermGraphCustom = {
  mentionLinker: (args: MentionLinkerArgs) => Promise<DocumentMentionLinker>
}
