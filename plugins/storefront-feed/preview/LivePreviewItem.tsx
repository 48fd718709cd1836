'use client'
import { useLivePreview } from '@payloadcms/live-preview-react'
import { useRef } from 'react'

import type { RenderedPreview } from '../server/preview'

const LABELS = {
  ja: { draft: '下書き', published: '公開中', related: '関連用語', seo: '検索結果の見え方', excerpt: '抜粋' },
  en: {
    draft: 'Draft',
    published: 'Published',
    related: 'Related terms',
    seo: 'In search results',
    excerpt: 'Excerpt',
  },
} as const

/**
 * The rendered draft, re-rendered by the hub (`POST /api/feed/preview`) each time Live Preview sends the
 * editor's form values, so what is shown is always the feed's own output, never a second renderer.
 */
export const LivePreviewItem = ({
  initial,
  collection,
  apiRoute,
}: {
  initial: RenderedPreview
  collection: string
  apiRoute: string
}) => {
  const lastGood = useRef(initial)
  const { data } = useLivePreview<RenderedPreview>({
    initialData: initial,
    serverURL: typeof window === 'undefined' ? '' : window.location.origin,
    apiRoute,
    depth: 0,
    requestHandler: async ({ apiPath, data: message, serverURL }) => {
      const response = await fetch(`${serverURL}${apiPath}/feed/preview`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          collection,
          id: initial.id,
          locale: message.locale ?? initial.locale,
          data: message.data,
        }),
      })
      // A value the serialiser cannot read yet (half-typed) keeps the last good rendering on screen.
      if (response.ok) lastGood.current = (await response.clone().json()) as RenderedPreview
      return new Response(JSON.stringify(lastGood.current), { headers: { 'Content-Type': 'application/json' } })
    },
  })
  const { item } = data
  const labels = LABELS[data.locale]
  const seo = item._hub.seo as { title?: string | null; description?: string | null } | undefined
  return (
    <article className="hub-preview" data-testid="preview" data-type={data.type} lang={item.language}>
      <p className="hub-preview__status">
        <span data-testid="preview-status" className={`hub-badge hub-badge--${data.status}`}>
          {labels[data.status]}
        </span>
        {item._hub.excerpt === true && <span className="hub-badge hub-badge--excerpt">{labels.excerpt}</span>}
        <span className="hub-preview__url">{item.url}</span>
      </p>
      <h1 data-testid="preview-title">{item.title}</h1>
      {item.summary && <p className="hub-preview__summary">{item.summary}</p>}
      <div
        className="hub-preview__content"
        data-testid="preview-content"
        dangerouslySetInnerHTML={{ __html: item.content_html }}
      />
      {data.related.length > 0 && (
        <section data-testid="preview-related">
          <h2>{labels.related}</h2>
          <ul className="hub-preview__related">
            {data.related.map((term) => (
              <li key={term.slug}>{term.name}</li>
            ))}
          </ul>
        </section>
      )}
      <section className="hub-preview__seo" data-testid="preview-seo">
        <h2>{labels.seo}</h2>
        <p className="hub-preview__seo-title">{seo?.title ?? item.title}</p>
        <p className="hub-preview__seo-url">{item.url}</p>
        <p>{seo?.description ?? item.summary ?? ''}</p>
      </section>
    </article>
  )
}
