import { headers } from 'next/headers'
import { notFound } from 'next/navigation'
import { getPayload, type SanitizedConfig } from 'payload'

import { previewTargetFor } from '../core/preview'
import { feedOptionsOf, findPreviewDraft, renderPreview } from '../server/preview'
import { LivePreviewItem } from './LivePreviewItem'

export type PreviewPageProps = {
  config: Promise<SanitizedConfig> | SanitizedConfig
  params: Promise<{ path?: string[] }>
}

/**
 * A draft as the storefront will show it, for staff only: the path is the storefront's (from the feed's
 * URL templates) under the preview prefix; the user comes from the request's cookie. Anything else is 404,
 * so a preview URL tells an anonymous visitor nothing, not even whether the document exists.
 */
export const PreviewPage = async ({ config, params }: PreviewPageProps) => {
  const payload = await getPayload({ config })
  const options = feedOptionsOf(payload)
  if (!options || options.disabled || options.preview.disabled) notFound()
  const { path = [] } = await params
  // Next decodes segments; the template matcher decodes once more, so hand it the path as sent.
  const target = previewTargetFor(options, `${options.preview.path}/${path.map(encodeURIComponent).join('/')}`)
  if (!target) notFound()
  const { user } = await payload.auth({ headers: await headers() })
  const draft = await findPreviewDraft(payload, options, target, user)
  if (!draft) notFound()
  const preview = await renderPreview(payload, options, { type: target.type, doc: draft, locale: target.locale })
  return (
    <LivePreviewItem
      initial={preview}
      collection={options.collections[target.type]}
      apiRoute={payload.config.routes.api}
    />
  )
}
