import type { ReactNode } from 'react'

import './preview.css'

export const metadata = { robots: { index: false, follow: false } }

/** Draft previews render outside the admin's layout: a plain page, as a storefront would show it. */
const PreviewLayout = ({ children }: { children: ReactNode }) => (
  <html lang="ja">
    <body>{children}</body>
  </html>
)

export default PreviewLayout
