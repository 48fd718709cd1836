import { convertLexicalToHTML, type HTMLConverter, type HTMLConverters } from '@payloadcms/richtext-lexical/html'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import type { SerializedEditorState, SerializedLexicalNode } from '@payloadcms/richtext-lexical/lexical'

import { escapeText, safeHref } from './escape'

/** Lexical JSON as stored; loose because the feed must survive whatever the database holds. */
export type RichText = SerializedEditorState | null | undefined

/** A link to another hub document, as Lexical stores it at depth 0. */
export type InternalLink = { relationTo: string; id: string }

/** Maps a link to a hub document onto its storefront URL; undefined when the target is not public. */
export type ResolveInternalLink = (link: InternalLink) => string | undefined

/** An auto-link to add inside a text node: the range [start, end) of its text, where it points, the tooltip data. */
export type MentionLink = { start: number; end: number; href: string; slug: string; summary?: string }

/** The mention-linking step: what to link in one text node's text (called in reading order). */
export type LinkMentions = (text: string) => MentionLink[]

export type RenderRichTextOptions = {
  /** Storefront URLs of links to hub documents; without it such links keep their text only. */
  resolveInternalLink?: ResolveInternalLink
  /** Adds auto-links to text outside links, headings and code; without it, no auto-links. */
  linkMentions?: LinkMentions
}

/** The class every auto-link carries, so storefronts can style them and attach tooltips. */
export const MENTION_LINK_CLASS = 'term-link'

type LinkFields = {
  url?: string
  newTab?: boolean
  linkType?: 'custom' | 'internal'
  doc?: { relationTo?: string; value?: unknown } | null
}

/** A Lexical node as stored: its own fields are whatever its type defines. */
type LexicalNodeData = SerializedLexicalNode & { children?: SerializedLexicalNode[]; [field: string]: unknown }

const internalTarget = (fields: LinkFields | undefined): InternalLink | undefined => {
  const doc = fields?.doc
  if (!doc || typeof doc.relationTo !== 'string') return undefined
  const value = doc.value
  const id = typeof value === 'string' || typeof value === 'number' ? String(value) : (value as { id?: unknown })?.id
  return id === undefined || id === null ? undefined : { relationTo: doc.relationTo, id: String(id) }
}

const linkConverter =
  (resolve: ResolveInternalLink | undefined): HTMLConverter<LexicalNodeData> =>
  ({ node, nodesToHTML }) => {
    const children = nodesToHTML({ nodes: node.children ?? [] }).join('')
    const fields = (node.fields ?? {}) as LinkFields
    let href: string | null
    if (fields.linkType === 'internal') {
      const target = internalTarget(fields)
      const url = target ? resolve?.(target) : undefined
      // An unpublished or unknown target keeps its text but loses the link.
      if (!url) return children
      href = safeHref(url)
    } else {
      href = safeHref(fields.url)
    }
    if (!href) return children
    const newTab = fields.newTab === true ? ' target="_blank" rel="noopener noreferrer"' : ''
    return `<a href="${href}"${newTab}>${children}</a>`
  }

// Payload's table converters interpolate some node properties unescaped; tables get a plain rendering.
const tableConverters: HTMLConverters = {
  table: ({ node, nodesToHTML }) =>
    `<table><tbody>${nodesToHTML({ nodes: (node as LexicalNodeData).children ?? [] }).join('')}</tbody></table>`,
  tablerow: ({ node, nodesToHTML }) =>
    `<tr>${nodesToHTML({ nodes: (node as LexicalNodeData).children ?? [] }).join('')}</tr>`,
  tablecell: ({ node, nodesToHTML }) => {
    const tag = Number((node as LexicalNodeData).headerState) > 0 ? 'th' : 'td'
    return `<${tag}>${nodesToHTML({ nodes: (node as LexicalNodeData).children ?? [] }).join('')}</${tag}>`
  },
}

// Text under these nodes is never auto-linked: a link inside a link, a heading or code would be wrong.
const UNLINKABLE_PARENTS = new Set(['link', 'autolink', 'heading', 'code'])
const CODE_FORMAT = 16

const insideUnlinkable = (parent: unknown): boolean => {
  for (let node = parent as { type?: unknown; parent?: unknown } | undefined; node; node = node.parent as typeof node) {
    if (typeof node.type === 'string' && UNLINKABLE_PARENTS.has(node.type)) return true
  }
  return false
}

/** Payload's text converter, with auto-links wrapped around the mentions `linkMentions` picks. */
const textConverter =
  (converter: HTMLConverter<LexicalNodeData>, linkMentions: LinkMentions): HTMLConverter<LexicalNodeData> =>
  (args) => {
    const text = (input: typeof args): string => (typeof converter === 'function' ? converter(input) : converter)
    const node = args.node as { text?: unknown; format?: unknown }
    const value = typeof node.text === 'string' ? node.text : ''
    const format = typeof node.format === 'number' ? node.format : 0
    if (value === '' || format & CODE_FORMAT || insideUnlinkable(args.parent)) return text(args)
    const links = linkMentions(value)
    if (links.length === 0) return text(args)
    const piece = (from: number, to: number) =>
      from < to ? text({ ...args, node: { ...args.node, text: value.slice(from, to) } }) : ''
    let html = ''
    let at = 0
    for (const link of links) {
      if (link.start < at || link.end <= link.start || link.end > value.length) continue
      const href = safeHref(link.href)
      if (!href) continue
      const summary = link.summary ? ` data-term-summary="${escapeText(link.summary)}"` : ''
      html += `${piece(at, link.start)}<a href="${href}" class="${MENTION_LINK_CLASS}" data-term="${escapeText(link.slug)}"${summary}>${piece(link.start, link.end)}</a>`
      at = link.end
    }
    return html + piece(at, value.length)
  }

const codeConverter: HTMLConverter<LexicalNodeData> = ({ node, nodesToHTML }) =>
  `<pre><code>${nodesToHTML({ nodes: (node as LexicalNodeData).children ?? [] }).join('')}</code></pre>`

const converters =
  ({ resolveInternalLink, linkMentions }: RenderRichTextOptions) =>
  ({ defaultConverters }: { defaultConverters: HTMLConverters }): HTMLConverters => ({
    ...defaultConverters,
    ...tableConverters,
    ...(linkMentions && defaultConverters.text
      ? { text: textConverter(defaultConverters.text as HTMLConverter<LexicalNodeData>, linkMentions) }
      : {}),
    code: codeConverter,
    link: linkConverter(resolveInternalLink),
    autolink: linkConverter(resolveInternalLink),
    // Uploads, relationships and blocks carry no public representation in the feed.
    upload: () => '',
    relationship: () => '',
    blocks: {},
    inlineBlocks: {},
    unknown: ({ node, nodesToHTML }) => {
      const children = (node as SerializedLexicalNode & { children?: SerializedLexicalNode[] }).children
      if (Array.isArray(children)) return nodesToHTML({ nodes: children }).join('')
      const text = (node as { text?: unknown }).text
      return typeof text === 'string' ? escapeText(text) : ''
    },
  })

const isEditorState = (value: unknown): value is SerializedEditorState =>
  Boolean(
    value && typeof value === 'object' && Array.isArray((value as { root?: { children?: unknown } }).root?.children),
  )

/**
 * The hub's one rich-text renderer: HTML that can be inserted into a storefront page as is. Text is
 * escaped by Payload's converters, every href passes `safeHref`, unknown nodes keep only their text, and
 * no node adds attributes of its own beyond Payload's computed alignment/indent styles and the auto-links'
 * `class="term-link" data-term="<slug>" data-term-summary="<summary>"`.
 *
 * The second argument may still be a bare `ResolveInternalLink` (its earlier signature).
 */
export const renderRichTextHtml = (
  value: RichText,
  options: RenderRichTextOptions | ResolveInternalLink = {},
): string => {
  if (!isEditorState(value)) return ''
  const settings = typeof options === 'function' ? { resolveInternalLink: options } : options
  return convertLexicalToHTML({ data: value, disableContainer: true, converters: converters(settings) })
}

/** The hub's one Lexical → text function for the feed: Payload's plain-text converter. */
export const richTextToPlainText = (value: RichText): string => {
  if (!isEditorState(value)) return ''
  return convertLexicalToPlaintext({ data: value }).trim()
}

/** True when the rich text holds any visible text (Lexical saves an empty paragraph for "nothing"). */
export const hasRichText = (value: RichText): boolean => richTextToPlainText(value).length > 0

/** Every internal link in a rich-text tree, so a page can resolve them all in one batched lookup. */
export const collectInternalLinks = (value: RichText, into: InternalLink[] = []): InternalLink[] => {
  if (!isEditorState(value)) return into
  const walk = (nodes: unknown[]) => {
    for (const node of nodes as { type?: string; fields?: LinkFields; children?: unknown[] }[]) {
      if (node?.type === 'link' && node.fields?.linkType === 'internal') {
        const target = internalTarget(node.fields)
        if (target) into.push(target)
      }
      if (Array.isArray(node?.children)) walk(node.children)
    }
  }
  walk(value.root.children)
  return into
}
