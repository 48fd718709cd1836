import type { ContentType, FeedLocale, SanitizedFeedOptions } from '../types'
import { fillUrlTemplate, matchUrlTemplate, type MatchedUrl, templatePath } from './urls'

/** What a preview path names: a content type and the template values read back from the path. */
export type PreviewTarget = MatchedUrl & { type: ContentType; locale: FeedLocale }

/**
 * The document a hub preview path names: the storefront path (from the feed's URL templates) under the
 * preview prefix. Tried in the order of `contentTypes`; a path no template fits names nothing.
 */
export const previewTargetFor = (options: SanitizedFeedOptions, pathname: string): PreviewTarget | undefined => {
  const prefix = options.preview.path
  if (pathname !== prefix && !pathname.startsWith(`${prefix}/`)) return undefined
  const rest = pathname.slice(prefix.length) || '/'
  for (const type of options.contentTypes) {
    const found = matchUrlTemplate(options.urls[type], rest, options.localization)
    if (found && (found.slug || found.id))
      return { ...found, type, locale: found.locale ?? options.localization.defaultLocale }
  }
  return undefined
}

/** The hub's preview URL of a document: its storefront path from the same template, under the preview prefix. */
export const previewUrlFor = (
  options: SanitizedFeedOptions,
  hubOrigin: string,
  type: ContentType,
  values: { slug: string; id: string; glossary?: string; locale: FeedLocale },
): string =>
  fillUrlTemplate(
    `${hubOrigin.replace(/\/+$/, '')}${options.preview.path}`,
    templatePath(options.urls[type]),
    values,
    options.localization.defaultLocale,
  )
