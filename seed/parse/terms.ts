import { cleanAliases } from './names'
import type { Manifest } from './manifest'
import { termSlug, type ReadingOf } from './slugs'
import { keyOf, mergeKeyOf } from './text'
import type { Block, ParseWarning, ParsedTerm, SourceRef } from './types'

/** How complete a source's text is: a term's own page, an entry of a glossary article, a teaser. */
export const RANK = { page: 3, entry: 2, cutOff: 1.5, teaser: 1 } as const

/** A term as one source gives it, before sources are merged. */
export interface TermCandidate {
  term: string
  englishName: string | null
  aliases: string[]
  /** Glossary key, or null when the source names none (listing pages). */
  glossary: string | null
  tags: string[]
  summary: string
  blocks: Block[] | null
  headings: string[]
  text: string
  rank: number
  source: SourceRef
}

export type MergedTerm = Omit<ParsedTerm, 'glossary'> & { blocks: Block[] | null; glossary: string | null }

/** What a candidate is known by: its Japanese name, English name and abbreviations (and other spellings). */
const keysOf = (candidate: TermCandidate): string[] =>
  [candidate.term, candidate.englishName, ...candidate.aliases]
    .filter((name): name is string => Boolean(name))
    .map(mergeKeyOf)
    .filter((key) => key.length >= 2)

/**
 * One term per concept across the corpus: candidates sharing a normalised Japanese name, English name
 * or abbreviation are one term. The most complete source (page > glossary entry > teaser) gives the
 * text; every source is listed; `excerpt` only when no source has the full text.
 */
export const mergeTerms = (
  candidates: TermCandidate[],
  manifest: Manifest,
  warn: (warning: ParseWarning) => void,
  reading?: ReadingOf,
): MergedTerm[] => {
  const parent = candidates.map((_, index) => index)
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number
    return i
  }
  const owner = new Map<string, number>()
  candidates.forEach((candidate, index) => {
    for (const key of keysOf(candidate)) {
      const other = owner.get(key)
      if (other === undefined) owner.set(key, index)
      else parent[find(index)] = find(other)
    }
  })
  const groups = new Map<number, TermCandidate[]>()
  candidates.forEach((candidate, index) => {
    const root = find(index)
    groups.set(root, [...(groups.get(root) ?? []), candidate])
  })

  const manifestTerms = new Map<string, Manifest['terms'][number]>()
  for (const entry of manifest.terms) manifestTerms.set(mergeKeyOf(entry.term), entry)

  // Groups in the order their first source appears (files are read in name order).
  const ordered = [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, members]) => members)
  return ordered.map((members) => {
    const byRank = [...members].sort((a, b) => b.rank - a.rank)
    const winner = byRank[0] as TermCandidate
    const fullPages = byRank.filter((m) => m.rank === RANK.page)
    for (const duplicate of fullPages.slice(1)) {
      if (duplicate.source.document === winner.source.document) continue
      warn({
        file: duplicate.source.document,
        message: `"${duplicate.term}" is already defined in full by ${winner.source.document}; kept that text`,
      })
    }
    const fromManifest = members
      .flatMap((m) => [m.term, m.englishName, ...m.aliases])
      .map((name) => (name ? manifestTerms.get(mergeKeyOf(name)) : undefined))
      .find(Boolean)
    const englishName = fromManifest?.englishName ?? byRank.find((m) => m.englishName)?.englishName ?? null
    const sources: SourceRef[] = []
    for (const member of members) {
      const seen = sources.find((s) => s.document === member.source.document)
      if (!seen) sources.push({ ...member.source })
      else if (member.source.completeness === 'full') seen.completeness = 'full'
    }
    const tags = [...new Set(byRank.flatMap((m) => m.tags))]
    const aliases = cleanAliases(
      winner.term,
      [
        ...members.flatMap((m) => [m.term, ...(m.englishName && m !== winner ? [m.englishName] : []), ...m.aliases]),
        ...(fromManifest?.aliases ?? []),
      ],
      englishName,
    )
    return {
      key: keyOf(winner.term),
      slug: fromManifest?.slug ?? termSlug(winner.term, englishName, reading),
      term: winner.term,
      englishName,
      aliases,
      glossary: winner.glossary ?? byRank.find((m) => m.glossary)?.glossary ?? null,
      tags: winner.rank === RANK.page ? winner.tags : tags,
      summary: winner.summary || (byRank.find((m) => m.summary)?.summary ?? ''),
      headings: winner.headings,
      text: winner.text,
      body: null,
      blocks: winner.blocks,
      excerpt: !members.some((m) => m.source.completeness === 'full'),
      sources,
      related: [...(fromManifest?.related ?? [])],
    }
  })
}
