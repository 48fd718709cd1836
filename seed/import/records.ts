import type {
  ParsedCaseStudy,
  ParsedCorpus,
  ParsedGlossary,
  ParsedPlaybook,
  ParsedTag,
  ParsedTerm,
} from '../parse/types'

/** The collections the seed writes, in the order it writes them (each only links to earlier ones). */
export const SEED_COLLECTIONS = ['glossaries', 'tags', 'glossary-terms', 'playbooks', 'case-studies'] as const
export type SeedCollection = (typeof SEED_COLLECTIONS)[number]

/** One record as the seed wants it: Japanese (and non-localized) values, English values where known. */
export interface SeedRecord {
  collection: SeedCollection
  slug: string
  /** Shown in progress lines. */
  label: string
  ja: Record<string, unknown>
  en: Record<string, unknown> | null
  /** Published with --publish (drafts collections only). Excerpt terms never are. */
  publishable: boolean
  /** Array rows matched to existing rows by this sub-field, so their other-locale values survive. */
  rowKeys?: Record<string, string>
}

/** Ids of records already in the database, by collection and slug. */
export type IdMap = Map<SeedCollection, Map<string, string>>

export class MissingReferenceError extends Error {
  override name = 'MissingReferenceError'
}

const idsOf = (ids: IdMap, collection: SeedCollection, slugs: string[]): string[] =>
  slugs.flatMap((slug) => {
    const id = ids.get(collection)?.get(slug)
    return id ? [id] : []
  })

const idOf = (ids: IdMap, collection: SeedCollection, slug: string): string => {
  const id = ids.get(collection)?.get(slug)
  if (!id) throw new MissingReferenceError(`${collection} "${slug}" is not in the database yet`)
  return id
}

const sources = (refs: { document: string; completeness: 'full' | 'excerpt' }[]) =>
  refs.map((ref) => ({ document: ref.document, completeness: ref.completeness }))

export const glossaryRecord = (glossary: ParsedGlossary): SeedRecord => ({
  collection: 'glossaries',
  slug: glossary.slug,
  label: glossary.name,
  ja: { name: glossary.name, slug: glossary.slug, description: glossary.description },
  en: glossary.englishName ? { name: glossary.englishName } : null,
  publishable: false,
})

export const tagRecord = (tag: ParsedTag): SeedRecord => ({
  collection: 'tags',
  slug: tag.slug,
  label: tag.name,
  ja: { name: tag.name, slug: tag.slug },
  en: null,
  publishable: false,
})

/** A term; `withRelated: false` leaves related terms out (used to create every term before linking them). */
export const termRecord = (
  term: ParsedTerm,
  corpus: ParsedCorpus,
  ids: IdMap,
  { withRelated = true }: { withRelated?: boolean } = {},
): SeedRecord => {
  const glossarySlug = corpus.glossaries.find((g) => g.key === term.glossary)?.slug
  const tagSlugs = term.tags.flatMap((key) => corpus.tags.filter((t) => t.key === key).map((t) => t.slug))
  return {
    collection: 'glossary-terms',
    slug: term.slug,
    label: term.term,
    ja: {
      term: term.term,
      slug: term.slug,
      englishName: term.englishName,
      aliases: term.aliases,
      summary: term.summary,
      body: term.body,
      glossary: idOf(ids, 'glossaries', glossarySlug ?? ''),
      tags: idsOf(ids, 'tags', tagSlugs),
      related: withRelated ? idsOf(ids, 'glossary-terms', term.related) : [],
      excerpt: term.excerpt,
      sources: sources(term.sources),
    },
    // English readers look a term up by its English name.
    en: term.englishName ? { term: term.englishName } : null,
    publishable: !term.excerpt,
  }
}

export const playbookRecord = (playbook: ParsedPlaybook, ids: IdMap): SeedRecord => ({
  collection: 'playbooks',
  slug: playbook.slug,
  label: playbook.title,
  ja: {
    title: playbook.title,
    slug: playbook.slug,
    stage: playbook.stage,
    summary: playbook.summary,
    intro: playbook.intro,
    steps: playbook.steps.map((step) => ({
      title: step.title,
      key: step.key,
      body: step.body,
      channels: step.channels,
      relatedTerms: idsOf(ids, 'glossary-terms', step.relatedTerms),
    })),
    closing: playbook.closing,
    relatedTerms: idsOf(ids, 'glossary-terms', playbook.relatedTerms),
    sources: sources(playbook.sources),
  },
  // Step titles are required in every locale once the playbook has an English title.
  en: playbook.englishTitle
    ? {
        title: playbook.englishTitle,
        steps: playbook.steps.map((step) => ({
          title: step.englishTitle ?? step.title,
          key: step.key,
          channels: step.channels,
          relatedTerms: idsOf(ids, 'glossary-terms', step.relatedTerms),
        })),
      }
    : null,
  publishable: true,
  rowKeys: { steps: 'key' },
})

export const caseStudyRecord = (study: ParsedCaseStudy, ids: IdMap): SeedRecord => {
  const en: Record<string, unknown> = {}
  if (study.englishTitle) en.title = study.englishTitle
  if (study.industry?.en) en.industry = study.industry.en
  return {
    collection: 'case-studies',
    slug: study.slug,
    label: study.title,
    ja: {
      title: study.title,
      slug: study.slug,
      persona: { name: study.persona.name, romanized: study.persona.romanized },
      industry: study.industry?.ja ?? null,
      channels: study.channels,
      scenario: study.scenario,
      tactics: study.tactics.map((text) => ({ text })),
      outcomes: study.outcomes.map((text) => ({ text })),
      relatedTerms: idsOf(ids, 'glossary-terms', study.relatedTerms),
      playbookSteps: study.playbookSteps.map((step) => ({
        playbook: idOf(ids, 'playbooks', step.playbook),
        stepKey: step.stepKey,
      })),
      sources: sources(study.sources),
    },
    en: Object.keys(en).length ? en : null,
    publishable: true,
  }
}
