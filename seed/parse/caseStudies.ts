import { itemText } from './lexical'
import type { SiteTemplate } from './template'
import { splitSentences } from './text'
import type { Block } from './types'

/**
 * Case studies inside a body: a "ケーススタディN" heading, then paragraphs up to the next heading.
 * The persona is the topic of the first sentence ("紗栄子さんは、…"). Sentences are sorted into
 * context (who the customer is), tactics (what the business did) and outcomes (what came of it).
 */
export interface RawCaseStudy {
  heading: string
  number: number | null
  persona: string
  blocks: Block[]
  tactics: string[]
  outcomes: string[]
}

const HONORIFIC = '(?:さん|様|さま|氏|くん|君|ちゃん)'
const PERSONA = new RegExp(`^([^\\s、。,.!?！？「」()（）]{1,12}?)${HONORIFIC}?\\s*(?:は|が)`, 'u')
/** The business as the topic or source of a sentence: "D2Cブランドは", "ストアは", "ショップ店から". */
const BUSINESS_ACTOR = /(?:ブランド|ショップ|ストア|スタッフ|店舗|店|企業|会社|チーム|メーカー)(?:は|が|からは|から)/u
/** Openers that carry on the previous sentence's thread. */
const CONTINUATION = /^(?:そして|また|さらに|さらには|加えて|先ずは|まずは|次に|その後)[、,]/u
/** Phrases that report a result. */
const RESULT =
  /(?:向上しました|改善しました|増えました|高まりました|できました|ことになります|ことになりました|解消|成功しました)/u
const PAST = /(?:ました|でした)[。！!]?$/u

const personaOf = (sentence: string): string | null => PERSONA.exec(sentence)?.[1] ?? null

const blockSentences = (block: Block): string[] => {
  if (block.type === 'heading') return []
  if (block.type === 'paragraph') return block.lines.flatMap(splitSentences)
  return block.items.flatMap((item) => splitSentences(itemText(item)))
}

type Role = 'context' | 'tactic' | 'outcome'

/** Sorts a case's sentences into context, tactics and outcomes. */
export const classifySentences = (sentences: string[], persona: string): { tactics: string[]; outcomes: string[] } => {
  const tactics: string[] = []
  const outcomes: string[] = []
  const aboutPersona = new RegExp(`^${persona}${HONORIFIC}?\\s*(?:は|が)`, 'u')
  let previous: Role = 'context'
  let seenOutcome = false
  for (const sentence of sentences) {
    let role: Role
    if (BUSINESS_ACTOR.test(sentence)) role = 'tactic'
    else if (previous === 'context') role = 'context'
    else if (CONTINUATION.test(sentence)) role = previous
    else if (RESULT.test(sentence)) role = 'outcome'
    else if (PAST.test(sentence) && (aboutPersona.test(sentence) || seenOutcome)) role = 'outcome'
    else role = 'tactic'
    if (role === 'tactic') tactics.push(sentence)
    if (role === 'outcome') {
      outcomes.push(sentence)
      seenOutcome = true
    }
    previous = role
  }
  return { tactics, outcomes }
}

export const extractCaseStudies = (
  blocks: Block[],
  template: SiteTemplate,
): { cases: RawCaseStudy[]; warnings: string[] } => {
  const cases: RawCaseStudy[] = []
  const warnings: string[] = []
  blocks.forEach((block, index) => {
    if (block.type !== 'heading' || !template.caseStudyHeading.test(block.text)) return
    const own: Block[] = []
    for (const next of blocks.slice(index + 1)) {
      if (next.type === 'heading') break
      own.push(next)
    }
    const sentences = own.flatMap(blockSentences)
    const persona = sentences[0] ? personaOf(sentences[0]) : null
    if (!persona) {
      warnings.push(`"${block.text}" names no persona in its first sentence ("<name>さんは、…"); not imported`)
      return
    }
    const number = /(\d+)/.exec(block.text.normalize('NFKC'))?.[1]
    cases.push({
      heading: block.text,
      number: number ? Number(number) : null,
      persona,
      blocks: own,
      ...classifySentences(sentences, persona),
    })
  })
  return { cases, warnings }
}
