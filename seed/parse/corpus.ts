import { slugify } from '../../collections/fields/slug'
import { detectChannels } from './channels'
import { checkText, decodeDocument } from './decode'
import { cleanAliases, readDocument, type DocumentItems } from './document'
import { toLexical, toPlainText } from './lexical'
import { EMPTY_MANIFEST, type Manifest } from './manifest'
import { createMentionFinder, type Label } from './mentions'
import { GlossaryRegistry } from './glossaries'
import { mergePlaybooks } from './playbooks'
import { segmentDocument, type Segmented } from './segment'
import { withTemplate } from './template'
import { collapse, isAscii, keyOf, shortHash } from './text'
import type {
  Block,
  FileError,
  ParseWarning,
  ParsedCaseStudy,
  ParsedCorpus,
  ParsedDocumentSummary,
  ParsedTag,
  ParsedTerm,
  SourceFile,
  SourceRef,
} from './types'

export interface ParseOptions {
  /** manifest.json's content (see parseManifest); without it slugs come from English names or a hash. */
  manifest?: Manifest
  /** Warn about manifest terms and case studies no document matches (default true). */
  warnUnmatchedManifest?: boolean
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
const asciiSlugOr = (name: string, prefix: string) => (isAscii(name) && slugify(name)) || `${prefix}-${shortHash(keyOf(name))}`

/**
 * Parses page dumps into one corpus: glossary terms (full and excerpt), case studies, playbooks,
 * glossaries and tags, merged across documents. Files that cannot be read are listed in `errors`
 * with the reason and contribute nothing. Pure and deterministic (files are taken in name order).
 */
export const parseDocuments = (files: SourceFile[], options: ParseOptions = {}): ParsedCorpus => {
  const manifest = options.manifest ?? EMPTY_MANIFEST
  const template = withTemplate(manifest.template)
  const errors: FileError[] = []
  const warnings: ParseWarning[] = []
  const warn = (warning: ParseWarning) => warnings.push(warning)

  const segmented: { name: string; seg: Segmented }[] = []
  for (const file of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const decoded = file.rejected
      ? { ok: false as const, reason: file.rejected }
      : file.bytes
        ? decodeDocument(file.bytes)
        : checkText(file.text ?? '')
    if (!decoded.ok) {
      errors.push({ file: file.name, reason: decoded.reason })
      continue
    }
    const result = segmentDocument(decoded.text, template)
    if (!result.ok) {
      errors.push({ file: file.name, reason: result.reason })
      continue
    }
    segmented.push({ name: file.name, seg: result.doc })
  }

  const glossaries = new GlossaryRegistry(manifest, warn)
  for (const { seg } of segmented) for (const link of seg.footerGlossaries) glossaries.learn(link.name)

  const documents: { name: string; items: DocumentItems }[] = []
  for (const { name, seg } of segmented) {
    const result = readDocument(seg, template, glossaries.isKnown)
    if (!result.ok) {
      errors.push({ file: name, reason: result.reason })
      continue
    }
    for (const message of result.items.warnings) warn({ file: name, message })
    documents.push({ name, items: result.items })
  }

  // Glossaries and tags the documents name.
  const glossaryKeyOf = new Map<string, string>()
  const tagEntries = new Map<string, ParsedTag>()
  const manifestTags = new Map(manifest.tags.map((tag) => [keyOf(tag.name), tag]))
  for (const { name, items } of documents) {
    for (const link of items.glossaries) glossaryKeyOf.set(`${name}\u0000${link.name}`, glossaries.add(link.name, link, name))
    for (const tag of items.tags) {
      const key = keyOf(tag)
      const entry = tagEntries.get(key)
      if (entry) {
        if (!entry.sources.includes(name)) entry.sources.push(name)
        continue
      }
      tagEntries.set(key, { key, slug: manifestTags.get(key)?.slug ?? asciiSlugOr(tag, 'tag'), name: tag, sources: [name] })
    }
  }
  const glossaryOf = (file: string, glossaryName: string) =>
    glossaryKeyOf.get(`${file}\u0000${glossaryName}`) ?? glossaries.resolve(glossaryName, file)

  // Terms: one per headword or English name, whichever page (full) or teaser (excerpt) names it.
  const manifestTerms = new Map<string, Manifest['terms'][number]>()
  for (const entry of manifest.terms) manifestTerms.set(keyOf(entry.term), entry)
  const terms: (ParsedTerm & { blocks: Block[] | null })[] = []
  const termByKey = new Map<string, (typeof terms)[number]>()
  const identify = (term: ParsedTerm) => {
    termByKey.set(keyOf(term.term), term as (typeof terms)[number])
    if (term.englishName) termByKey.set(keyOf(term.englishName), term as (typeof terms)[number])
  }
  const addTerm = (incoming: {
    term: string
    englishName: string | null
    aliases: string[]
    glossary: string
    tags: string[]
    summary: string
    blocks: Block[] | null
    headings: string[]
    text: string
    source: SourceRef
  }) => {
    const fromManifest =
      manifestTerms.get(keyOf(incoming.term)) ?? (incoming.englishName ? manifestTerms.get(keyOf(incoming.englishName)) : undefined)
    const englishName = fromManifest?.englishName ?? incoming.englishName
    const existing = termByKey.get(keyOf(incoming.term)) ?? (englishName ? termByKey.get(keyOf(englishName)) : undefined)
    const full = incoming.source.completeness === 'full'
    if (!existing) {
      const created = {
        key: keyOf(incoming.term),
        slug: fromManifest?.slug ?? (englishName ? slugify(englishName) : '') ?? '',
        term: incoming.term,
        englishName,
        aliases: [...incoming.aliases, ...(fromManifest?.aliases ?? [])],
        glossary: incoming.glossary,
        tags: incoming.tags,
        summary: incoming.summary,
        headings: incoming.headings,
        text: incoming.text,
        body: null,
        blocks: incoming.blocks,
        excerpt: !full,
        sources: [incoming.source],
        related: [...(fromManifest?.related ?? [])],
      }
      if (!created.slug) created.slug = `term-${shortHash(created.key)}`
      terms.push(created)
      identify(created)
      return
    }
    if (!existing.sources.some((s) => s.document === incoming.source.document)) existing.sources.push(incoming.source)
    existing.aliases.push(incoming.term, ...incoming.aliases)
    existing.englishName ??= englishName
    if (full && existing.excerpt) {
      Object.assign(existing, {
        term: incoming.term,
        glossary: incoming.glossary,
        tags: incoming.tags,
        summary: incoming.summary,
        headings: incoming.headings,
        text: incoming.text,
        blocks: incoming.blocks,
        excerpt: false,
      })
    } else if (full) {
      warn({ file: incoming.source.document, message: `"${incoming.term}" is already defined in full by ${existing.sources[0]?.document}; kept that text` })
    }
    for (const tag of incoming.tags) if (!existing.tags.includes(tag)) existing.tags.push(tag)
    identify(existing)
  }

  for (const { name, items } of documents) {
    if (items.term) {
      addTerm({
        ...items.term,
        englishName: null,
        glossary: glossaryOf(name, items.term.glossary),
        tags: items.tags.map(keyOf),
        source: { document: name, completeness: 'full' },
      })
    }
    for (const teaser of items.teasers) {
      addTerm({
        ...teaser,
        glossary: glossaryOf(name, teaser.glossary),
        tags: [],
        blocks: null,
        headings: [],
        text: '',
        source: { document: name, completeness: 'excerpt' },
      })
    }
  }
  for (const term of terms) {
    term.aliases = cleanAliases(term.term, term.aliases, term.englishName)
    term.body = term.blocks && !term.excerpt ? toLexical(term.blocks) : null
    if (term.excerpt) {
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

  // Case studies: one per persona and heading.
  const manifestCases = new Map(manifest.caseStudies.map((entry) => [keyOf(entry.persona), entry]))
  const caseStudies: ParsedCaseStudy[] = []
  const caseByKey = new Map<string, ParsedCaseStudy>()
  for (const { name, items } of documents) {
    for (const raw of items.cases) {
      const key = `${keyOf(raw.persona)}|${keyOf(raw.heading)}`
      const existing = caseByKey.get(key)
      if (existing) {
        existing.sources.push({ document: name, completeness: 'full' })
        continue
      }
      const fromManifest = manifestCases.get(keyOf(raw.persona))
      const text = toPlainText(raw.blocks)
      const romanized = fromManifest?.romanized ?? null
      const steps = (fromManifest?.playbookSteps ?? []).flatMap((reference) => {
        const [playbookSlug, stepKey] = reference.includes('/') ? reference.split('/') : [undefined, reference]
        // A bare step key means the only playbook there is.
        const playbook = playbookSlug
          ? playbooks.find((p) => p.slug === playbookSlug)
          : playbooks.length === 1
            ? playbooks[0]
            : undefined
        if (!playbook || !stepKey || !playbook.steps.some((step) => step.key === stepKey)) {
          warn({ file: name, message: `case study ${raw.persona}: no playbook step "${reference}"; link dropped` })
          return []
        }
        return [{ playbook: playbook.slug, stepKey }]
      })
      const entry: ParsedCaseStudy = {
        key,
        slug: fromManifest?.slug ?? ((romanized && slugify(romanized)) || `case-${shortHash(key)}`),
        title: fromManifest?.title?.ja ?? `${raw.heading}: ${raw.persona}`,
        englishTitle:
          fromManifest?.title?.en ?? (romanized && raw.number !== null ? `Case study ${raw.number}: ${romanized}` : null),
        heading: raw.heading,
        persona: { name: raw.persona, romanized },
        industry: fromManifest?.industry?.ja
          ? { ja: fromManifest.industry.ja, en: fromManifest.industry.en ?? null }
          : null,
        channels: (fromManifest?.channels as ParsedCaseStudy['channels'] | undefined) ?? detectChannels(text),
        text,
        scenario: toLexical(raw.blocks),
        tactics: raw.tactics,
        outcomes: raw.outcomes,
        relatedTerms: [
          ...new Set([...mentions(text), ...knownTerms(fromManifest?.relatedTerms ?? [], `case study ${raw.persona}`)]),
        ],
        playbookSteps: steps,
        sources: [{ document: name, completeness: 'full' }],
      }
      caseStudies.push(entry)
      caseByKey.set(key, entry)
    }
  }
  uniqueSlugs(caseStudies, 'case-studies', warn)

  // A manifest entry that matches nothing is most likely a typo in the manifest.
  for (const entry of options.warnUnmatchedManifest === false ? [] : manifest.terms) {
    const key = keyOf(entry.term)
    if (!terms.some((t) => t.key === key || keyOf(t.term) === key || (t.englishName && keyOf(t.englishName) === key))) {
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
    kind: items.term ? 'term' : 'article',
    title: collapse(items.title),
    term: items.term?.term ?? null,
    glossary: items.term ? (glossaryList.find((g) => g.key === glossaryOf(name, items.term?.glossary ?? ''))?.name ?? null) : null,
    tags: items.tags,
    teaserTerms: items.teasers.length,
    recommendedArticles: items.recommendedArticles,
    caseStudies: items.cases.length,
    playbookSteps: items.playbook?.steps.length ?? 0,
  }))

  return {
    documents: documentSummaries,
    glossaries: glossaryList,
    tags: tagList,
    terms: terms.map(({ blocks: _blocks, ...term }) => term),
    playbooks,
    caseStudies,
    errors,
    warnings,
  }
}
