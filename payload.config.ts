import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'

import { collections } from './collections'
import { databaseAdapter } from './src/database/adapter'
import { chooseDatabase } from './src/database/choose'
import { trustedOrigins } from './src/origins'
import { payloadSecret } from './src/secret'
import { anonymousReadRules } from './src/security'
import { storefrontBaseUrl } from './src/storefront'
import { storefrontFeed } from './plugins/storefront-feed'
import { relatedTermGraph } from './plugins/related-term-graph'

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
  },
  collections,
  localization: {
    locales: [
      { code: 'ja', label: '日本語' },
      { code: 'en', label: 'English' },
    ],
    defaultLocale: 'ja',
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
  },
  // Empty lists (nothing configured) keep Payload's defaults for local development.
  cors: trustedOrigins(),
  csrf: trustedOrigins(),
  telemetry: false,
  plugins: [
    // Each plugin is installed by one line here.
    relatedTermGraph({ termUrl: `${storefrontBaseUrl()}{localePrefix}/glossary/{glossary}/{slug}` }),
    storefrontFeed({ storefront: { baseUrl: storefrontBaseUrl() } }),
    // Last, so its read rules cover every collection the plugins above added.
    anonymousReadRules(),
  ],
})
