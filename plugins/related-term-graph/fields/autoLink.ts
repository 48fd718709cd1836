import type { CheckboxField, Field } from 'payload'

import { NEVER_AUTO_LINK_FIELD, NO_AUTO_LINKS_FIELD } from '../core/autoLinkFields'
import type { SanitizedRelatedTermGraphConfig } from '../types'

type Bilingual = { ja: string; en: string }

/** An editor's switch in the sidebar, off unless ticked. */
const sidebarSwitch = (name: string, label: Bilingual, description: Bilingual): CheckboxField => ({
  name,
  type: 'checkbox',
  defaultValue: false,
  label,
  admin: { position: 'sidebar', description },
})

/** On a glossary term: the feed never links to it, and the graph never suggests linking to it. */
export const neverAutoLinkField = (): CheckboxField =>
  sidebarSwitch(
    NEVER_AUTO_LINK_FIELD,
    { ja: 'この用語を自動リンクしない', en: 'Never auto-link this term' },
    { ja: '他の文書にこの用語が出てきてもリンクしません。', en: 'Mentions of this term elsewhere are never linked.' },
  )

/** On any document: the feed adds no auto-links inside it, and the graph suggests none from its text. */
export const noAutoLinksInsideField = (): CheckboxField =>
  sidebarSwitch(
    NO_AUTO_LINKS_FIELD,
    { ja: 'この文書内に自動リンクを付けない', en: 'Never add auto-links inside this document' },
    {
      ja: '本文中の用語にリンクを付けません（手で付けたリンクは残ります）。',
      en: 'Terms in its text are not linked (links editors made stay).',
    },
  )

/** The switches the plugin adds to one collection. */
export const autoLinkFieldsFor = (slug: string, options: SanitizedRelatedTermGraphConfig): Field[] => {
  if (slug === options.termsCollection) return [neverAutoLinkField(), noAutoLinksInsideField()]
  if (slug === options.caseStudiesCollection || slug === options.playbooksCollection) return [noAutoLinksInsideField()]
  return []
}
