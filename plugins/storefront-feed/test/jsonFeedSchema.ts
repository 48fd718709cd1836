import { Ajv, type ErrorObject } from 'ajv'
import addFormatsModule from 'ajv-formats'

import feedSchema from './schema/feed.json'
import feed1Schema from './schema/feed-1.json'

// ajv-formats is CommonJS; its default export arrives wrapped under ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv

/**
 * SchemaStore's JSON Feed 1.1 schema (feed.json), which refers to the 1.0 schema (feed-1.json) for most
 * definitions. feed-1 declares draft-04 and an `id` key, which ajv 8 does not read, so it is registered
 * under the URL feed.json's `$ref`s resolve to, and meta-schema validation is skipped.
 */
const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false })
addFormats(ajv)
const { id: _draft4Id, ...feed1 } = feed1Schema as Record<string, unknown>
ajv.addSchema(feed1, 'https://json.schemastore.org/feed-1')
const validate = ajv.compile(feedSchema)

export const jsonFeedErrors = (document: unknown): ErrorObject[] =>
  validate(document) ? [] : [...(validate.errors ?? [])]
