/** Reading the graph's source documents through the Local API (works on SQLite and MongoDB). */
import type { CollectionSlug, Payload, PayloadRequest, Where } from 'payload'

import type { CitationSource, GraphInput } from '../core/graphIndex'
import type { TermRecord } from '../core/model'
import { caseStudyCitations, citationSource, playbookCitations, termRecordFromDoc } from '../core/records'
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
  const read = async (
    collection: CollectionSlug,
    view: ViewKind,
    where?: Where,
    req?: PayloadRequest,
  ): Promise<Doc[]> => {
    const drafts = hasDrafts(collection)
    const published: Where | undefined =
      drafts && view === 'published' ? { _status: { equals: 'published' } } : undefined
    const conditions = [where, published].filter((w): w is Where => Boolean(w))
    const { docs } = await payload.find({
      collection,
      where: conditions.length > 1 ? { and: conditions } : conditions[0],
      draft: drafts && view === 'latest',
      locale: 'all',
      depth: 0,
      pagination: false,
      overrideAccess: true,
      ...(req ? { req } : {}),
    })
    return docs as unknown as Doc[]
  }

  const byId = (id: string): Where => ({ id: { equals: id } })

  const tagNames = async (req?: PayloadRequest): Promise<[string, string][]> => {
    const docs = await read(options.tagsCollection, 'latest', undefined, req)
    return docs.map((doc) => [String(doc.id), typeof doc.name === 'string' ? doc.name : String(doc.id)])
  }

  const glossarySlugs = async (req?: PayloadRequest): Promise<[string, string][]> => {
    const docs = await read(options.glossariesCollection, 'latest', undefined, req)
    return docs.map((doc) => [String(doc.id), typeof doc.slug === 'string' ? doc.slug : String(doc.id)])
  }

  return {
    locales,
    all: async (view) => {
      const [terms, caseStudies, playbooks, tags, glossaries] = await Promise.all([
        read(options.termsCollection, view),
        read(options.caseStudiesCollection, view),
        read(options.playbooksCollection, view),
        tagNames(),
        glossarySlugs(),
      ])
      return {
        terms: terms.map((doc) => termRecordFromDoc(doc, locales)),
        citations: [
          ...caseStudies.map((doc) => caseStudyCitations(doc, locales)),
          ...playbooks.map((doc) => playbookCitations(doc, locales)),
        ],
        tagNames: tags,
        glossarySlugs: glossaries,
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
