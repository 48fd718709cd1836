import { continuesOnNextLine, isHeadingLike } from './text'
import type { Block, ListItem } from './types'

/**
 * Body lines → headings, paragraphs and lists. Two page layouts reach here:
 * - spaced (blank lines between blocks): a heading is a one-line block; bullets are indented `•`
 *   items whose explanation sits on deeper-indented lines;
 * - compact (no blank lines at all): every line is a block; a heading is a short line followed by
 *   prose; bullets are `- ` items, several may share a line, explanations follow unindented.
 */

type Token =
  | { kind: 'blank' }
  | { kind: 'bullet'; indent: number; text: string }
  | { kind: 'ordered'; indent: number; text: string }
  | { kind: 'text'; indent: number; text: string }

const BULLET = /^(\s*)(?:[•●◦▪‣]\s*|[-‐*・]\s+)(\S.*)$/u
const ORDERED_ITEM = /^(\s+)\d{1,2}[.．)）]\s*(\S.*)$/u
/** Items that share a line: " - " after the end of a sentence or a closing bracket. */
const MID_LINE_BULLET = /(?<=[。．！？!?」』）)])\s+[-‐]\s+(?=\S)/u
/** "label: explanation" on one line; the label is short and holds no sentence punctuation. */
const INLINE_LABEL = /^([^:：。、()（）「」『』]{1,30}?)\s*([:：])\s*(?!\/\/)(\S.*)$/u

const indentOf = (line: string) => line.length - line.trimStart().length

/** Splits lines that carry several " - " bullets into one line per bullet. */
export const splitSharedBulletLines = (lines: string[]): string[] =>
  lines.flatMap((line) => {
    const parts = line.split(MID_LINE_BULLET)
    if (parts.length === 1) return [line]
    const indent = ' '.repeat(indentOf(line))
    return parts.map((part, index) => (index === 0 ? part : `${indent}- ${part.trim()}`))
  })

const tokenize = (line: string): Token => {
  if (line.trim() === '') return { kind: 'blank' }
  const bullet = BULLET.exec(line)
  if (bullet) return { kind: 'bullet', indent: bullet[1]?.length ?? 0, text: (bullet[2] ?? '').trim() }
  const ordered = ORDERED_ITEM.exec(line)
  if (ordered) return { kind: 'ordered', indent: ordered[1]?.length ?? 0, text: (ordered[2] ?? '').trim() }
  return { kind: 'text', indent: indentOf(line), text: line.trim() }
}

/** Joins a line ending in a particle or comma to the next ("翔平は" + "最近、…"). */
export const joinBrokenLines = (lines: string[]): string[] => {
  const joined: string[] = []
  let pending = ''
  for (const line of lines) {
    const current = pending + line
    if (continuesOnNextLine(line)) pending = current
    else {
      joined.push(current)
      pending = ''
    }
  }
  if (pending) joined.push(pending)
  return joined
}

const toItem = (first: string, more: string[]): ListItem => {
  const lines = joinBrokenLines(more)
  if (/[:：]$/u.test(first) && lines.length > 0) return { label: first, text: '', lines }
  const inline = INLINE_LABEL.exec(first)
  if (inline) return { label: `${inline[1]}${inline[2]}`, text: inline[3] ?? '', lines }
  return { text: first, lines }
}

const isText = (token: Token | undefined): token is Extract<Token, { kind: 'text' }> => token?.kind === 'text'

/** Parses body lines into blocks. */
export const parseBlocks = (rawLines: string[]): Block[] => {
  const lines = splitSharedBulletLines(rawLines)
  while (lines.length && lines[0]?.trim() === '') lines.shift()
  while (lines.length && lines[lines.length - 1]?.trim() === '') lines.pop()
  const tokens = lines.map(tokenize)
  const compact = !tokens.some((t) => t.kind === 'blank')
  const blocks: Block[] = []

  const isHeadingAt = (i: number): boolean => {
    const token = tokens[i]
    if (!isText(token) || !isHeadingLike(token.text)) return false
    const next = tokens[i + 1]
    if (compact) {
      // A heading introduces something; a short line followed by a heading is a caption.
      if (!next) return false
      return !(isText(next) && isHeadingLike(next.text))
    }
    const previous = tokens[i - 1]
    return (!previous || previous.kind === 'blank') && (!next || next.kind !== 'text')
  }

  let i = 0
  while (i < tokens.length) {
    const token = tokens[i]
    if (!token || token.kind === 'blank') {
      i++
      continue
    }
    if (token.kind === 'bullet' || token.kind === 'ordered') {
      const kind = token.kind
      const baseIndent = token.indent
      const items: { first: string; more: string[] }[] = []
      while (i < tokens.length) {
        const current = tokens[i]
        if (!current) break
        if (current.kind === kind) {
          items.push({ first: current.text, more: [] })
          i++
          continue
        }
        if (current.kind === 'blank') {
          let j = i
          while (tokens[j]?.kind === 'blank') j++
          if (tokens[j]?.kind === kind) {
            i = j
            continue
          }
          break
        }
        if (current.kind === 'text' && items.length > 0) {
          const deeper = current.indent > baseIndent
          const compactContinuation = compact && !isHeadingLike(current.text)
          if (deeper || compactContinuation) {
            items[items.length - 1]?.more.push(current.text)
            i++
            continue
          }
        }
        break
      }
      blocks.push({
        type: 'list',
        ordered: kind === 'ordered',
        items: items.map((item) => toItem(item.first, item.more)),
      })
      continue
    }
    if (isHeadingAt(i)) {
      blocks.push({ type: 'heading', text: token.text })
      i++
      continue
    }
    const paragraph: string[] = [token.text]
    i++
    if (!compact) {
      while (isText(tokens[i])) {
        paragraph.push((tokens[i] as { text: string }).text)
        i++
      }
    }
    blocks.push({ type: 'paragraph', lines: joinBrokenLines(paragraph) })
  }
  return blocks
}
