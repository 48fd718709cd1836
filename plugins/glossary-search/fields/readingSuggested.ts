import type { CheckboxField } from 'payload'

import { READING_SUGGESTED } from '../hooks/suggestReading'

/** The flag beside `reading`: true while the reading is the analyser's suggestion, until an editor saves one. */
export const readingSuggestedField = (): CheckboxField => ({
  name: READING_SUGGESTED,
  type: 'checkbox',
  defaultValue: false,
  label: { ja: '読みは自動提案', en: 'Reading is a suggestion' },
  // Editorial state: storefronts have no use for it.
  access: { read: ({ req }) => Boolean(req.user) },
  admin: {
    position: 'sidebar',
    description: {
      ja: '辞書による提案です。読みを直すか、確認してチェックを外して保存してください。',
      en: 'Suggested by the dictionary: correct the reading, or untick this after checking it, and save.',
    },
  },
})
