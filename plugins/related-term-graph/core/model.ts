/** The data the graph is built from: plain records, no Payload types. */

/** A value per locale code, e.g. `{ ja: 'UTMコード', en: 'UTM code' }`. */
export type Localized<T = string> = Partial<Record<string, T>>

/** A glossary term as the graph sees it (one view: published or latest). */
export type TermRecord = {
  id: string
  slug: string
  /** Headword per locale. */
  term: Localized
  englishName?: string | null
  /** How the headword is read (kana): a label too. */
  reading?: string | null
  aliases: string[]
  /** Glossary id. */
  glossary: string | null
  /** Summary and body as plain text, per locale: where mentions are looked for. */
  text: Localized
  /** The one- or two-sentence definition per locale (auto-link tooltips). */
  summary?: Localized
  /** Editors' switch: never auto-link to this term (feed links, graph suggestions). */
  neverAutoLink?: boolean
  /** Editors' switch: never add auto-links inside this term's own text (feed links, graph suggestions). */
  noAutoLinksInside?: boolean
  /** Ids of terms the editor marked as related. */
  related: string[]
  /** Id of the broader term. */
  broader: string | null
  /** Tag ids. */
  tags: string[]
  /** Publication status of the version this record was read from. */
  status?: 'draft' | 'published'
}

/** One place that links several terms together: a case study, or one step of a playbook. */
export type CitationGroup = {
  /** Stable key, e.g. `case-studies:<id>` or `playbooks:<id>#<stepKey>`. */
  key: string
  kind: 'case-study' | 'playbook-step'
  /** Human label per locale, e.g. the case study title or `Playbook › Step`. */
  label: Localized
  termIds: string[]
}

export const EDGE_TYPES = ['related', 'broader', 'narrower', 'mentions', 'co-cited', 'shared-tag'] as const
export type EdgeType = (typeof EDGE_TYPES)[number]

/** Why an edge exists; rendered to a sentence in the reader's locale at query time. */
export type Evidence =
  /** `related`: which side(s) listed the other. */
  | { kind: 'related'; setOn: string[] }
  /** `broader` / `narrower`: narrow → broad. */
  | { kind: 'hierarchy'; narrow: string; broad: string }
  /** `mentions`: the sentence per locale. */
  | { kind: 'sentence'; sentence: Localized }
  /** `co-cited`: the citation group keys. */
  | { kind: 'citations'; groups: string[] }
  /** `shared-tag`: the tag ids. */
  | { kind: 'tags'; tags: string[] }

/** What every graph edge stores (shared, frozen: see `core/edges.ts`). */
export type EdgeAttributes = Readonly<{ type: EdgeType; weight: number }>

/** An edge as presented: `from`/`to` give direction for directed types (mentions, broader, narrower). */
export type EdgeView = EdgeAttributes & { from: string; to: string; evidence: Evidence }

/** What every graph node carries. */
export type NodeAttributes = { slug: string }
