import {
  convertLexicalToHTML,
  type HTMLConverter,
  type HTMLConverters,
} from '@payloadcms/richtext-lexical/html'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import type { SerializedEditorState, SerializedLexicalNode } from '@payloadcms/richtext-lexical/lexical'

import { escapeText, safeHref } from './escape'

/** Lexical JSON as stored; loose because the feed must survive whatever the database holds. */
export type RichText = SerializedEditorState | null | undefined

/** A link to another hub document, as Lexical stores it at depth 0. */
export type InternalLink = { relationTo: string; id: string }

/** Maps a link to a hub document onto its storefront URL; undefined when the target is not public. */
export type ResolveInternalLink = (link: InternalLink) => string | undefined

type LinkFields = {
  url?: string
  newTab?: boolean
  linkType?: 'custom' | 'internal'
  doc?: { relationTo?: string; value?: unknown } | null
}

const internalTarget = (fields: LinkFields | undefined): InternalLink | undefined => {
  const doc = fields?.doc
  if (!doc || typeof doc.relationTo !== 'string') return undefined
  const value = doc.value
  const id = typeof value === 'string' || typeof value === 'number' ? String(value) : (value as { id?: unknown })?.id
  return id === undefined || id === null ? undefined : { relationTo: doc.relationTo, id: String(id) }
}

const linkConverter =
  (resolve: ResolveInternalLink | undefined): HTMLConverter<any> =>
  ({ node, nodesToHTML }) => {
    const children = nodesToHTML({ nodes: node.children ?? [] }).join('')
    const fields = (node.fields ?? {}) as LinkFields
    let href: string | undefined
    if (fields.linkType === 'internal') {
      const target = internalTarget(fields)
      const url = target ? resolve?.(target) : undefined
      // An unpublished or unknown target keeps its text but loses the link.
      if (!url) return children
      href = safeHref(url)
    } else {
      href = safeHref(fields.url)
    }
    const newTab = fields.newTab === true ? ' target="_blank" rel="noopener noreferrer"' : ''
    return `<a href="${href}"${newTab}>${children}</a>`
  }

// Payload's table converters interpolate some node properties unescaped; tables get a plain rendering.
const tableConverters: HTMLConverters = {
  table: ({ node, nodesToHTML }) =>
    `<table><tbody>${nodesToHTML({ nodes: (node as any).children ?? [] }).join('')}</tbody></table>`,
  tablerow: ({ node, nodesToHTML }) => `<tr>${nodesToHTML({ nodes: (node as any).children ?? [] }).join('')}</tr>`,
  tablecell: ({ node, nodesToHTML }) => {
    const tag = Number((node as any).headerState) > 0 ? 'th' : 'td'
    return `<${tag}>${nodesToHTML({ nodes: (node as any).children ?? [] }).join('')}</${tag}>`
  },
}

const converters = (resolve: ResolveInternalLink | undefined) =>
  ({ defaultConverters }: { defaultConverters: HTMLConverters }): HTMLConverters => ({
    ...defaultConverters,
    ...tableConverters,
    link: linkConverter(resolve),
    autolink: linkConverter(resolve),
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
  Boolean(value && typeof value === 'object' && Array.isArray((value as any).root?.children))

/**
 * Rich text to HTML that can be inserted into a storefront page as is: text is escaped by Payload's
 * converters, hrefs pass `safeHref`, unknown nodes keep only their text, and no node adds attributes of
 * its own beyond Payload's computed alignment/indent styles.
 */
export const renderRichTextHtml = (value: RichText, resolve?: ResolveInternalLink): string => {
  if (!isEditorState(value)) return ''
  return convertLexicalToHTML({ data: value, disableContainer: true, converters: converters(resolve) })
}

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
