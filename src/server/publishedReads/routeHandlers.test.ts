import { describe, expect, it } from 'vitest'

import { config as proxyConfig } from '../../proxy'
import { PUBLISHED_READ_ROUTES } from './routes'
import { slugOf } from './routeHandlers'

describe("calling Payload's route handlers without Next's router", () => {
  it('passes the catch-all route the decoded segments Next would', () => {
    expect(slugOf('/api/glossary-terms', '/api')).toEqual(['glossary-terms'])
    expect(slugOf('/api/glossary-terms/caf%C3%A9%20cr%C3%A8me/', '/api')).toEqual(['glossary-terms', 'café crème'])
    expect(slugOf('/api/tags/100%', '/api')).toEqual(['tags', '100%'])
  })

  it('skips nothing of Next but its router: the proxy matches admin pages only, never the API', () => {
    for (const matcher of proxyConfig.matcher) {
      expect(matcher).toMatch(/^\/admin\//)
      expect(matcher.startsWith(PUBLISHED_READ_ROUTES.api)).toBe(false)
    }
  })
})
