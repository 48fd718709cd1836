import escapeHtml from 'escape-html'
import { sanitizeUrl } from 'payload/shared'

/** Text placed in HTML content or a quoted attribute: & < > " ' are escaped. */
export const escapeText = (value: string | null | undefined): string => escapeHtml(value ?? '')

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto', 'tel'])

/**
 * The hub's one URL sanitiser: an href that cannot run script, escaped for the attribute, or null when the
 * URL must not become a link (its text stays, unlinked).
 *
 * - Payload's sanitizeUrl first (drops control characters, turns javascript:, data:, vbscript: … into '#');
 *   then only http(s), mailto and tel survive as schemes; '#', '' and anything else give null.
 * - Protocol-relative `//host/path` (and the `/\host`, `\\host` spellings browsers read the same way) names
 *   another site with whatever scheme the storefront page has: it becomes `https://host/path`, so the
 *   link is explicit, never downgraded to http, and every renderer of the hub treats it the same.
 * - Relative URLs (`/glossary/x`, `#top`, `page.html`) stay as they are.
 * Entity tricks such as `javascript&colon;` stay inert because `&` is escaped.
 */
export const safeHref = (url: string | null | undefined): string | null => {
  let cleaned = sanitizeUrl(String(url ?? '')).trim()
  if (cleaned === '' || cleaned === '#') return null
  if (/^[/\\]{2}/.test(cleaned)) {
    const host = cleaned.replace(/^[/\\]+/, '').replace(/\\/g, '/')
    if (!/^[a-z0-9.-]+(?::\d+)?(?:[/?#]|$)/i.test(host)) return null
    cleaned = `https://${host}`
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase()
  if (scheme && !ALLOWED_SCHEMES.has(scheme)) return null
  return escapeHtml(cleaned)
}
