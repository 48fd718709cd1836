import { type NextRequest, NextResponse } from 'next/server'

import { decideDocumentLocale, DOC_LOCALE_COOKIE, documentKey } from './admin/documentLocale'
import { CONTENT_LOCALES, DEFAULT_CONTENT_LOCALE } from './locales'

const LOCALES = CONTENT_LOCALES.map((locale) => locale.code)

/** Opens admin documents in the default locale unless the editor chose another for that document. */
export const proxy = (request: NextRequest) => {
  const key = documentKey(request.nextUrl.pathname)
  if (!key) return NextResponse.next()
  const decision = decideDocumentLocale({
    key,
    requested: request.nextUrl.searchParams.get('locale'),
    cookie: request.cookies.get(DOC_LOCALE_COOKIE)?.value,
    locales: LOCALES,
    defaultLocale: DEFAULT_CONTENT_LOCALE,
  })
  if (decision.action === 'redirect') {
    const url = request.nextUrl.clone()
    url.searchParams.set('locale', decision.locale)
    return NextResponse.redirect(url)
  }
  const response = NextResponse.next()
  if (decision.action === 'remember') {
    response.cookies.set(DOC_LOCALE_COOKIE, decision.cookie, {
      path: '/admin',
      sameSite: 'lax',
      httpOnly: true,
      maxAge: 60 * 60 * 24 * 90,
    })
  }
  return response
}

export const config = { matcher: ['/admin/collections/:collection/:id'] }
