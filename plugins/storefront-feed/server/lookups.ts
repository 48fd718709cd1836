import type { Payload } from 'payload'

import {
  type CaseStudySource,
  emptyLookups,
  idOf,
  idsOf,
  type Lookups,
  type PlaybookSource,
  type SourceDoc,
  type TermSource,
} from '../core/items'
import type { Localized } from '../core/localize'
import { collectInternalLinks, type InternalLink, type RichText } from '../core/richText'
import type { TermDirectory } from '../core/termDirectory'
import type { SanitizedFeedOptions } from '../types'
import { findRows } from './db'

type TermRow = { id: string; slug: string; term: Localized<string>; glossary?: string; related?: string[] }

const localizedRichTexts = (value: Localized<RichText>): RichText[] => {
  if (!value || typeof value !== 'object') return []
  if ('root' in value) return [value as RichText]
  return Object.values(value) as RichText[]
}

const richTextsOf = (source: SourceDoc): RichText[] => {
  switch (source.type) {
    case 'glossary-term':
      return localizedRichTexts(source.doc.body)
    case 'case-study':
      return localizedRichTexts(source.doc.scenario)
    case 'playbook':
      return [
        ...localizedRichTexts(source.doc.intro),
        ...localizedRichTexts(source.doc.closing),
        ...(source.doc.steps ?? []).flatMap((step) => localizedRichTexts(step.body)),
      ]
  }
}

const byId = (ids: Iterable<string>) => ({ id: { in: [...new Set(ids)] } })

/**
 * Everything the page's items point at, in a fixed number of batched queries whatever the page size:
 * terms (related, broader, linked), terms that list a page term as related, playbooks, case studies,
 * tags, then the glossaries of every term seen. Only published documents are looked up, and only their
 * stored values (slugs, titles, relation ids), so these reads skip Payload's per-document field hooks.
 * With the runtime's term directory, terms come from memory: no term query at all.
 */
export const loadLookups = async (
  payload: Payload,
  options: SanitizedFeedOptions,
  sources: SourceDoc[],
  directory?: TermDirectory,
): Promise<Lookups> => {
  const lookups = emptyLookups()
  const { collections } = options
  const termIds = new Set<string>()
  const playbookIds = new Set<string>()
  const caseStudyIds = new Set<string>()
  const tagIds = new Set<string>()
  const glossaryIds = new Set<string>()
  const pageTermIds: string[] = []
  const links: InternalLink[] = []

  for (const source of sources) {
    for (const richText of richTextsOf(source)) collectInternalLinks(richText, links)
    if (source.type === 'glossary-term') {
      const doc: TermSource = source.doc
      pageTermIds.push(doc.id)
      idsOf(doc.related).forEach((id) => termIds.add(id))
      const broader = idOf(doc.broader)
      if (broader) termIds.add(broader)
      idsOf(doc.tags).forEach((id) => tagIds.add(id))
      const glossary = idOf(doc.glossary)
      if (glossary) glossaryIds.add(glossary)
    } else if (source.type === 'case-study') {
      const doc: CaseStudySource = source.doc
      idsOf(doc.relatedTerms).forEach((id) => termIds.add(id))
      for (const row of doc.playbookSteps ?? []) {
        const id = idOf(row.playbook)
        if (id) playbookIds.add(id)
      }
    } else {
      const doc: PlaybookSource = source.doc
      idsOf(doc.relatedTerms).forEach((id) => termIds.add(id))
      for (const step of doc.steps ?? []) idsOf(step.relatedTerms).forEach((id) => termIds.add(id))
    }
  }
  for (const link of links) {
    if (link.relationTo === collections['glossary-term']) termIds.add(link.id)
    else if (link.relationTo === collections.playbook) playbookIds.add(link.id)
    else if (link.relationTo === collections['case-study']) caseStudyIds.add(link.id)
  }

  const query = <T>(run: () => Promise<T[]>, when: boolean): Promise<T[]> => (when ? run() : Promise.resolve([]))
  const [terms, playbooks, caseStudies, tags] = await Promise.all([
    directory ? termsFromDirectory(directory, termIds, pageTermIds) : readTerms(payload, options, termIds, pageTermIds),
    query<{ id: string; slug: string; title: Localized<string> }>(
      () =>
        findRows(payload, {
          collection: collections.playbook,
          where: byId(playbookIds),
          publishedOnly: true,
          select: { slug: true, title: true },
        }),
      playbookIds.size > 0,
    ),
    query<{ id: string; slug: string }>(
      () =>
        findRows(payload, {
          collection: collections['case-study'],
          where: byId(caseStudyIds),
          publishedOnly: true,
          select: { slug: true },
        }),
      caseStudyIds.size > 0,
    ),
    query<{ id: string; slug: string; name: string }>(
      () => findRows(payload, { collection: collections.tag, where: byId(tagIds), select: { slug: true, name: true } }),
      tagIds.size > 0,
    ),
  ])

  lookups.terms = terms.terms
  lookups.reverseRelated = terms.reverseRelated
  for (const ref of terms.terms.values()) {
    const glossary = idOf(ref.glossary)
    if (glossary) glossaryIds.add(glossary)
  }
  for (const playbook of playbooks)
    lookups.playbooks.set(String(playbook.id), { slug: playbook.slug, title: playbook.title })
  for (const caseStudy of caseStudies) lookups.caseStudies.set(String(caseStudy.id), { slug: caseStudy.slug })
  for (const tag of tags) lookups.tags.set(String(tag.id), { slug: tag.slug, name: tag.name })

  const glossaries = await query<{ id: string; slug: string; name: Localized<string> }>(
    () =>
      findRows(payload, {
        collection: collections.glossary,
        where: byId(glossaryIds),
        select: { slug: true, name: true },
      }),
    glossaryIds.size > 0,
  )
  for (const glossary of glossaries)
    lookups.glossaries.set(String(glossary.id), { slug: glossary.slug, name: glossary.name })
  return lookups
}

type TermLookups = Pick<Lookups, 'terms' | 'reverseRelated'>

/** Terms by id, and the published terms listing a page term as related, from the directory. */
const termsFromDirectory = async (
  directory: TermDirectory,
  termIds: Set<string>,
  pageTermIds: string[],
): Promise<TermLookups> => {
  const found: TermLookups = { terms: new Map(), reverseRelated: new Map() }
  const add = (id: string) => {
    const ref = directory.get(id)
    if (ref) found.terms.set(id, { slug: ref.slug, term: ref.term, glossary: ref.glossary })
  }
  for (const id of termIds) add(id)
  for (const id of new Set(pageTermIds)) {
    const listing = directory.listedBy(id)
    if (listing.length === 0) continue
    found.reverseRelated.set(id, newestFirst(listing))
    listing.forEach(add)
  }
  return found
}

/** The same from the database: two queries (the second returns each listing term's `related`). */
const readTerms = async (
  payload: Payload,
  options: SanitizedFeedOptions,
  termIds: Set<string>,
  pageTermIds: string[],
): Promise<TermLookups> => {
  const found: TermLookups = { terms: new Map(), reverseRelated: new Map() }
  const collection = options.collections['glossary-term']
  const termSelect = { slug: true, term: true, glossary: true }
  const [terms, reverse] = await Promise.all([
    termIds.size === 0
      ? []
      : findRows<TermRow>(payload, { collection, where: byId(termIds), publishedOnly: true, select: termSelect }),
    pageTermIds.length === 0
      ? []
      : findRows<TermRow>(payload, {
          collection,
          where: { related: { in: pageTermIds } },
          publishedOnly: true,
          select: { ...termSelect, related: true },
        }),
  ])
  for (const term of [...terms, ...reverse])
    found.terms.set(String(term.id), { slug: term.slug, term: term.term, glossary: term.glossary })
  const pageTerms = new Set(pageTermIds)
  for (const term of reverse) {
    for (const listed of new Set(idsOf(term.related))) {
      if (!pageTerms.has(listed)) continue
      const list = found.reverseRelated.get(listed) ?? []
      list.push(String(term.id))
      found.reverseRelated.set(listed, list)
    }
  }
  for (const [id, list] of found.reverseRelated) found.reverseRelated.set(id, newestFirst(list))
  return found
}

/**
 * Terms listing a term as related, in one order whatever read them (every instance, either path, sends
 * the same bytes and ETag): by id, descending, which for time-ordered ids is newest first.
 */
const newestFirst = (ids: string[]): string[] => ids.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))
