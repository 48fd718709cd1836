import escapeHtml from 'escape-html'
import { sanitizeUrl } from 'payload/shared'

/** Text placed in HTML content or a quoted attribute: & < > " ' are escaped. */
export const escapeText = (value: string | null | undefined): string => escapeHtml(value ?? '')

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto', 'tel'])

/**
 * An href that cannot run script: Payload's sanitizeUrl (drops control characters, turns javascript:,
 * data:, vbscript: … into '#'), then our own allow-list check on whatever scheme is left, then escaping
 * for the attribute. Entity tricks such as `javascript&colon;` stay inert because `&` is escaped.
 */
export const safeHref = (url: string | null | undefined): string => {
  const cleaned = sanitizeUrl(String(url ?? ''))
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase()
  if (scheme && !ALLOWED_SCHEMES.has(scheme)) return '#'
  return escapeHtml(cleaned || '#')
}
