import config from '@payload-config'

import { storefrontSitemapRoute } from '../../../../plugins/storefront-feed'

// Built from the database on request and cached by the feed's page cache (ETag / 304), not at build time.
export const dynamic = 'force-dynamic'

export const GET = storefrontSitemapRoute(config)
export const HEAD = GET
