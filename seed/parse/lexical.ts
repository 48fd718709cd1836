import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import type { Block, ListItem } from './types'

/**
 * Lexical SerializedEditorState as Payload's lexical editor saves it (lexical 0.x `exportJSON` shapes:
 * root > heading | paragraph | list > listitem > text | linebreak), so the admin opens it unchanged.
 */

export interface LexicalText {
  type: 'text'
  text: string
  format: number
  detail: 0
  mode: 'normal'
  style: ''
  version: 1
}
export interface LexicalLineBreak {
  type: 'linebreak'
  version: 1
}
type Inline = LexicalText | LexicalLineBreak
interface ElementBase {
  direction: 'ltr'
  format: ''
  indent: 0
  version: 1
}
export interface LexicalParagraph extends ElementBase {
  type: 'paragraph'
  children: Inline[]
  textFormat: number
  textStyle: ''
}
export interface LexicalHeading extends ElementBase {
  type: 'heading'
  tag: 'h2' | 'h3'
  children: Inline[]
}
export interface LexicalListItem extends ElementBase {
  type: 'listitem'
  value: number
  children: Inline[]
}
export interface LexicalList extends ElementBase {
  type: 'list'
  listType: 'bullet' | 'number'
  start: 1
  tag: 'ul' | 'ol'
  children: LexicalListItem[]
}
export type LexicalBlock = LexicalParagraph | LexicalHeading | LexicalList
export interface LexicalState {
  root: ElementBase & { type: 'root'; children: LexicalBlock[] }
}

const BOLD = 1

const element = (): ElementBase => ({ direction: 'ltr', format: '', indent: 0, version: 1 })

const text = (value: string, format = 0): LexicalText => ({
  type: 'text',
  text: value,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})

const lineBreak = (): LexicalLineBreak => ({ type: 'linebreak', version: 1 })

/** Text nodes for lines with line breaks between them. */
const linesToInline = (lines: string[]): Inline[] =>
  lines.flatMap((line, index) => (index === 0 ? [text(line)] : [lineBreak(), text(line)]))

const itemInline = (item: ListItem): Inline[] => {
  const first: Inline[] = []
  if (item.label) first.push(text(item.label, BOLD))
  if (item.text) first.push(text(item.label ? ` ${item.text}` : item.text))
  const rest = item.lines.flatMap((line) => [lineBreak(), text(line)] as Inline[])
  return first.length ? [...first, ...rest] : linesToInline(item.lines)
}

const toLexicalBlock = (block: Block): LexicalBlock => {
  switch (block.type) {
    case 'heading':
      return { type: 'heading', tag: 'h2', children: [text(block.text)], ...element() }
    case 'paragraph':
      return { type: 'paragraph', children: linesToInline(block.lines), textFormat: 0, textStyle: '', ...element() }
    case 'list':
      return {
        type: 'list',
        listType: block.ordered ? 'number' : 'bullet',
        start: 1,
        tag: block.ordered ? 'ol' : 'ul',
        children: block.items.map((item, index) => ({
          type: 'listitem',
          value: index + 1,
          children: itemInline(item),
          ...element(),
        })),
        ...element(),
      }
  }
}

/** Rich text for Payload's lexical field from parsed blocks. */
export const toLexical = (blocks: Block[]): LexicalState => ({
  root: { type: 'root', children: blocks.map(toLexicalBlock), ...element() },
})

/** One list item as one line of plain text. */
export const itemText = (item: ListItem): string =>
  [item.label, item.text, ...item.lines].filter((part): part is string => Boolean(part)).join(' ')

/** Blocks as plain text: blocks separated by a blank line, lines and list items by a newline. */
export const toPlainText = (blocks: Block[]): string =>
  blocks
    .map((block) => {
      if (block.type === 'heading') return block.text
      if (block.type === 'paragraph') return block.lines.join('\n')
      return block.items.map(itemText).join('\n')
    })
    .join('\n\n')

/** The plain text of rich text this module built: Payload's plain-text converter, the hub's one Lexical → text. */
export const lexicalToPlainText = (state: LexicalState | null | undefined): string =>
  state ? convertLexicalToPlaintext({ data: state as unknown as SerializedEditorState }) : ''
