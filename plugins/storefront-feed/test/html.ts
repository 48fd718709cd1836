import { Window } from 'happy-dom'

/** Tags and attributes the feed's HTML may contain; anything else means markup leaked from data. */
const ALLOWED_TAGS = new Set([
  'p',
  'br',
  'strong',
  'em',
  'span',
  'code',
  'sub',
  'sup',
  'a',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'hr',
  'table',
  'tbody',
  'tr',
  'td',
  'th',
  'div',
  'pre',
  's',
  'u',
])
const ALLOWED_ATTRIBUTES = new Set(['href', 'class', 'id', 'style', 'target', 'rel', 'value', 'start'])
const isAllowedAttribute = (name: string) => ALLOWED_ATTRIBUTES.has(name) || /^data-[a-z-]+$/.test(name)
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel'])

/** What a browser would treat as the URL's scheme: tabs and newlines vanish, C0 and spaces are trimmed. */
const schemeOf = (href: string): string | undefined =>
  /^([a-z][a-z0-9+.-]*):/i.exec(href.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, ''))?.[1]?.toLowerCase()

/**
 * Problems in an HTML fragment (the feed's own renderer or the related-term graph's), found twice: by scanning the text (every `<` must open an allowed tag,
 * since data is escaped) and by parsing it with happy-dom (no script, no on* handler, no unsafe href).
 */
export const htmlProblems = (html: string): string[] => {
  const problems: string[] = []
  for (const match of html.matchAll(/<\/?([a-zA-Z0-9-]+)((?:\s[^>]*)?)\/?>|<(?![a-zA-Z/])/g)) {
    if (!match[1]) {
      problems.push(`bare "<" at ${match.index}`)
      continue
    }
    const tag = match[1].toLowerCase()
    if (!ALLOWED_TAGS.has(tag)) problems.push(`tag <${tag}>`)
    for (const attr of (match[2] ?? '').matchAll(/([^\s=]+)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)/g)) {
      if (!isAllowedAttribute(attr[1]!.toLowerCase())) problems.push(`attribute ${attr[1]} on <${tag}>`)
    }
  }
  const window = new Window()
  const container = window.document.createElement('div')
  container.innerHTML = html
  for (const element of container.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase()
    if (['script', 'iframe', 'object', 'embed', 'style', 'img', 'svg', 'math', 'form', 'input'].includes(tag)) {
      problems.push(`parsed <${tag}>`)
    }
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase()
      const value = attribute.value ?? ''
      if (name.startsWith('on')) problems.push(`parsed handler ${name} on <${tag}>`)
      const scheme = name === 'href' ? schemeOf(value) : undefined
      if (scheme && !SAFE_SCHEMES.has(scheme)) problems.push(`parsed href "${value}"`)
      if (name === 'style' && /url\(|expression|javascript/i.test(value)) problems.push(`parsed style "${value}"`)
    }
  }
  void window.happyDOM.close()
  return problems
}

/** The text a browser would show for the fragment. */
export const visibleText = (html: string): string => {
  const window = new Window()
  const container = window.document.createElement('div')
  container.innerHTML = html
  const text = container.textContent ?? ''
  void window.happyDOM.close()
  return text
}

/** Strings an attacker with edit rights might try in any text field. */
export const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '</p><a href="javascript:alert(1)">x</a>',
  '<style>body{display:none}</style>',
  '&lt;script&gt;already escaped&lt;/script&gt;',
  'javascript:alert(1)',
  '\u2028</script><script>alert(2)</script>',
]
