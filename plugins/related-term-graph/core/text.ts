/** Plain text out of Lexical rich text, and the sentence around a mention (its evidence). */
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { convertLexicalToPlaintext, type PlaintextConverters } from '@payloadcms/richtext-lexical/plaintext'

/**
 * The text of a Lexical editor state that mentions are looked for in: Payload's own plain-text converter
 * (the same one the storefront feed uses), without headings, code blocks, inline code and link texts, where
 * nothing is a mention. Left-out inline pieces become a space, so the words around them are not joined into one.
 */
export const lexicalPlainText = (state: unknown): string => {
  const root = (state as { root?: { children?: unknown } } | null | undefined)?.root
  if (!root || typeof root !== 'object' || !Array.isArray(root.children)) return ''
  return convertLexicalToPlaintext({ data: state as SerializedEditorState, converters: SKIPPED })
    .replace(/\n{2,}/g, '\n')
    .trim()
}

const INLINE_CODE_FORMAT = 16

const SKIPPED: PlaintextConverters = {
  heading: () => '',
  code: () => '',
  link: () => ' ',
  autolink: () => ' ',
  text: ({ node }) => {
    const { text, format } = node as { text?: unknown; format?: unknown }
    if (typeof format === 'number' && format & INLINE_CODE_FORMAT) return ' '
    return typeof text === 'string' ? text : ''
  },
}

// A sentence ends after 。！？!? (and full-width variants) or a Latin full stop followed by a space, or at a line end.
const SENTENCE_END = /[。！？!?．]|\.(?=\s)|\n/g

/** Longest evidence we keep; longer sentences are cut around the mention. */
export const MAX_EVIDENCE_LENGTH = 160

/** The sentence of `text` containing [start, end), trimmed and at most MAX_EVIDENCE_LENGTH characters. */
export const sentenceAround = (text: string, start: number, end: number): string => {
  let from = 0
  let to = text.length
  SENTENCE_END.lastIndex = 0
  for (let match = SENTENCE_END.exec(text); match; match = SENTENCE_END.exec(text)) {
    if (match.index < start) from = match.index + match[0].length
    else if (match.index >= end) {
      to = match[0] === '\n' ? match.index : match.index + match[0].length
      break
    }
    // A terminator inside the mention itself (e.g. `Yahoo!`) does not end the sentence.
  }
  const raw = text.slice(from, to)
  const sentence = raw.trim()
  if (sentence.length <= MAX_EVIDENCE_LENGTH) return sentence
  // Too long: keep a window centred on the mention.
  const mentionAt = start - from - (raw.length - raw.trimStart().length)
  const slack = Math.max(0, MAX_EVIDENCE_LENGTH - (end - start))
  const windowStart = Math.max(0, Math.min(mentionAt - Math.floor(slack / 2), sentence.length - MAX_EVIDENCE_LENGTH))
  const windowEnd = windowStart + MAX_EVIDENCE_LENGTH
  return `${windowStart > 0 ? '…' : ''}${sentence.slice(windowStart, windowEnd)}${windowEnd < sentence.length ? '…' : ''}`
}
