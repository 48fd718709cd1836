/**
 * Which locale a document opens in. Payload's admin reopens the last locale the editor used anywhere, so
 * after one English edit every document opened from a list starts in English. Here a document opens in
 * the default locale unless the editor chose another locale for that very document (remembered in a
 * small cookie of recent choices). Pure, so the rule is tested without a server.
 */

export const DOC_LOCALE_COOKIE = 'hub-doc-locale'
const REMEMBERED = 30

/** `/admin/collections/<slug>/<id>` (the edit view itself; not its versions, API or create screens). */
export const documentKey = (pathname: string, adminRoute = '/admin'): string | undefined => {
  const match = new RegExp(`^${adminRoute}/collections/([^/]+)/([^/]+)/?$`).exec(pathname)
  if (!match || match[2] === 'create') return undefined
  return `${match[1]}/${match[2]}`
}

export const readChoices = (cookie: string | undefined): Map<string, string> => {
  const choices = new Map<string, string>()
  for (const pair of (cookie ?? '').split('|')) {
    const [key, locale] = pair.split('=')
    if (key && locale) choices.set(key, locale)
  }
  return choices
}

export const writeChoices = (choices: Map<string, string>): string =>
  [...choices]
    .slice(-REMEMBERED)
    .map(([key, locale]) => `${key}=${locale}`)
    .join('|')

export type LocaleDecision =
  { action: 'redirect'; locale: string } | { action: 'remember'; cookie: string } | { action: 'none' }

/**
 * No `locale` in the URL: open in the remembered choice or the default (a redirect, so the URL says it).
 * An explicit non-default locale: remember it for this document; the default: forget the choice.
 */
export const decideDocumentLocale = (args: {
  key: string
  requested: string | null
  cookie: string | undefined
  locales: readonly string[]
  defaultLocale: string
}): LocaleDecision => {
  const choices = readChoices(args.cookie)
  if (!args.requested) {
    const remembered = choices.get(args.key)
    return {
      action: 'redirect',
      locale: remembered && args.locales.includes(remembered) ? remembered : args.defaultLocale,
    }
  }
  if (!args.locales.includes(args.requested)) return { action: 'none' }
  const had = choices.get(args.key)
  if (args.requested === args.defaultLocale) {
    if (had === undefined) return { action: 'none' }
    choices.delete(args.key)
    return { action: 'remember', cookie: writeChoices(choices) }
  }
  if (had === args.requested) return { action: 'none' }
  choices.delete(args.key)
  choices.set(args.key, args.requested)
  return { action: 'remember', cookie: writeChoices(choices) }
}
