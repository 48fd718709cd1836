/** Where storefront pages live: the base of every URL the feed, the graph and the sitemap build. */
export const storefrontBaseUrl = (): string =>
  (process.env.STOREFRONT_URL || 'https://shop.example.com').replace(/\/+$/, '')
