import type { CollectionConfig, Config, Field, Payload, Plugin } from 'payload'

import { instanceSlot } from '../shared/instanceSlot'
import { changeLogCollection } from './collections/changeLogCollection'
import type { GraphFieldProps } from './components/GraphField'
import type { GraphHealthProps } from './components/GraphHealth'
import { RELATED_FIELD } from './core/records'
import { termGraphEndpoints } from './endpoints'
import { termGraphQueries } from './graphql/termGraphQuery'
import { afterChangeSyncGraph, afterDeleteSyncGraph } from './hooks/syncGraph'
import { autoLinkFieldsFor } from './fields/autoLink'
import { mentionLinkerFor, noMentionLinker } from './server/render'
import { TermGraphService, type SourceKind } from './server/service'
import {
  sanitizeOptions,
  type RelatedTermGraphConfig,
  type RelatedTermGraphCustom,
  type SanitizedRelatedTermGraphConfig,
} from './types'

export type {
  AutoLink,
  AutoLinkTarget,
  DocumentMentionLinker,
  MentionLinkerArgs,
  RelatedTermGraphConfig,
  RelatedTermGraphCustom,
} from './types'
export { neverAutoLinkField, noAutoLinksInsideField } from './fields/autoLink'
export { SKIP_TERM_GRAPH } from './hooks/syncGraph'

const CLIENT = 'related-term-graph/client'

const services = instanceSlot<TermGraphService>('related-term-graph.service')

const serviceGetter = (options: SanitizedRelatedTermGraphConfig) => (payload: Payload) =>
  services.for(payload, options, () => new TermGraphService(payload, options))

/** The running graph service of a Payload instance (after init), e.g. to `rebuild()` after a bulk import. */
export const getTermGraphService = (payload: Payload): TermGraphService | undefined => services.get(payload)

/**
 * The related-term graph: glossary terms linked by editor relations, mentions in their text,
 * co-citation in case studies and playbook steps, and shared tags. Adds GET /api/term-graph,
 * /api/term-graph/path and /api/term-graph/top, a `termGraph` GraphQL query, a Graph field and
 * a graph-health panel in the admin, the editors' never-auto-link switches (terms, case studies, playbooks),
 * and `config.custom.relatedTermGraph.mentionLinker` (the mention-linking step of the feed's renderer).
 */
export const relatedTermGraph =
  (incoming: RelatedTermGraphConfig = {}): Plugin =>
  (config: Config): Config => {
    const options = sanitizeOptions(incoming, config.admin?.user)
    // The switches are schema: added even when disabled, and only where the user has not placed them.
    const withSwitches = (collection: CollectionConfig): CollectionConfig => {
      const wanted = autoLinkFieldsFor(collection.slug, options).filter((field) => !hasField(collection.fields, field))
      return wanted.length === 0 ? collection : { ...collection, fields: [...collection.fields, ...wanted] }
    }
    const collections = [
      ...(config.collections ?? []).map(withSwitches),
      changeLogCollection(options.changesCollection),
    ]

    if (options.disabled) {
      const custom: RelatedTermGraphCustom = { mentionLinker: noMentionLinker }
      return { ...config, collections, custom: { ...config.custom, relatedTermGraph: custom } }
    }

    const getService = serviceGetter(options)
    const kinds = new Map<string, SourceKind>([
      [options.termsCollection, 'terms'],
      [options.caseStudiesCollection, 'case-studies'],
      [options.playbooksCollection, 'playbooks'],
      [options.tagsCollection, 'tags'],
      [options.glossariesCollection, 'glossaries'],
    ])

    const withHooks = (collection: CollectionConfig): CollectionConfig => {
      const kind = kinds.get(collection.slug)
      if (!kind) return collection
      const hooked: CollectionConfig = {
        ...collection,
        hooks: {
          ...collection.hooks,
          afterChange: [...(collection.hooks?.afterChange ?? []), afterChangeSyncGraph(getService, kind)],
          afterDelete: [...(collection.hooks?.afterDelete ?? []), afterDeleteSyncGraph(getService, kind)],
        },
      }
      if (kind !== 'terms') return hooked
      return {
        ...hooked,
        admin: {
          ...hooked.admin,
          components: {
            ...hooked.admin?.components,
            beforeList: [
              ...(hooked.admin?.components?.beforeList ?? []),
              {
                path: `${CLIENT}#GraphHealth`,
                clientProps: { termsCollection: options.termsCollection } satisfies GraphHealthProps,
              },
            ],
          },
        },
        fields: [
          ...hooked.fields,
          {
            name: 'termGraph',
            type: 'ui',
            label: { ja: '用語グラフ', en: 'Term graph' },
            admin: {
              components: {
                Field: {
                  path: `${CLIENT}#GraphField`,
                  clientProps: {
                    termsCollection: options.termsCollection,
                    relatedField: RELATED_FIELD,
                  } satisfies GraphFieldProps,
                },
              },
            },
          },
        ],
      }
    }

    const custom: RelatedTermGraphCustom = { mentionLinker: mentionLinkerFor(getService) }

    return {
      ...config,
      collections: collections.map(withHooks),
      endpoints: [...(config.endpoints ?? []), ...termGraphEndpoints(getService)],
      graphQL: { ...config.graphQL, queries: termGraphQueries(getService, config.graphQL?.queries) },
      custom: { ...config.custom, relatedTermGraph: custom },
      onInit: async (payload) => {
        await config.onInit?.(payload)
        if (!options.buildOnInit) return
        // In the background: start-up is not held up; requests wait for the build if they come first.
        getService(payload)
          .views()
          .catch((error: unknown) => {
            payload.logger.warn(
              { err: error },
              'related-term-graph: building the graph at start-up failed; it will be built on first use',
            )
          })
      },
    }
  }

const hasField = (fields: Field[], field: Field): boolean =>
  'name' in field && fields.some((existing) => 'name' in existing && existing.name === field.name)
