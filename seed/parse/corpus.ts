import { slugify } from '../../collections/fields/slug'
import { documentLines, learnBoilerplate } from './boilerplate'
import { mergeCaseStudies } from './caseStudyMerge'
import { checkText, decodeDocument } from './decode'
import { pageItems, readDocument, type DocumentItems } from './document'
import { GlossaryRegistry } from './glossaries'
import { toLexical } from './lexical'
import { isListingPage, listingItems } from './listing'
import { EMPTY_MANIFEST, type Manifest } from './manifest'
import { createMentionFinder, type Label } from './mentions'
import type { PlaybookBlock } from './playbook'
import { mergePlaybooks } from './playbooks'
import { segmentDocument } from './segment'
import type { ReadingOf } from './slugs'
import { withTemplate } from './template'
import { mergeTerms, type TermCandidate } from './terms'
import { collapse, isAscii, keyOf, shortHash } from './text'
import type { FileError, ParseWarning, ParsedCorpus, ParsedDocumentSummary, ParsedTag, SourceFile } from './types'

export interface ParseOptions {
  /** manifest.json's content (see parseManifest); without it slugs come from English names, readings or a hash. */
  manifest?: Manifest
  /** Warn about manifest terms and case studies no document matches (default true). */
  warnUnmatchedManifest?: boolean
  /** Kana reading of a Japanese name, for romanized slugs of terms with no English name (e.g. kuromoji). */
  reading?: ReadingOf
}

/** A slug unique within its collection: a taken slug gets "-2", "-3" … and a warning. */
const uniqueSlugs = <T extends { slug: string }>(items: T[], collection: string, warn: (w: ParseWarning) => void) => {
  const taken = new Set<string>()
  for (const item of items) {
    let slug = item.slug
    for (let n = 2; taken.has(slug); n++) slug = `${item.slug}-${n}`
    if (slug !== item.slug) warn({ message: `${collection}: slug "${item.slug}" is taken; using "${slug}"` })
    item.slug = slug
    taken.add(slug)
  }
}

/** An ASCII name's slug, else `<prefix>-<hash>` (a Japanese-only or mixed name yields no meaningful slug). */
const asciiSlugOr = (name: string, prefix: string) =>
  (isAscii(name) && slugify(name)) || `${prefix}-${shortHash(keyOf(name))}`

/** Steps a guide needs to be a playbook when only one page holds it. */
const MIN_GUIDE_STEPS = 5

/** The most common value, or null. */
const majority = (values: string[]): string | null => {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null
}

/**
 * Parses page dumps into one corpus: glossary terms (full and excerpt), case studies, playbooks,
 * glossaries and tags, merged across documents. Files that cannot be read are listed in `errors`
 * with the reason and contribute nothing; files that hold nothing importable are reported as such.
 * Pure and deterministic (files are taken in name order).
 */
export const parseDocuments = (files: SourceFile[], options: ParseOptions = {}): ParsedCorpus => {
  const manifest = options.manifest ?? EMPTY_MANIFEST
  const template = withTemplate(manifest.template)
  const errors: FileError[] = []
  const warnings: ParseWarning[] = []
  const warn = (warning: ParseWarning) => warnings.push(warning)

  const decoded: { name: string; text: string; lines: string[] }[] = []
  for (const file of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const result = file.rejected
      ? { ok: false as const, reason: file.rejected }
      : file.bytes
        ? decodeDocument(file.bytes)
        : checkText(file.text ?? '')
    if (!result.ok) errors.push({ file: file.name, reason: result.reason })
    else decoded.push({ name: file.name, text: result.text, lines: documentLines(result.text) })
  }

  // The site's template, learned from the pages themselves; listing pages have none and would skew it.
  const framed = decoded.filter((doc) => !isListingPage(doc.lines[0], template))
  const learned = learnBoilerplate(framed.map((doc) => doc.lines))

  const glossaries = new GlossaryRegistry(manifest, warn)
  const segmented = decoded.map((doc) => {
    if (isListingPage(doc.lines[0], template)) return { ...doc, seg: null }
    const result = segmentDocument(doc.text, template, learned)
    if (result.ok) for (const link of result.doc.footerGlossaries) glossaries.learn(link.name)
    return { ...doc, seg: result.ok ? result.doc : null, reason: result.ok ? null : result.reason }
  })

  const documents: { name: string; items: DocumentItems }[] = []
  const nothing = (reason: string): DocumentItems =>
    pageItems({
      family: 'nothing importable',
      explanation: { family: 'nothing importable', why: reason, header: 'none', entries: [], dropped: [] },
    })
  // A short numbered list on one page ("three timings") is an article's list, not a guide: it stays in the body.
  const guideCount = new Map<string, number>()
  for (const { seg } of segmented)
    if (seg?.playbook) guideCount.set(keyOf(seg.playbook.title), (guideCount.get(keyOf(seg.playbook.title)) ?? 0) + 1)
  const isGuide = (block: PlaybookBlock) =>
    block.steps.length >= MIN_GUIDE_STEPS || (guideCount.get(keyOf(block.title)) ?? 0) >= 2

  for (const doc of segmented) {
    const items = doc.seg
      ? readDocument(doc.seg, template, glossaries.isKnown, isGuide)
      : 'reason' in doc && doc.reason
        ? nothing(doc.reason)
        : listingItems(doc.text, template)
    for (const message of items.warnings) warn({ file: doc.name, message })
    documents.push({ name: doc.name, items })
  }

  // Glossaries and tags the documents name.
  const glossaryKeyOf = new Map<string, string>()
  const tagEntries = new Map<string, ParsedTag>()
  const manifestTags = new Map(manifest.tags.map((tag) => [keyOf(tag.name), tag]))
  // Other names of a glossary (an H1 unlike the title) first, so links to them anywhere resolve to it.
  for (const { name, items } of documents) {
    const own = items.glossaries[0]
    if (own) for (const alias of items.glossaryAliases) glossaries.alias(alias, own.name, name)
  }
  for (const { name, items } of documents) {
    for (const link of items.glossaries)
      glossaryKeyOf.set(`${name}\u0000${link.name}`, glossaries.add(link.name, link, name))
    for (const tag of items.tags) {
      const key = keyOf(tag)
      const entry = tagEntries.get(key)
      if (entry) {
        if (!entry.sources.includes(name)) entry.sources.push(name)
        continue
      }
      tagEntries.set(key, {
        key,
        slug: manifestTags.get(key)?.slug ?? asciiSlugOr(tag, 'tag'),
        name: tag,
        sources: [name],
      })
    }
  }
  const glossaryOf = (file: string, glossaryName: string | null) =>
    glossaryName === null
      ? null
      : (glossaryKeyOf.get(`${file}\u0000${glossaryName}`) ?? glossaries.resolve(glossaryName, file))

  // Terms: every source's candidate, merged into one term per concept.
  const candidates: TermCandidate[] = []
  for (const { name, items } of documents) {
    for (const found of [...(items.term ? [items.term] : []), ...items.entries]) {
      candidates.push({
        ...found,
        glossary: glossaryOf(name, found.glossary),
        tags: found === items.term ? items.tags.map(keyOf) : [],
        source: { document: name, completeness: found.excerpt ? 'excerpt' : 'full' },
      })
    }
    for (const teaser of items.teasers) {
      candidates.push({
        ...teaser,
        glossary: glossaryOf(name, teaser.glossary),
        tags: [],
        blocks: null,
        headings: [],
        text: '',
        rank: 1,
        source: { document: name, completeness: 'excerpt' },
      })
    }
  }
  const terms = mergeTerms(candidates, manifest, warn, options.reading)

  // A term only listing pages name takes the glossary of the terms listed beside it.
  const corpusGlossary = majority(terms.flatMap((t) => (t.glossary ? [t.glossary] : [])))
  for (const term of terms.filter((t) => t.glossary === null)) {
    const documentsOf = new Set(term.sources.map((s) => s.document))
    const neighbours = terms.filter((t) => t.glossary && t.sources.some((s) => documentsOf.has(s.document)))
    term.glossary = majority(neighbours.map((t) => t.glossary as string)) ?? corpusGlossary
    if (term.glossary === null) {
      const file = term.sources[0]?.document ?? ''
      term.glossary = glossaries.add(template.glossaryWord, { slogan: null, englishName: null }, file)
      warn({ file, message: `"${term.term}": no page names its glossary; filed under "${template.glossaryWord}"` })
    }
  }
  for (const term of terms) {
    term.body = term.blocks && !term.excerpt ? toLexical(term.blocks) : null
    if (term.excerpt && term.blocks === null) {
      term.headings = []
      term.text = ''
    }
  }
  uniqueSlugs(terms, 'glossary-terms', warn)

  const labels: Label[] = terms.flatMap((term) =>
    [term.term, term.englishName, ...term.aliases]
      .filter((text): text is string => Boolean(text))
      .map((text) => ({ text, slug: term.slug })),
  )
  const mentions = createMentionFinder(labels)
  const termSlugs = new Set(terms.map((term) => term.slug))
  const knownTerms = (slugs: string[], where: string) =>
    slugs.filter((slug) => {
      if (termSlugs.has(slug)) return true
      warn({ message: `${where}: manifest names term "${slug}", which no document defines; link dropped` })
      return false
    })
  for (const term of terms) {
    const named = mentions(`${term.summary}\n${term.text}`, [term.slug])
    term.related = [...new Set([...named, ...knownTerms(term.related, `term ${term.slug}`)])]
  }

  // Playbooks: one per title, however many pages repeat it; each field takes the most common wording.
  const playbooks = mergePlaybooks(
    documents.flatMap(({ name, items }) => (items.playbook ? [{ file: name, block: items.playbook }] : [])),
    manifest,
    mentions,
  )
  uniqueSlugs(playbooks, 'playbooks', warn)
  for (const playbook of playbooks) {
    const seen = new Set<string>()
    for (const step of playbook.steps) {
      let key = step.key
      for (let n = 2; seen.has(key); n++) key = `${step.key}-${n}`
      step.key = key
      seen.add(key)
    }
  }

  const caseStudies = mergeCaseStudies(
    documents.map(({ name, items }) => ({ file: name, cases: items.cases })),
    manifest,
    playbooks,
    mentions,
    knownTerms,
    warn,
  )
  uniqueSlugs(caseStudies, 'case-studies', warn)

  // A manifest entry that matches nothing is most likely a typo in the manifest.
  for (const entry of options.warnUnmatchedManifest === false ? [] : manifest.terms) {
    const key = keyOf(entry.term)
    if (!terms.some((t) => [t.term, t.englishName, ...t.aliases].some((name) => name && keyOf(name) === key))) {
      warn({ message: `manifest: term "${entry.term}" matches no term in the documents` })
    }
  }
  for (const entry of options.warnUnmatchedManifest === false ? [] : manifest.caseStudies) {
    if (!caseStudies.some((c) => keyOf(c.persona.name) === keyOf(entry.persona))) {
      warn({ message: `manifest: case study persona "${entry.persona}" matches no case study in the documents` })
    }
  }

  const glossaryList = glossaries.build()
  uniqueSlugs(glossaryList, 'glossaries', warn)
  const tagList = [...tagEntries.values()]
  uniqueSlugs(tagList, 'tags', warn)

  const documentSummaries: ParsedDocumentSummary[] = documents.map(({ name, items }) => ({
    name,
    layout: items.layout,
    family: items.family,
    kind: items.term ? 'term' : 'article',
    title: collapse(items.title),
    term: items.term?.term ?? null,
    glossary: items.term
      ? (glossaryList.find((g) => g.key === glossaryOf(name, items.term?.glossary ?? ''))?.name ?? null)
      : null,
    tags: items.tags,
    teaserTerms: items.teasers.length,
    entryTerms: items.entries.length,
    recommendedArticles: items.recommendedArticles,
    caseStudies: items.cases.length,
    playbookSteps: items.playbook?.steps.length ?? 0,
  }))

  return {
    documents: documentSummaries,
    glossaries: glossaryList,
    tags: tagList,
    terms: terms.map(({ blocks: _blocks, ...term }) => ({ ...term, glossary: term.glossary as string })),
    playbooks,
    caseStudies,
    errors,
    warnings,
    explanations: documents.map(({ name, items }) => ({ file: name, ...items.explanation })),
  }
}
