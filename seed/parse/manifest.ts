import { z } from 'zod'

import { CHANNELS } from '../../collections/fields/channels'

/**
 * manifest.json next to the documents: what the text itself cannot give (romanized names, English
 * names, slugs, step keys, editorial links) and the site's boilerplate phrases. Every entry is optional:
 * the parser works without a manifest and derives slugs from English names or a hash.
 */

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug is lower-case letters, digits and single hyphens (e.g. "utm-code")')

const channel = z.enum(CHANNELS.map((c) => c.value) as [string, ...string[]])

const localizedText = z.object({ ja: z.string().min(1).optional(), en: z.string().min(1).optional() })

export const manifestSchema = z
  .object({
    template: z
      .object({
        boilerplate: z.array(z.string().min(2)).optional(),
        navigation: z.array(z.string().min(1)).optional(),
      })
      .strict()
      .optional(),
    glossaries: z
      .array(
        z
          .object({
            name: z.string().min(1),
            slug: slug.optional(),
            englishName: z.string().min(1).optional(),
            description: z.string().optional(),
            /** Other spellings met in the documents (typos included) that mean this glossary. */
            aliases: z.array(z.string().min(1)).optional(),
          })
          .strict(),
      )
      .default([]),
    tags: z.array(z.object({ name: z.string().min(1), slug }).strict()).default([]),
    terms: z
      .array(
        z
          .object({
            /** Matched against the Japanese term or the English name. */
            term: z.string().min(1),
            slug: slug.optional(),
            englishName: z.string().min(1).optional(),
            aliases: z.array(z.string().min(1)).optional(),
            /** Slugs of related terms, added to the ones found in the text. */
            related: z.array(slug).optional(),
          })
          .strict(),
      )
      .default([]),
    playbooks: z
      .array(
        z
          .object({
            title: z.string().min(1),
            slug: slug.optional(),
            englishTitle: z.string().min(1).optional(),
            stage: z.enum(['pre-purchase', 'purchase', 'post-purchase']).optional(),
            /** Stable keys case studies link to, by step title. */
            steps: z
              .array(
                z.object({ title: z.string().min(1), key: slug, englishTitle: z.string().min(1).optional() }).strict(),
              )
              .optional(),
          })
          .strict(),
      )
      .default([]),
    caseStudies: z
      .array(
        z
          .object({
            /** The persona's name as written in the document (絵里奈). */
            persona: z.string().min(1),
            romanized: z.string().min(1).optional(),
            slug: slug.optional(),
            title: localizedText.optional(),
            industry: localizedText.optional(),
            /** Replaces the channels found in the text. */
            channels: z.array(channel).optional(),
            /** Slugs of glossary terms the case illustrates, added to the ones named in the text. */
            relatedTerms: z.array(slug).optional(),
            /** Keys of playbook steps the case illustrates ("order-confirmation"), or "playbook-slug/step-key". */
            playbookSteps: z.array(z.string().regex(/^(?:[a-z0-9-]+\/)?[a-z0-9]+(?:-[a-z0-9]+)*$/)).optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict()

export type Manifest = z.output<typeof manifestSchema>
export type ManifestInput = z.input<typeof manifestSchema>

export const EMPTY_MANIFEST: Manifest = manifestSchema.parse({})

/** Thrown for a manifest that is not valid JSON or does not match the schema; the message names the path. */
export class ManifestError extends Error {
  override name = 'ManifestError'
}

/** Validates manifest JSON text (or an already parsed object). */
export const parseManifest = (input: string | unknown, source = 'manifest.json'): Manifest => {
  let data: unknown = input
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input.replace(/^\uFEFF/, ''))
    } catch (error) {
      throw new ManifestError(`${source} is not valid JSON: ${(error as Error).message}`)
    }
  }
  const result = manifestSchema.safeParse(data)
  if (!result.success) {
    const issues = result.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ')
    throw new ManifestError(`${source} does not match the manifest schema: ${issues}`)
  }
  return result.data
}
