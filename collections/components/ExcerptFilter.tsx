'use client'
import { useTranslation } from '@payloadcms/ui'
import Link from 'next/link'
import { usePathname, useSearchParams } from 'next/navigation'

const EXCERPT_PARAM = 'where[excerpt][equals]'

/** Above the terms list: show every term, or only excerpts whose text still needs finishing. */
export const ExcerptFilter = () => {
  const pathname = usePathname()
  const params = useSearchParams()
  const { i18n } = useTranslation()
  const ja = i18n.language === 'ja'
  const active = params.get(EXCERPT_PARAM) === 'true'
  const hrefWith = (excerptOnly: boolean) => {
    const next = new URLSearchParams(params.toString())
    next.delete(EXCERPT_PARAM)
    next.delete('page')
    if (excerptOnly) next.set(EXCERPT_PARAM, 'true')
    const query = next.toString()
    return query ? `${pathname}?${query}` : pathname
  }
  return (
    <nav
      className="hub-excerpt-filter"
      aria-label={ja ? '抜粋で絞り込み' : 'Filter by excerpt'}
      data-testid="excerpt-filter"
    >
      <Link href={hrefWith(false)} aria-current={!active ? 'true' : undefined} className={!active ? 'is-active' : ''}>
        {ja ? 'すべて' : 'All terms'}
      </Link>
      <Link href={hrefWith(true)} aria-current={active ? 'true' : undefined} className={active ? 'is-active' : ''}>
        <span className="hub-excerpt-badge">{ja ? '抜粋' : 'Excerpt'}</span>{' '}
        {ja ? 'のみ（本文を書き足す）' : 'only (text to finish)'}
      </Link>
    </nav>
  )
}
