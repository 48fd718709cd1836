import { slugify } from '../../collections/fields/slug'
import type { RawCaseStudy } from './caseStudies'
import { detectChannels } from './channels'
import { toLexical, toPlainText } from './lexical'
import type { Manifest } from './manifest'
import { keyOf, shortHash } from './text'
import type { ParsedCaseStudy, ParsedPlaybook, ParseWarning } from './types'

/**
 * Case studies: one per persona and heading, however many pages repeat them, with the manifest's
 * romanized name, industry and playbook-step links, and the terms their text names.
 */
export const mergeCaseStudies = (
  found: { file: string; cases: RawCaseStudy[] }[],
  manifest: Manifest,
  playbooks: ParsedPlaybook[],
  mentions: (text: string) => string[],
  knownTerms: (slugs: string[], where: string) => string[],
  warn: (warning: ParseWarning) => void,
): ParsedCaseStudy[] => {
  const manifestCases = new Map(manifest.caseStudies.map((entry) => [keyOf(entry.persona), entry]))
  const caseStudies: ParsedCaseStudy[] = []
  const caseByKey = new Map<string, ParsedCaseStudy>()
  for (const { file, cases } of found) {
    for (const raw of cases) {
      const key = `${keyOf(raw.persona)}|${keyOf(raw.heading)}`
      const existing = caseByKey.get(key)
      if (existing) {
        existing.sources.push({ document: file, completeness: 'full' })
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
          warn({ file, message: `case study ${raw.persona}: no playbook step "${reference}"; link dropped` })
          return []
        }
        return [{ playbook: playbook.slug, stepKey }]
      })
      const entry: ParsedCaseStudy = {
        key,
        slug: fromManifest?.slug ?? ((romanized && slugify(romanized)) || `case-${shortHash(key)}`),
        title: fromManifest?.title?.ja ?? `${raw.heading}: ${raw.persona}`,
        englishTitle:
          fromManifest?.title?.en ??
          (romanized && raw.number !== null ? `Case study ${raw.number}: ${romanized}` : null),
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
        sources: [{ document: file, completeness: 'full' }],
      }
      caseStudies.push(entry)
      caseByKey.set(key, entry)
    }
  }
  return caseStudies
}
