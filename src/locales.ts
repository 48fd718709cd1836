/** The hub's content locales, shared by payload.config.ts and the admin's request proxy (which cannot load Payload). */
export const CONTENT_LOCALES = [
  { code: 'ja', label: '日本語' },
  { code: 'en', label: 'English' },
] as const

export const DEFAULT_CONTENT_LOCALE = 'ja'
