import config from '@payload-config'

import { PreviewPage } from '../../../../../plugins/storefront-feed/preview/PreviewPage'

// Drafts change with every keystroke and depend on who asks: never cached or prerendered.
export const dynamic = 'force-dynamic'

const Page = ({ params }: { params: Promise<{ path?: string[] }> }) => PreviewPage({ config, params })

export default Page
