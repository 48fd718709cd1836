import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'

import { collections } from './collections'
import { sampleImportEndpoints } from './seed/endpoint'
import { databaseAdapter } from './src/database/adapter'
import { hubJobs } from './src/jobs'
import { hubSeo } from './src/seo/plugin'
import { chooseDatabase } from './src/database/choose'
import { CONTENT_LOCALES, DEFAULT_CONTENT_LOCALE } from './src/locales'
import { trustedOrigins } from './src/origins'
import { payloadSecret } from './src/secret'
import { registerEarlyAnswers } from './src/server/earlyAnswers'
import { invalidatePublishedReads } from './src/server/publishedReads/channel'
import { anonymousReadRules, whereTypeRules, writeRules } from './src/security'
import { graphqlBudgetRules } from './src/security/graphqlBudget'
import { loginLimits } from './src/security/loginLimits'
import { sameOriginCookies } from './src/security/sameOriginCookies'
import { storefrontBaseUrl } from './src/storefront'
import { storefrontFeed, storefrontFeedFastPath } from './plugins/storefront-feed'
import { relatedTermGraph } from './plugins/related-term-graph'
import { webhooksPlugin } from './plugins/webhooks'
import { glossarySearch, glossarySearchFastPath } from './plugins/glossary-search'

const dirname = path.dirname(fileURLToPath(import.meta.url))

// Payload 3.90.2 shipped without its plugins: @payloadcms/plugin-seo's newest is 3.90.1, pinned onto our
// payload/ui by package.json "overrides" (one copy of each), so the dev-time version checker's alarm is false.
process.env.PAYLOAD_DISABLE_DEPENDENCY_CHECKER ??= 'true'

export default buildConfig({
  secret: payloadSecret(),
  serverURL: process.env.PUBLIC_SERVER_URL ?? '',
  admin: {
    user: 'users',
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ' · Commerce Content Hub' },
    // Gravatar needs the internet; the hub must look right offline.
    avatar: 'default',
    // An empty hub offers its admin the sample content (seed/endpoint.ts does the import).
    components: { beforeDashboard: ['/src/admin/SampleContent#SampleContent'] },
  },
  collections,
  endpoints: [...sampleImportEndpoints],
  localization: {
    locales: CONTENT_LOCALES.map((locale) => ({ ...locale })),
    defaultLocale: DEFAULT_CONTENT_LOCALE,
    fallback: true,
  },
  i18n: { fallbackLanguage: 'en' },
  editor: lexicalEditor(),
  db: databaseAdapter(chooseDatabase()),
  logger: process.env.LOG_LEVEL ? { options: { level: process.env.LOG_LEVEL } } : undefined,
  typescript: { outputFile: path.resolve(dirname, 'src/payload-types.ts') },
  graphQL: {
    schemaOutputFile: path.resolve(dirname, 'src/schema.graphql'),
    // Refuses deeply nested or very wide queries before they reach the database.
    maxComplexity: 1000,
    // Payload documents this as on by default but leaves it unset: without it production shows every field.
    disableIntrospectionInProduction: process.env.GRAPHQL_INTROSPECTION !== 'true',
    // The per-reader budget (depth, fan-out, aliases, `limit`); the route refuses malformed bodies before.
    validationRules: graphqlBudgetRules,
  },
  // Empty lists (nothing configured) keep Payload's defaults for local development.
  cors: trustedOrigins(),
  csrf: trustedOrigins(),
  telemetry: false,
  // Cached feed pages and search answers are sent before any router runs (the /api route and npm start's server).
  onInit: (payload) =>
    registerEarlyAnswers({
      feed: storefrontFeedFastPath(payload),
      search: glossarySearchFastPath(payload),
    }),
  jobs: hubJobs(),
  plugins: [
    // Each plugin is installed by one line here. The feed's optional Next pages (sitemap, previews) and the
    // fast path above are the app's, one file or line each: plugins/storefront-feed/README.md lists them.
    hubSeo(),
    relatedTermGraph(),
    // Its journal also keeps the server's published-read cache (REST, GraphQL) in step across instances.
    storefrontFeed({ storefront: { baseUrl: storefrontBaseUrl() }, cache: { onInvalidate: invalidatePublishedReads } }),
    webhooksPlugin({ storefront: { baseUrl: storefrontBaseUrl() } }),
    glossarySearch({ storefront: { baseUrl: storefrontBaseUrl() } }),
    // Last, so these rules cover every collection the plugins above added.
    whereTypeRules(),
    anonymousReadRules(),
    writeRules(),
    // The login cookie counts only from the hub's own origin and the trusted ones above.
    sameOriginCookies(trustedOrigins()),
    // Per-address and per-account login backoff instead of Payload's account lock; one message for every failed login.
    loginLimits(),
  ],
})
