import { slugify } from '../../collections/fields/slug'
import { detectChannels } from './channels'
import { toLexical, toPlainText } from './lexical'
import type { Manifest } from './manifest'
import type { PlaybookBlock } from './playbook'
import { keyOf, shortHash } from './text'
import type { Block, ParsedPlaybook } from './types'

/** The most common value (ties: the longest, then the first seen). */
const vote = (values: string[]): string => {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || [...b[0]].length - [...a[0]].length)[0]?.[0] ?? ''
}

const paragraphs = (lines: string[]): Block[] => lines.map((line) => ({ type: 'paragraph', lines: [line] }))

const stageOf = (title: string): ParsedPlaybook['stage'] => {
  if (/購入前|購買前|pre[- ]?purchase/iu.test(title)) return 'pre-purchase'
  if (/購入後|購買後|ポストパーチェス|post[- ]?purchase/iu.test(title)) return 'post-purchase'
  return 'purchase'
}

/**
 * One playbook per title, however many pages repeat the guide: the step count most pages agree on,
 * and for every field the wording most pages use. Step keys come from the manifest, else the title.
 */
export const mergePlaybooks = (
  found: { file: string; block: PlaybookBlock }[],
  manifest: Manifest,
  mentions: (text: string) => string[],
): ParsedPlaybook[] => {
  const playbookGroups = new Map<string, { files: string[]; blocks: PlaybookBlock[] }>()
  for (const { file, block } of found) {
    const key = keyOf(block.title)
    const group = playbookGroups.get(key) ?? { files: [], blocks: [] }
    group.files.push(file)
    group.blocks.push(block)
    playbookGroups.set(key, group)
  }
  const manifestPlaybooks = new Map(manifest.playbooks.map((entry) => [keyOf(entry.title), entry]))
  return [...playbookGroups.entries()].map(([key, group]) => {
    const stepCount = Number(vote(group.blocks.map((block) => String(block.steps.length))))
    const agreeing = group.blocks.filter((block) => block.steps.length === stepCount)
    const fromManifest = manifestPlaybooks.get(key)
    const manifestSteps = new Map((fromManifest?.steps ?? []).map((step) => [keyOf(step.title), step]))
    const title = vote(group.blocks.map((block) => block.title))
    const introLines = vote(agreeing.map((block) => block.intro.join('\n')))
      .split('\n')
      .filter(Boolean)
    const closingLines = vote(agreeing.map((block) => block.closing.join('\n')))
      .split('\n')
      .filter(Boolean)
    const steps = Array.from({ length: stepCount }, (_, index) => {
      const stepTitle = vote(agreeing.map((block) => block.steps[index]?.title ?? ''))
      const lines = vote(agreeing.map((block) => block.steps[index]?.lines.join('\n') ?? '')).split('\n')
      const blocks = paragraphs(lines)
      const text = toPlainText(blocks)
      const fromManifestStep = manifestSteps.get(keyOf(stepTitle))
      const stepKey = fromManifestStep?.key ?? (slugify(stepTitle) || `step-${shortHash(keyOf(stepTitle))}`)
      return {
        key: stepKey,
        title: stepTitle,
        englishTitle: fromManifestStep?.englishTitle ?? null,
        text,
        body: toLexical(blocks),
        channels: detectChannels(`${stepTitle}\n${text}`),
        relatedTerms: mentions(`${stepTitle}\n${text}`),
      }
    })
    const introText = toPlainText(paragraphs(introLines))
    const closingText = toPlainText(paragraphs(closingLines))
    const englishTitle = fromManifest?.englishTitle ?? null
    const relatedTerms = [
      ...new Set([...mentions(introText), ...steps.flatMap((step) => step.relatedTerms), ...mentions(closingText)]),
    ]
    const taglines = group.blocks.map((block) => block.tagline).filter((line): line is string => Boolean(line))
    return {
      key,
      slug: fromManifest?.slug ?? ((englishTitle && slugify(englishTitle)) || `playbook-${shortHash(key)}`),
      title,
      englishTitle,
      stage: fromManifest?.stage ?? stageOf(title),
      summary: taglines.length ? vote(taglines) : null,
      introText,
      intro: toLexical(paragraphs(introLines)),
      steps,
      closingText,
      closing: closingLines.length ? toLexical(paragraphs(closingLines)) : null,
      relatedTerms,
      sources: group.files.map((document) => ({ document, completeness: 'full' as const })),
    }
  })
}
