import { seoPlugin } from '@payloadcms/plugin-seo'
import type { GenerateDescription, GenerateTitle } from '@payloadcms/plugin-seo/types'
import type { Plugin } from 'payload'

import {
  articleTitle,
  caseStudyDescription,
  playbookDescription,
  type SeoLocale,
  termDescription,
  termTitle,
} from './defaults'

export const SEO_COLLECTIONS = ['glossary-terms', 'case-studies', 'playbooks'] as const

const localeOf = (locale: string | undefined): SeoLocale => (locale === 'en' ? 'en' : 'ja')

const glossaryName = async (args: Parameters<GenerateTitle>[0]): Promise<string | undefined> => {
  const value = (args.doc as { glossary?: unknown })?.glossary
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value
  if (typeof id !== 'string' && typeof id !== 'number') return undefined
  const glossary = await args.req.payload
    .findByID({
      collection: 'glossaries',
      id,
      depth: 0,
      locale: localeOf(args.locale),
      req: args.req,
      disableErrors: true,
    })
    .catch(() => null)
  return typeof glossary?.name === 'string' ? glossary.name : undefined
}

const generateTitle: GenerateTitle = async (args) => {
  const slug = args.collectionConfig?.slug
  if (slug === 'glossary-terms') return termTitle(args.doc, await glossaryName(args), localeOf(args.locale))
  return articleTitle(args.doc)
}

const generateDescription: GenerateDescription = (args) => {
  switch (args.collectionConfig?.slug) {
    case 'glossary-terms':
      return termDescription(args.doc)
    case 'case-studies':
      return caseStudyDescription(args.doc)
    default:
      return playbookDescription(args.doc, localeOf(args.locale))
  }
}

/** Payload's SEO fields (meta title, description) on the storefront's content types, with generated defaults. */
export const hubSeo = (): Plugin =>
  seoPlugin({
    collections: [...SEO_COLLECTIONS],
    generateTitle,
    generateDescription,
    // The hub has no media collection yet; `uploadsCollection` adds the meta image once it has one.
  })
