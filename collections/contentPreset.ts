import type { CollectionConfig } from 'payload'

import { publishedOrStaff, staffOnly } from '../src/access/roles'

/**
 * Access and version history shared by the hub's content collections. Only staff write. With `drafts`
 * (terms, case studies, playbooks) anonymous readers see published documents only and editors can schedule
 * publish / unpublish (Payload's jobs queue, src/jobs.ts, carries it out); without (glossaries, tags) there
 * is no draft to hide, so everything is public.
 */
export const contentPreset = ({ drafts }: { drafts: boolean }): Pick<CollectionConfig, 'access' | 'versions'> =>
  drafts
    ? {
        versions: { drafts: { schedulePublish: true }, maxPerDoc: 25 },
        access: {
          read: publishedOrStaff,
          readVersions: staffOnly,
          create: staffOnly,
          update: staffOnly,
          delete: staffOnly,
        },
      }
    : {
        access: { read: () => true, create: staffOnly, update: staffOnly, delete: staffOnly },
      }
