'use client'

import { useConfig, useLocale } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

type TermRef = { id: string; slug: string; term: string }
type Health = {
  stats: { terms: number; edges: number; byType: Record<string, number> }
  orphans: TermRef[]
  mentionsNothing: TermRef[]
}

const TermList: React.FC<{ terms: TermRef[]; base: string; testId: string }> = ({ terms, base, testId }) =>
  terms.length === 0 ? (
    <p>なし / None.</p>
  ) : (
    <ul style={{ columns: '14rem', margin: 0, paddingLeft: 18 }}>
      {terms.map((term) => (
        <li key={term.id} data-testid={testId} data-slug={term.slug}>
          <a href={`${base}/${term.id}`}>{term.term}</a>
        </li>
      ))}
    </ul>
  )

/** Settings the plugin passes through `clientProps`. */
export type GraphHealthProps = {
  /** Slug of the glossary-terms collection (the plugin's `termsCollection`), for links to its terms. */
  termsCollection: string
}

/** Above the terms list: orphan terms and terms whose text mentions no other term. */
export const GraphHealth: React.FC<GraphHealthProps> = ({ termsCollection }) => {
  const { config } = useConfig()
  const locale = useLocale()
  const [health, setHealth] = useState<Health | null>(null)
  const [error, setError] = useState<string | null>(null)
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const base = `${config.routes.admin}/collections/${termsCollection}`

  useEffect(() => {
    const controller = new AbortController()
    fetch(`${api}/term-graph/health?locale=${encodeURIComponent(locale.code)}`, {
      credentials: 'include',
      signal: controller.signal,
    })
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`)
        setHealth((await response.json()) as Health)
      })
      .catch((reason: unknown) => {
        if (!controller.signal.aborted) setError(reason instanceof Error ? reason.message : String(reason))
      })
    return () => controller.abort()
  }, [api, locale.code])

  return (
    <details
      data-testid="term-graph-health"
      style={{ margin: '0 0 16px', padding: '8px 12px', border: '1px solid var(--theme-elevation-150, #ddd)' }}
    >
      <summary style={{ cursor: 'pointer' }}>
        グラフの健全性 / Graph health
        {health && (
          <span data-testid="term-graph-health-summary">
            {' '}
            — {health.stats.terms} terms, {health.stats.edges} edges · 孤立 / orphans: {health.orphans.length} ·
            言及なし / mentions nothing: {health.mentionsNothing.length}
          </span>
        )}
      </summary>
      {error && <p role="alert">{error}</p>}
      {health && (
        <div style={{ display: 'grid', gap: 12, marginTop: 8 }}>
          <section data-testid="term-graph-orphans">
            <h4>孤立した用語 / Orphan terms (no edges)</h4>
            <TermList terms={health.orphans} base={base} testId="term-graph-orphan" />
          </section>
          <section data-testid="term-graph-mentions-nothing">
            <h4>他の用語に言及しない用語 / Terms whose text mentions no other term</h4>
            <TermList terms={health.mentionsNothing} base={base} testId="term-graph-mentions-nothing-term" />
          </section>
        </div>
      )}
    </details>
  )
}
