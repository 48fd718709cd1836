/** Where storefront pages live, for the admin's preview links. */
export const storefrontBaseUrl = (): string =>
  (process.env.STOREFRONT_URL || 'https://shop.example.com').replace(/\/+$/, '')

// The same paths the feed's default URL templates use (the term path adds the glossary there).
const PATHS = {
  'glossary-terms': '/glossary/{slug}',
  'case-studies': '/case-studies/{slug}',
  playbooks: '/playbooks/{slug}',
} as const

export const storefrontPreviewUrl =
  (collection: keyof typeof PATHS) =>
  (doc: Record<string, unknown>, { locale }: { locale?: string }): null | string => {
    if (typeof doc.slug !== 'string' || doc.slug === '') return null
    const path = PATHS[collection].replace('{slug}', encodeURIComponent(doc.slug))
    const query = locale && locale !== 'ja' ? `?locale=${encodeURIComponent(locale)}` : ''
    return `${storefrontBaseUrl()}${path}${query}`
  }
