/** A generated glossary for the benchmark: deterministic, Japanese-looking, ~50,000 edges at 10,000 terms. */
import type { CitationSource } from '../core/graphIndex'
import type { TermRecord } from '../core/model'

/** mulberry32: a small seeded PRNG so every run measures the same glossary. */
export const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const SYLLABLES =
  'ア イ ウ エ オ カ キ ク ケ コ サ シ ス セ ソ タ チ ツ テ ト ナ ニ ヌ ネ ノ ハ ヒ フ ヘ ホ マ ミ ム メ モ ラ リ ル レ ロ ガ ギ グ ゲ ゴ ダ デ ド バ ビ ブ ベ ボ パ ピ プ ペ ポ ン ー'.split(
    ' ',
  )
const FILLERS = [
  'は',
  'を',
  'と',
  'の',
  'に',
  'で',
  'から',
  'として',
  'によって',
  '施策',
  '顧客',
  '購入後',
  '体験',
  '計測',
  '改善',
  '設計',
]

export type GeneratedGlossary = { terms: TermRecord[]; citations: CitationSource[]; tagNames: [string, string][] }

export const generateGlossary = (count: number, seed = 42): GeneratedGlossary => {
  const next = random(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T
  const index = (n: number) => Math.floor(next() * n)

  const labels = new Set<string>()
  const label = () => {
    for (;;) {
      let word = ''
      const length = 4 + index(5)
      for (let i = 0; i < length; i++) word += pick(SYLLABLES)
      if (!labels.has(word) && !word.startsWith('ー')) {
        labels.add(word)
        return word
      }
    }
  }

  const ids = Array.from({ length: count }, (_, i) => `t${i}`)
  const heads = ids.map(() => label())
  const tagCount = Math.round(count / 5)
  const sentence = (mentioned: string) => {
    const filler = Array.from({ length: 3 + index(4) }, () => pick(FILLERS)).join('')
    return `${filler}${mentioned}${pick(FILLERS)}${pick(FILLERS)}します。`
  }

  const terms: TermRecord[] = ids.map((id, i) => {
    const mentions = [index(count), index(count)].filter((j) => j !== i)
    const text = [
      sentence(heads[mentions[0] ?? 0] as string),
      sentence(heads[mentions[1] ?? 0] as string),
      sentence(''),
    ].join('')
    return {
      id,
      slug: `term-${i}`,
      term: { ja: heads[i] as string, en: `Concept ${i}` },
      englishName: `Concept ${i}`,
      aliases: next() < 0.3 ? [label()] : [],
      glossary: `g${i % 5}`,
      text: { ja: text },
      related: next() < 0.9 ? [ids[index(count)] as string] : [],
      broader: i > 0 && next() < 0.5 ? (ids[index(i)] as string) : null,
      tags: next() < 0.6 ? [`tag${index(tagCount)}`] : [],
    }
  })

  const citations: CitationSource[] = []
  for (let c = 0; c < count / 20; c++) {
    const termIds = Array.from({ length: 4 }, () => ids[index(count)] as string)
    citations.push({
      source: `case-studies:c${c}`,
      groups: [{ key: `case-studies:c${c}`, kind: 'case-study', label: { ja: `事例${c}` }, termIds }],
    })
  }
  for (let p = 0; p < count / 50; p++) {
    const groups = Array.from({ length: 3 }, (_, s) => ({
      key: `playbooks:p${p}#s${s}#${s}`,
      kind: 'playbook-step' as const,
      label: { ja: `プレイブック${p}の手順${s}` },
      termIds: Array.from({ length: 3 }, () => ids[index(count)] as string),
    }))
    citations.push({ source: `playbooks:p${p}`, groups })
  }

  const tagNames = Array.from({ length: tagCount }, (_, t): [string, string] => [`tag${t}`, `タグ${t}`])
  return { terms, citations, tagNames }
}
