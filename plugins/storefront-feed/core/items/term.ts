import { cacheTagsFor } from '../../../webhooks/core/cacheTags'
import { escapeText } from '../escape'
import { definedTermJsonLd } from '../jsonld'
import { richTextToPlainText } from '../richText'
import { type FeedItem, itemId, type SerializeContext } from './item'
import { iso, joinText, relatedTerms, seoOf, serializerSetup, shorten, text, unique } from './shared'
import { idOf, idsOf, listOf, type TermSource } from './sources'

/** A glossary term as a feed item: names line, body (or summary), glossary, tags, related and broader terms. */
export const serializeTerm = async (doc: TermSource, ctx: SerializeContext): Promise<FeedItem> => {
  const { picker, labels, urls, render } = await serializerSetup(ctx, doc, true)
  const title = text(picker.pick('term', doc.term)) ?? doc.slug
  const summary = text(picker.pick('summary', doc.summary))
  const englishName = text(doc.englishName)
  const reading = text(doc.reading)
  const body = picker.pick('body', doc.body)
  const glossaryId = idOf(doc.glossary)
  const glossary = glossaryId ? ctx.lookups.glossaries.get(glossaryId) : undefined
  const glossaryName = (glossary && text(picker.pick('glossary', glossary.name))) ?? glossary?.slug ?? ''
  const url = urls.term(doc)
  const aliases = unique(listOf(doc.aliases))
  const tags = idsOf(doc.tags)
    .map((id) => ctx.lookups.tags.get(id))
    .filter((tag): tag is { slug: string; name: string } => Boolean(tag))
  const broaderId = idOf(doc.broader)
  const broader = broaderId && broaderId !== doc.id ? ctx.lookups.terms.get(broaderId) : undefined
  const related = relatedTerms(ctx, [...idsOf(doc.related), ...(ctx.lookups.reverseRelated.get(doc.id) ?? [])], doc.id)
  const seo = seoOf(picker, doc.meta)

  const names = [
    englishName ? `${labels.english}: ${englishName}` : '',
    reading ? `${labels.reading}: ${reading}` : '',
    aliases.length > 0 ? `${labels.aliases}: ${aliases.join(labels.list)}` : '',
  ].filter(Boolean)
  const bodyHtml = body ? await render(body) : ''
  const bodyText = richTextToPlainText(body)
  const contentHtml = [
    names.length > 0 ? `<p class="hub-term-names">${names.map(escapeText).join(escapeText(labels.separator))}</p>` : '',
    bodyHtml || (summary ? `<p>${escapeText(summary)}</p>` : ''),
  ].join('')
  const contentText = joinText([names.join(labels.separator), bodyText || summary || ''])

  return {
    id: itemId('glossary-term', doc.id),
    url,
    title,
    content_html: contentHtml,
    content_text: contentText,
    ...(summary || bodyText ? { summary: summary?.trim() || shorten(bodyText) } : {}),
    date_published: iso(doc.createdAt),
    date_modified: iso(doc.updatedAt),
    ...(tags.length > 0 ? { tags: unique(tags.map((tag) => tag.name)) } : {}),
    language: picker.fallback.includes('term') ? ctx.defaultLocale : ctx.locale,
    _hub: {
      type: 'glossary-term',
      id: doc.id,
      slug: doc.slug,
      glossary: glossary?.slug ?? null,
      glossary_name: glossaryName || null,
      english_name: englishName ?? null,
      reading: reading ?? null,
      aliases,
      tag_slugs: tags.map((tag) => tag.slug),
      related: related.map((term) => term.slug),
      broader: broader?.slug ?? null,
      excerpt: Boolean(doc.excerpt),
      cache_tags: cacheTagsFor({
        type: 'glossary-term',
        slug: doc.slug,
        glossary: glossary?.slug,
        tags: tags.map((tag) => tag.slug),
      }),
      seo,
      ...(picker.fallback.length > 0 ? { fallback: [...picker.fallback] } : {}),
      jsonld: definedTermJsonLd({
        url,
        name: title,
        slug: doc.slug,
        description: seo.description ?? (summary?.trim() || shorten(bodyText)),
        englishName,
        aliases,
        locale: ctx.locale,
        glossary: { url: urls.glossary(doc.glossary), name: glossaryName },
      }),
    },
  }
}
