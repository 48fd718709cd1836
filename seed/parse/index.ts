/** The pure parser core: page dumps in, structured content out. No I/O, no Payload. */
export { parseDocuments, type ParseOptions } from './corpus'
export { decodeDocument } from './decode'
export { corpusReport, type CorpusReport } from './json'
export { lexicalToPlainText, toLexical, type LexicalState } from './lexical'
export { EMPTY_MANIFEST, ManifestError, parseManifest, type Manifest, type ManifestInput } from './manifest'
export { DEFAULT_TEMPLATE, type SiteTemplate } from './template'
export type * from './types'
