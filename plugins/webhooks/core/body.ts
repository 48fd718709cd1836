import { fillUrlTemplate } from '../../storefront-feed/core/urls'
import type { FeedLocale, UrlTemplates } from '../../storefront-feed/types'

// `{localePrefix}` is empty for the hub's default locale; this plugin does not read the config's yet.
const HUB_DEFAULT_LOCALE: FeedLocale = 'ja'
import type { SubjectType, WebhookEvent, WebhookEventBody } from '../types'

export type EventSubject = {
  type: SubjectType
  collection: string
  id: string
  slug: string | null
  previousSlug?: string | null
  status: 'published' | 'draft' | null
  /** Terms: their glossary's slug now and before the change (URLs include it). */
  glossary?: string | null
  previousGlossary?: string | null
}

/**
 * Storefront URL of a document per locale, from the feed's templates. Tags have no page of their own;
 * a document without a slug has no URL.
 */
export const storefrontUrlsOf = (
  subject: { type: SubjectType; id: string; slug: string | null | undefined; glossary?: string | null },
  settings: { baseUrl: string; urls: UrlTemplates; locales: string[] },
): Record<string, string> => {
  if (subject.type === 'tag' || !subject.slug) return {}
  const urls: Record<string, string> = {}
  for (const locale of settings.locales) {
    const values = { id: subject.id, locale: locale as FeedLocale }
    urls[locale] =
      subject.type === 'glossary'
        ? fillUrlTemplate(
            settings.baseUrl,
            settings.urls.glossary,
            { ...values, glossary: subject.slug },
            HUB_DEFAULT_LOCALE,
          )
        : fillUrlTemplate(
            settings.baseUrl,
            settings.urls[subject.type],
            {
              ...values,
              slug: subject.slug,
              glossary: subject.glossary ?? '',
            },
            HUB_DEFAULT_LOCALE,
          )
  }
  return urls
}

/** The JSON body of one event, before it is serialised once and stored: retries send the same bytes. */
export const buildEventBody = (args: {
  eventId: string
  type: WebhookEvent | 'test'
  occurredAt: Date
  subject: EventSubject
  locale: string | null
  cacheTags: string[]
  settings: { baseUrl: string; urls: UrlTemplates; locales: string[] }
}): WebhookEventBody => {
  const { subject, settings } = args
  const urls = storefrontUrlsOf(subject, settings)
  const moved =
    (subject.previousSlug && subject.previousSlug !== subject.slug) ||
    (subject.previousGlossary !== undefined && subject.previousGlossary !== subject.glossary)
  const previousUrls = moved
    ? storefrontUrlsOf(
        {
          ...subject,
          slug: subject.previousSlug ?? subject.slug,
          glossary: subject.previousGlossary === undefined ? subject.glossary : subject.previousGlossary,
        },
        settings,
      )
    : {}
  return {
    id: args.eventId,
    type: args.type,
    occurred_at: args.occurredAt.toISOString(),
    document: {
      type: subject.type,
      collection: subject.collection,
      id: subject.id,
      slug: subject.slug,
      ...(subject.previousSlug && subject.previousSlug !== subject.slug ? { previous_slug: subject.previousSlug } : {}),
      _status: subject.status,
      locale: args.locale,
      locales: [...settings.locales],
      urls,
      ...(Object.keys(previousUrls).length > 0 ? { previous_urls: previousUrls } : {}),
    },
    cache_tags: args.cacheTags,
  }
}
