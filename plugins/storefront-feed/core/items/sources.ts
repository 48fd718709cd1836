import type { Localized } from '../localize'
import type { RichText } from '../richText'

/* Source documents as the page builder reads them: depth 0 (relations are ids), locale 'all'. */

export type RelationValue = string | number | { id?: string | number | null } | null | undefined

export const idOf = (value: RelationValue): string | undefined => {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  if (typeof value !== 'object') return undefined
  return value.id === null || value.id === undefined ? undefined : String(value.id)
}

/** The value if it is an array, else none: stored data may hold null, {} or worse where a list belongs. */
export const listOf = <T>(value: T[] | null | undefined | unknown): T[] => (Array.isArray(value) ? (value as T[]) : [])

export const idsOf = (values: RelationValue[] | null | undefined): string[] =>
  listOf<RelationValue>(values)
    .map(idOf)
    .filter((id): id is string => id !== undefined)

/** `@payloadcms/plugin-seo`'s group: what search engines and social cards show, when the editor set it. */
export type SeoSource = { title?: Localized<string>; description?: Localized<string> } | null

type Dated = {
  id: string
  slug: string
  createdAt: string
  updatedAt: string
  /** Editors' switch (added by the related-term graph): no auto-links inside this document. */
  noAutoLinksInside?: boolean | null
  meta?: SeoSource
}

export type TermSource = Dated & {
  term: Localized<string>
  englishName?: string | null
  reading?: string | null
  aliases?: string[] | null
  summary?: Localized<string>
  body?: Localized<RichText>
  glossary?: RelationValue
  tags?: RelationValue[] | null
  related?: RelationValue[] | null
  broader?: RelationValue
  excerpt?: boolean | null
}

export type CaseStudySource = Dated & {
  title: Localized<string>
  persona?: { name?: string | null; romanized?: string | null } | null
  industry?: Localized<string>
  channels?: string[] | null
  scenario?: Localized<RichText>
  tactics?: Localized<{ text?: string | null }[]>
  outcomes?: Localized<{ text?: string | null }[]>
  relatedTerms?: RelationValue[] | null
  playbookSteps?: { playbook?: RelationValue; stepKey?: string | null }[] | null
}

export type PlaybookStepSource = {
  title?: Localized<string>
  key?: string | null
  body?: Localized<RichText>
  channels?: string[] | null
  relatedTerms?: RelationValue[] | null
}

export type PlaybookSource = Dated & {
  title: Localized<string>
  stage?: string | null
  summary?: Localized<string>
  intro?: Localized<RichText>
  steps?: PlaybookStepSource[] | null
  closing?: Localized<RichText>
  relatedTerms?: RelationValue[] | null
}

export type SourceDoc =
  | { type: 'glossary-term'; doc: TermSource }
  | { type: 'case-study'; doc: CaseStudySource }
  | { type: 'playbook'; doc: PlaybookSource }

/** Everything a page needs about documents its items point at, fetched in batches by id. */
export type Lookups = {
  glossaries: Map<string, { slug: string; name: Localized<string> }>
  tags: Map<string, { slug: string; name: string }>
  /** Published terms only: an unpublished term never appears as related, broader or a link target. */
  terms: Map<string, { slug: string; term: Localized<string>; glossary?: RelationValue }>
  playbooks: Map<string, { slug: string; title: Localized<string> }>
  caseStudies: Map<string, { slug: string }>
  /** term id → published terms whose `related` lists it (relations show from both sides). */
  reverseRelated: Map<string, string[]>
}

export const emptyLookups = (): Lookups => ({
  glossaries: new Map(),
  tags: new Map(),
  terms: new Map(),
  playbooks: new Map(),
  caseStudies: new Map(),
  reverseRelated: new Map(),
})
