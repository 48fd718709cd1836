import type { ParsedCorpus } from './types'

/** The dry-run report (`npm run seed -- --dry-run --json`): plain data, names instead of keys, no rich text. */
export const corpusReport = (corpus: ParsedCorpus) => {
  const glossaryName = new Map(corpus.glossaries.map((g) => [g.key, g.name]))
  const tagName = new Map(corpus.tags.map((t) => [t.key, t.name]))
  return {
    documents: corpus.documents,
    terms: corpus.terms.map((term) => ({
      slug: term.slug,
      term: term.term,
      englishName: term.englishName,
      aliases: term.aliases,
      glossary: glossaryName.get(term.glossary) ?? null,
      tags: term.tags.map((key) => tagName.get(key) ?? key),
      summary: term.summary,
      headings: term.headings,
      text: term.text,
      excerpt: term.excerpt,
      sources: term.sources.map((source) => source.document),
      related: term.related,
    })),
    caseStudies: corpus.caseStudies.map((study) => ({
      slug: study.slug,
      title: study.title,
      englishTitle: study.englishTitle,
      persona: study.persona,
      industry: study.industry?.ja ?? null,
      channels: study.channels,
      text: study.text,
      tactics: study.tactics,
      outcomes: study.outcomes,
      relatedTerms: study.relatedTerms,
      playbookSteps: study.playbookSteps,
      sources: study.sources.map((source) => source.document),
    })),
    playbooks: corpus.playbooks.map((playbook) => ({
      slug: playbook.slug,
      title: playbook.title,
      englishTitle: playbook.englishTitle,
      stage: playbook.stage,
      summary: playbook.summary,
      intro: playbook.introText,
      steps: playbook.steps.map((step) => ({
        key: step.key,
        title: step.title,
        text: step.text,
        channels: step.channels,
        relatedTerms: step.relatedTerms,
      })),
      closing: playbook.closingText,
      relatedTerms: playbook.relatedTerms,
      sources: playbook.sources.map((source) => source.document),
    })),
    glossaries: corpus.glossaries.map((glossary) => ({
      slug: glossary.slug,
      name: glossary.name,
      englishName: glossary.englishName,
      description: glossary.description,
    })),
    tags: corpus.tags.map((tag) => ({ slug: tag.slug, name: tag.name })),
    errors: corpus.errors,
    warnings: corpus.warnings,
  }
}

export type CorpusReport = ReturnType<typeof corpusReport>
