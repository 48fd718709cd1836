import type { Channel } from '../../collections/fields/channels'
import type { LexicalState } from './lexical'

/** A document handed to the parser: decoded text, or raw bytes the parser decodes (UTF-8 only). */
export interface SourceFile {
  name: string
  text?: string
  bytes?: Uint8Array
  /** Why the reader already refused the file (e.g. too large to be a page dump). */
  rejected?: string
}

/** A file the parser refused, and why; nothing from it is imported. */
export interface FileError {
  file: string
  reason: string
}

/** Something the parser did that an editor may want to check; the import still runs. */
export interface ParseWarning {
  file?: string
  message: string
}

export type Completeness = 'full' | 'excerpt'

export interface SourceRef {
  document: string
  completeness: Completeness
}

/** One list item: an optional bold label ("スポンサー投稿:"), the rest of its first line, and further lines. */
export interface ListItem {
  label?: string
  text: string
  lines: string[]
}

export type Block =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; lines: string[] }
  | { type: 'list'; ordered: boolean; items: ListItem[] }

export interface ParsedGlossary {
  key: string
  slug: string
  /** Japanese name as the documents write it ("ソーシャルメディア用語集"). */
  name: string
  englishName: string | null
  description: string | null
  sources: string[]
}

export interface ParsedTag {
  key: string
  slug: string
  name: string
  sources: string[]
}

export interface ParsedTerm {
  key: string
  slug: string
  term: string
  englishName: string | null
  aliases: string[]
  /** Key of the glossary (see ParsedGlossary.key). */
  glossary: string
  /** Keys of the tags. */
  tags: string[]
  summary: string
  headings: string[]
  /** The body as plain text ('' for an excerpt). */
  text: string
  /** The body as Lexical rich text (null for an excerpt). */
  body: LexicalState | null
  excerpt: boolean
  sources: SourceRef[]
  /** Slugs of related terms (named in this term's text, plus the manifest's). */
  related: string[]
}

export interface ParsedStep {
  key: string
  title: string
  englishTitle: string | null
  text: string
  body: LexicalState
  channels: Channel[]
  relatedTerms: string[]
}

export interface ParsedPlaybook {
  key: string
  slug: string
  title: string
  englishTitle: string | null
  stage: 'pre-purchase' | 'purchase' | 'post-purchase'
  /** The line under the title ("エンゲージメント&ロイヤルティからAOV×LTVを向上させる"). */
  summary: string | null
  introText: string
  intro: LexicalState
  steps: ParsedStep[]
  closingText: string
  closing: LexicalState | null
  relatedTerms: string[]
  sources: SourceRef[]
}

export interface ParsedCaseStudy {
  key: string
  slug: string
  title: string
  englishTitle: string | null
  /** The heading that opened it in the document ("ケーススタディ1"). */
  heading: string
  persona: { name: string; romanized: string | null }
  industry: { ja: string; en: string | null } | null
  channels: Channel[]
  text: string
  scenario: LexicalState
  tactics: string[]
  outcomes: string[]
  relatedTerms: string[]
  /** Steps it illustrates: playbook slug and step key. */
  playbookSteps: { playbook: string; stepKey: string }[]
  sources: SourceRef[]
}

export type Layout = 'titled' | 'untitled'

/** The page families of the site, as the parser recognises them. */
export type Family = 'single-term page' | 'glossary article' | 'listing page' | 'article' | 'nothing importable'

/** Why a document was read the way it was (`--explain`). */
export interface DocumentExplanation {
  file: string
  family: Family
  /** The evidence for the family. */
  why: string
  /** What stood above the title: site header, author byline, none. */
  header: string
  /** Each entry heading met: the term it gave, or why it was rejected. */
  entries: { heading: string; term: string | null; reason?: string }[]
  /** Blocks left out, and why. */
  dropped: { what: string; why: string }[]
}

/** What one document contributed, for progress lines and the dry-run report. */
export interface ParsedDocumentSummary {
  name: string
  layout: Layout
  family: Family
  kind: 'term' | 'article'
  title: string
  term: string | null
  glossary: string | null
  tags: string[]
  teaserTerms: number
  /** Terms from a glossary article's entries or a listing's headings. */
  entryTerms: number
  recommendedArticles: number
  caseStudies: number
  playbookSteps: number
}

export interface ParsedCorpus {
  documents: ParsedDocumentSummary[]
  glossaries: ParsedGlossary[]
  tags: ParsedTag[]
  terms: ParsedTerm[]
  playbooks: ParsedPlaybook[]
  caseStudies: ParsedCaseStudy[]
  errors: FileError[]
  warnings: ParseWarning[]
  explanations: DocumentExplanation[]
}
