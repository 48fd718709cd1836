/**
 * Lexical rich text → safe HTML, with the first mention of each other term linked to its page.
 *
 * Safe means: every text and attribute is escaped; only the rich text's own structure becomes
 * tags (p, h1–h6, lists, quotes, links, emphasis…); links keep http(s)/mailto/tel/relative URLs
 * only; no attribute ever carries script. Unknown nodes render their children, or nothing.
 */
import escapeHtml from 'escape-html'

import { MentionMatcher } from './matcher'

/** Where mentions are in a text: ranges of the text and the slug each names (several when a label is shared). */
export type MentionFinder = (text: string) => { start: number; end: number; slugs: string[] }[]

export type RenderOptions = {
  findMentions: MentionFinder
  /** The page's own term: never linked. */
  selfSlug?: string
  /** The storefront URL of a term. */
  urlFor: (slug: string) => string
}

type Node = {
  type?: unknown
  children?: unknown
  text?: unknown
  format?: unknown
  tag?: unknown
  listType?: unknown
  start?: unknown
  url?: unknown
  fields?: unknown
  checked?: unknown
}

// Lexical text format bits, outermost tag first.
const FORMATS: [bit: number, tag: string][] = [
  [1, 'strong'],
  [2, 'em'],
  [4, 's'],
  [8, 'u'],
  [16, 'code'],
  [32, 'sub'],
  [64, 'sup'],
]
const CODE_FORMAT = 16

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

/** An href we are willing to emit, or null (javascript:, data:, vbscript:, protocol-relative…). */
export const safeHref = (url: unknown): string | null => {
  if (typeof url !== 'string') return null
  // Browsers ignore whitespace and control characters inside a scheme (`java\tscript:`): so do we.
  const trimmed = url.trim()
  const compact = trimmed.replace(/[\u0000-\u0020\u007F-\u009F]/g, '')
  // Empty, or protocol-relative (`//host`, `/\\host`): another site with the page's scheme.
  if (compact === '' || /^[/\\]{2}/.test(compact)) return null
  if (/^(https?:|mailto:|tel:)/i.test(compact)) return trimmed
  // No scheme at all (`/glossary/x`, `#top`, `page.html`): relative. Any other scheme is dropped.
  if (!/^[a-z][a-z0-9+.-]*:/i.test(compact)) return trimmed
  return null
}

const children = (node: Node): Node[] =>
  Array.isArray(node.children) ? (node.children.filter((c) => c && typeof c === 'object') as Node[]) : []

type Context = { inLink: boolean; inHeading: boolean; linked: Set<string> }

/** Render a Lexical editor state to HTML, linking the first mention of each other term. */
export const renderLinkedHtml = (body: unknown, options: RenderOptions): string => {
  const root = (body as { root?: unknown } | null | undefined)?.root
  if (!root || typeof root !== 'object') return ''
  const linked = new Set<string>(options.selfSlug ? [options.selfSlug] : [])
  return renderChildren(root as Node, { inLink: false, inHeading: false, linked }, options)
}

const renderChildren = (node: Node, context: Context, options: RenderOptions): string =>
  children(node)
    .map((child) => renderNode(child, context, options))
    .join('')

const renderNode = (node: Node, context: Context, options: RenderOptions): string => {
  switch (node.type) {
    case 'text':
      return renderText(node, context, options)
    case 'linebreak':
      return '<br>'
    case 'tab':
      return '\t'
    case 'paragraph':
      return `<p>${renderChildren(node, context, options)}</p>`
    case 'heading': {
      const tag = typeof node.tag === 'string' && HEADING_TAGS.has(node.tag) ? node.tag : 'h2'
      return `<${tag}>${renderChildren(node, { ...context, inHeading: true }, options)}</${tag}>`
    }
    case 'quote':
      return `<blockquote>${renderChildren(node, context, options)}</blockquote>`
    case 'list': {
      if (node.listType === 'number') {
        const start = typeof node.start === 'number' && Number.isInteger(node.start) && node.start !== 1 ? ` start="${node.start}"` : ''
        return `<ol${start}>${renderChildren(node, context, options)}</ol>`
      }
      const checklist = node.listType === 'check' ? ' class="checklist"' : ''
      return `<ul${checklist}>${renderChildren(node, context, options)}</ul>`
    }
    case 'listitem': {
      const checked = typeof node.checked === 'boolean' ? ` data-checked="${node.checked}"` : ''
      return `<li${checked}>${renderChildren(node, context, options)}</li>`
    }
    case 'horizontalrule':
      return '<hr>'
    case 'code':
      // A code block: its text, verbatim and escaped; never auto-linked.
      return `<pre><code>${escapeHtml(plainText(node))}</code></pre>`
    case 'link':
    case 'autolink':
      return renderLink(node, context, options)
    case 'upload':
    case 'relationship':
    case 'block':
    case 'inlineBlock':
      // Embedded documents need their own renderers; the storefront text carries none.
      return ''
    default:
      return renderChildren(node, context, options)
  }
}

const renderLink = (node: Node, context: Context, options: RenderOptions): string => {
  const fields = (node.fields && typeof node.fields === 'object' ? node.fields : {}) as { url?: unknown; newTab?: unknown; linkType?: unknown }
  const inner = renderChildren(node, { ...context, inLink: true }, options)
  const href = fields.linkType === 'internal' ? null : safeHref(fields.url ?? node.url)
  if (!href) return inner
  const target = fields.newTab === true ? ' target="_blank" rel="noopener noreferrer"' : ''
  return `<a href="${escapeHtml(href)}"${target}>${inner}</a>`
}

const plainText = (node: Node): string => {
  if (node.type === 'text' && typeof node.text === 'string') return node.text
  if (node.type === 'linebreak') return '\n'
  return children(node).map(plainText).join('')
}

const renderText = (node: Node, context: Context, options: RenderOptions): string => {
  const text = typeof node.text === 'string' ? node.text : ''
  const format = typeof node.format === 'number' ? node.format : 0
  const linkable = !context.inLink && !context.inHeading && (format & CODE_FORMAT) === 0
  let html = linkable ? linkMentions(text, context, options) : escapeHtml(text)
  for (let i = FORMATS.length - 1; i >= 0; i--) {
    const [bit, tag] = FORMATS[i] as [number, string]
    if (format & bit) html = `<${tag}>${html}</${tag}>`
  }
  return html
}

const linkMentions = (text: string, context: Context, options: RenderOptions): string => {
  let html = ''
  let at = 0
  for (const mention of options.findMentions(text)) {
    if (mention.start < at) continue
    const slug = mention.slugs.find((candidate) => !context.linked.has(candidate))
    if (!slug) continue
    context.linked.add(slug)
    html += escapeHtml(text.slice(at, mention.start))
    html += `<a href="${escapeHtml(options.urlFor(slug))}" class="term-link" data-term="${escapeHtml(slug)}">${escapeHtml(text.slice(mention.start, mention.end))}</a>`
    at = mention.end
  }
  return html + escapeHtml(text.slice(at))
}

/**
 * A URL builder from a template such as `https://shop.example.com{localePrefix}/glossary/{glossary}/{slug}`:
 * `{slug}`, `{glossary}` (glossary slug), `{locale}`, `{localePrefix}` ('' for the default locale, else `/<locale>`).
 */
export const termUrlBuilder =
  (template: string, locale?: string, defaultLocale?: string) =>
  (slug: string, glossary = ''): string =>
    template
      .replaceAll('{slug}', encodeURIComponent(slug))
      .replaceAll('{glossary}', encodeURIComponent(glossary))
      .replaceAll('{localePrefix}', locale && locale !== defaultLocale ? `/${encodeURIComponent(locale)}` : '')
      .replaceAll('{locale}', encodeURIComponent(locale ?? ''))

/** A MentionFinder over a fixed list of terms (tests, scripts): each term's slug and labels. */
export const mentionFinderFor = (terms: { slug: string; labels: string[] }[]): MentionFinder => {
  const matcher = new MentionMatcher(terms.map((t) => ({ termId: t.slug, labels: t.labels })))
  return (text) => groupBySpan(matcher.find(text).map((m) => ({ start: m.start, end: m.end, slug: m.termId })))
}

/** Mentions of the same span (a label several terms share) become one entry with several slugs. */
export const groupBySpan = (mentions: { start: number; end: number; slug: string }[]): ReturnType<MentionFinder> => {
  const out: ReturnType<MentionFinder> = []
  for (const mention of mentions) {
    const last = out[out.length - 1]
    if (last && last.start === mention.start && last.end === mention.end) last.slugs.push(mention.slug)
    else out.push({ start: mention.start, end: mention.end, slugs: [mention.slug] })
  }
  return out
}
