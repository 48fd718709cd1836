import { parseGlossaryLink } from './names'
import { isBannerLine, type SiteTemplate } from './template'
import { collapse, isHeadingLike, isSentence, keyOf, NUMBERED } from './text'

/**
 * A step-by-step guide inside a page: a title (and a line under it), introductory prose, then
 * numbered step lines 1, 2, 3 … each followed by its own prose, then closing prose.
 * Found by shape, so the guide is recognised in whichever page repeats it.
 */
export interface PlaybookBlock {
  /** Line index where the guide's title block begins. */
  start: number
  title: string
  tagline: string | null
  intro: string[]
  steps: { number: number; title: string; lines: string[] }[]
  closing: string[]
}

const MIN_STEPS = 3
const MAX_TITLE_LINES = 3

const stepTitle = (text: string): { number: number; title: string } | null => {
  const match = NUMBERED.exec(text)
  if (!match) return null
  const title = (match[2] ?? '').replace(/\s*[:：]\s*$/u, '').trim()
  if (title === '' || /[。．]/u.test(title) || [...title].length > 40) return null
  return { number: Number(match[1]), title }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 1
}

export const findPlaybookBlock = (
  lines: string[],
  from: number,
  to: number,
  template: SiteTemplate,
): PlaybookBlock | null => {
  const nonBlank = lines
    .map((line, index) => ({ index, text: collapse(line) }))
    .filter((line) => line.text !== '' && line.index >= from && line.index < to)

  for (let p = 0; p < nonBlank.length; p++) {
    const first = stepTitle(nonBlank[p]?.text ?? '')
    if (first?.number !== 1) continue

    const steps: PlaybookBlock['steps'] = [{ number: 1, title: first.title, lines: [] }]
    let q = p + 1
    for (; q < nonBlank.length; q++) {
      const text = nonBlank[q]?.text ?? ''
      const step = stepTitle(text)
      if (step && step.number === steps.length + 1) {
        steps.push({ number: step.number, title: step.title, lines: [] })
        continue
      }
      if (!step && isSentence(text)) {
        steps[steps.length - 1]?.lines.push(text)
        continue
      }
      break
    }
    if (steps.length < MIN_STEPS || steps.some((step) => step.lines.length === 0)) continue

    // The last step keeps as many paragraphs as a typical step; the prose after it is the closing.
    const last = steps[steps.length - 1] as PlaybookBlock['steps'][number]
    const typical = median(steps.slice(0, -1).map((step) => step.lines.length))
    const closing = last.lines.slice(typical)
    last.lines = last.lines.slice(0, typical)

    const intro: string[] = []
    let r = p - 1
    while (r >= 0 && isSentence(nonBlank[r]?.text ?? '') && !stepTitle(nonBlank[r]?.text ?? '')) {
      intro.unshift(nonBlank[r]?.text ?? '')
      r--
    }
    const titleLines: { index: number; text: string }[] = []
    while (r >= 0 && titleLines.length < MAX_TITLE_LINES) {
      const line = nonBlank[r] as { index: number; text: string }
      const isLink =
        parseGlossaryLink(line.text, template.glossaryWord) !== null ||
        isBannerLine(line.text) ||
        template.navigation.includes(line.text)
      if (isLink || !isHeadingLike(line.text)) break
      titleLines.unshift(line)
      r--
    }
    const titleLine = titleLines[0]
    if (!titleLine) continue
    const tagline = titleLines.find((line) => keyOf(line.text) !== keyOf(titleLine.text))?.text ?? null
    return { start: titleLine.index, title: titleLine.text, tagline, intro, steps, closing }
  }
  return null
}
