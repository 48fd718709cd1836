/** Reading the graph's source documents through the Local API (works on SQLite and MongoDB). */
import type { CollectionSlug, Payload, PayloadRequest, Where } from 'payload'

import { mapInPages } from '../../shared/findInPages'
import type { CitationSource, GraphInput } from '../core/graphIndex'
import type { TermRecord } from '../core/model'
import { caseStudyCitations, citationSource, idPool, playbookCitations, termRecordFromDoc } from '../core/records'
import type { SanitizedRelatedTermGraphConfig } from '../types'

/** `published`: what anonymous readers see. `latest`: newest drafts included, for editors. */
export type ViewKind = 'published' | 'latest'
export const VIEW_KINDS: readonly ViewKind[] = ['published', 'latest']

type Doc = Record<string, unknown>

export type Loader = {
  locales: readonly string[]
  all: (view: ViewKind) => Promise<GraphInput>
  term: (id: string, view: ViewKind, req?: PayloadRequest) => Promise<TermRecord | null>
  citations: (
    collection: 'case-studies' | 'playbooks',
    id: string,
    view: ViewKind,
    req?: PayloadRequest,
  ) => Promise<CitationSource>
  tagName: (id: string, req?: PayloadRequest) => Promise<string | null>
  glossarySlug: (id: string, req?: PayloadRequest) => Promise<string | null>
}

export const createLoader = (payload: Payload, options: SanitizedRelatedTermGraphConfig): Loader => {
  const localization = payload.config.localization
  const locales: readonly string[] = localization ? localization.localeCodes : ['en']

  const hasDrafts = (collection: CollectionSlug) => Boolean(payload.collections[collection]?.config.versions?.drafts)

  /**
   * Documents of a view. Published: the main document (Payload keeps the published version there
   * even when a newer draft exists) with `_status: published`. Latest: the newest version, draft or not.
   */
  const viewArgs = (collection: CollectionSlug, view: ViewKind, where?: Where) => {
    const drafts = hasDrafts(collection)
    const published: Where | undefined =
      drafts && view === 'published' ? { _status: { equals: 'published' } } : undefined
    const conditions = [where, published].filter((w): w is Where => Boolean(w))
    return {
      collection,
      where: conditions.length > 1 ? { and: conditions } : conditions[0],
      draft: drafts && view === 'latest',
      locale: 'all' as const,
      depth: 0,
      overrideAccess: true,
    }
  }

  /** One document (or none) of a view, inside the saving request's transaction when given. */
  const read = async (
    collection: CollectionSlug,
    view: ViewKind,
    where?: Where,
    req?: PayloadRequest,
  ): Promise<Doc[]> => {
    const { docs } = await payload.find({
      ...viewArgs(collection, view, where),
      pagination: false,
      ...(req ? { req } : {}),
    })
    return docs as unknown as Doc[]
  }

  /** A whole collection of a view, mapped page by page (see `mapInPages`). */
  const readAll = <T>(collection: CollectionSlug, view: ViewKind, map: (doc: Doc) => T): Promise<T[]> =>
    mapInPages(payload, viewArgs(collection, view), map)

  const byId = (id: string): Where => ({ id: { equals: id } })

  const tagNames = (): Promise<[string, string][]> =>
    readAll(options.tagsCollection, 'latest', (doc) => [
      String(doc.id),
      typeof doc.name === 'string' ? doc.name : String(doc.id),
    ])

  const glossarySlugs = (): Promise<[string, string][]> =>
    readAll(options.glossariesCollection, 'latest', (doc) => [
      String(doc.id),
      typeof doc.slug === 'string' ? doc.slug : String(doc.id),
    ])

  return {
    locales,
    all: async (view) => {
      // One after another: each collection is mapped to records page by page, never held whole.
      const ids = idPool()
      const terms = await readAll(options.termsCollection, view, (doc) => termRecordFromDoc(doc, locales, ids))
      const caseStudies = await readAll(options.caseStudiesCollection, view, (doc) =>
        caseStudyCitations(doc, locales, ids),
      )
      const playbooks = await readAll(options.playbooksCollection, view, (doc) => playbookCitations(doc, locales, ids))
      return {
        terms,
        citations: [...caseStudies, ...playbooks],
        tagNames: await tagNames(),
        glossarySlugs: await glossarySlugs(),
      }
    },
    term: async (id, view, req) => {
      const [doc] = await read(options.termsCollection, view, byId(id), req)
      return doc ? termRecordFromDoc(doc, locales) : null
    },
    citations: async (collection, id, view, req) => {
      const slug = collection === 'case-studies' ? options.caseStudiesCollection : options.playbooksCollection
      const [doc] = await read(slug, view, byId(id), req)
      if (!doc) return { source: citationSource(collection, id), groups: [] }
      return collection === 'case-studies' ? caseStudyCitations(doc, locales) : playbookCitations(doc, locales)
    },
    tagName: async (id, req) => {
      const [doc] = await read(options.tagsCollection, 'latest', byId(id), req)
      return doc ? (typeof doc.name === 'string' ? doc.name : id) : null
    },
    glossarySlug: async (id, req) => {
      const [doc] = await read(options.glossariesCollection, 'latest', byId(id), req)
      return doc ? (typeof doc.slug === 'string' ? doc.slug : id) : null
    },
  }
}
