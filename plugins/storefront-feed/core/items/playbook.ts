import { escapeText } from '../escape'
import { richTextToPlainText } from '../richText'
import { type FeedItem, itemId, type SerializeContext } from './item'
import {
  articleHubFields,
  articleItemFields,
  iso,
  joinText,
  relatedTerms,
  seoOf,
  serializerSetup,
  shorten,
  text,
  unique,
} from './shared'
import { idsOf, listOf, type PlaybookSource, type PlaybookStepSource } from './sources'

/** Step anchors come from keys that are slugs already; anything else is dropped rather than escaped. */
const stepAnchor = (key: string | null | undefined): string | undefined =>
  key && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(key) ? `step-${key}` : undefined

export const serializePlaybook = async (doc: PlaybookSource, ctx: SerializeContext): Promise<FeedItem> => {
  const { picker, urls, render } = await serializerSetup(ctx, doc, false)
  const title = text(picker.pick('title', doc.title)) ?? doc.slug
  const summaryField = text(picker.pick('summary', doc.summary))
  const intro = picker.pick('intro', doc.intro)
  const closing = picker.pick('closing', doc.closing)
  const url = urls.playbook(doc)
  // In reading order: the first mention of a term in the document is the one linked.
  const introHtml = intro ? await render(intro) : ''
  const steps = await Promise.all(
    listOf<PlaybookStepSource>(doc.steps).map(async (step) => {
      const stepTitle = text(picker.pick('steps.title', step?.title)) ?? ''
      const body = picker.pick('steps.body', step?.body)
      return {
        key: text(step?.key) ?? null,
        title: stepTitle,
        html: body ? await render(body) : '',
        text: richTextToPlainText(body),
        channels: unique(listOf(step?.channels)),
        relatedTerms: idsOf(step?.relatedTerms),
      }
    }),
  )
  const closingHtml = closing ? await render(closing) : ''
  const introText = richTextToPlainText(intro)
  const related = relatedTerms(ctx, [...idsOf(doc.relatedTerms), ...steps.flatMap((step) => step.relatedTerms)])
  const channels = unique(steps.flatMap((step) => step.channels))
  const tags = unique([text(doc.stage), ...channels])
  const summary = summaryField?.trim() || shorten(introText)
  const datePublished = iso(doc.createdAt)
  const dateModified = iso(doc.updatedAt)
  const seo = seoOf(picker, doc.meta)
  const stepsHtml =
    steps.length === 0
      ? ''
      : `<ol class="hub-steps">${steps
          .map((step) => {
            const anchor = stepAnchor(step.key)
            return `<li${anchor ? ` id="${anchor}"` : ''}><h2>${escapeText(step.title)}</h2>${step.html}</li>`
          })
          .join('')}</ol>`

  return {
    id: itemId('playbook', doc.id),
    url,
    title,
    content_html: [introHtml, stepsHtml, closingHtml].join(''),
    content_text: joinText([
      introText,
      ...steps.map((step, index) => joinText([`${index + 1}. ${step.title}`, step.text])),
      richTextToPlainText(closing),
    ]),
    ...articleItemFields(ctx, picker, { summary, datePublished, dateModified, tags }),
    _hub: {
      type: 'playbook',
      id: doc.id,
      slug: doc.slug,
      related: related.map((term) => term.slug),
      stage: text(doc.stage) ?? null,
      steps: steps.map((step) => ({ key: step.key, title: step.title })),
      ...articleHubFields(ctx, picker, {
        type: 'playbook',
        slug: doc.slug,
        url,
        title,
        summary,
        seo,
        datePublished,
        dateModified,
        tags,
        related,
      }),
    },
  }
}
