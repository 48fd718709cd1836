import { escapeText } from '../escape'
import { richTextToPlainText } from '../richText'
import { type FeedItem, itemId, type SerializeContext } from './item'
import {
  articleHubFields,
  articleItemFields,
  iso,
  joinText,
  listHtml,
  listText,
  relatedTerms,
  seoOf,
  serializerSetup,
  shorten,
  text,
  unique,
} from './shared'
import { type CaseStudySource, idOf, idsOf, listOf, type RelationValue } from './sources'

/** A case study as a feed item: persona line, scenario, tactics and outcomes, and the playbook steps it shows. */
export const serializeCaseStudy = async (doc: CaseStudySource, ctx: SerializeContext): Promise<FeedItem> => {
  const { picker, labels, urls, render } = await serializerSetup(ctx, doc, false)
  const title = text(picker.pick('title', doc.title)) ?? doc.slug
  const industry = text(picker.pick('industry', doc.industry))
  const scenario = picker.pick('scenario', doc.scenario)
  const tactics = unique(listOf<{ text?: unknown }>(picker.pick('tactics', doc.tactics)).map((row) => row?.text))
  const outcomes = unique(listOf<{ text?: unknown }>(picker.pick('outcomes', doc.outcomes)).map((row) => row?.text))
  const personaName = text(doc.persona?.name)
  const romanized = text(doc.persona?.romanized)
  const persona = personaName ? `${personaName}${romanized ? ` (${romanized})` : ''}` : ''
  const personaLine = [persona, industry ?? ''].filter(Boolean).join(labels.separator)
  const related = relatedTerms(ctx, idsOf(doc.relatedTerms))
  const url = urls.caseStudy(doc)
  const scenarioHtml = scenario ? await render(scenario) : ''
  const scenarioText = richTextToPlainText(scenario)
  const channels = unique(listOf(doc.channels))
  const summary = shorten(scenarioText) ?? shorten(outcomes.join(' '))
  const playbookSteps = listOf<{ playbook?: RelationValue; stepKey?: string | null }>(doc.playbookSteps)
    .map((row) => {
      const id = idOf(row?.playbook)
      const playbook = id ? ctx.lookups.playbooks.get(id) : undefined
      return playbook && text(row?.stepKey) ? { playbook: playbook.slug, step: row.stepKey! } : undefined
    })
    .filter((row): row is { playbook: string; step: string } => Boolean(row))
  const tags = unique([...channels, industry])
  const datePublished = iso(doc.createdAt)
  const dateModified = iso(doc.updatedAt)
  const seo = seoOf(picker, doc.meta)

  return {
    id: itemId('case-study', doc.id),
    url,
    title,
    content_html: [
      personaLine ? `<p class="hub-persona">${escapeText(personaLine)}</p>` : '',
      scenarioHtml,
      listHtml(labels.tactics, tactics),
      listHtml(labels.outcomes, outcomes),
    ].join(''),
    content_text: joinText([
      personaLine,
      scenarioText,
      listText(labels.tactics, tactics),
      listText(labels.outcomes, outcomes),
    ]),
    ...articleItemFields(ctx, picker, { summary, datePublished, dateModified, tags }),
    _hub: {
      type: 'case-study',
      id: doc.id,
      slug: doc.slug,
      related: related.map((term) => term.slug),
      persona: personaName ? { name: personaName, romanized: romanized ?? null } : null,
      industry: industry ?? null,
      channels,
      playbook_steps: playbookSteps,
      ...articleHubFields(ctx, picker, {
        type: 'case-study',
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
