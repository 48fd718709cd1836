'use client'

import { useConfig, useDocumentInfo, useField, useLocale } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useCallback, useEffect, useMemo, useState } from 'react'

import { EDGE_COLOURS, radialLayout, type LayoutEdge, type LayoutNode } from './layout'

type Graph = { root: string; nodes: (LayoutNode & { glossary: string | null })[]; edges: LayoutEdge[] }
type Suggestion = LayoutNode & { direction: 'mentions' | 'mentioned-by' | 'both'; evidence: string[] }
type Suggestions = { related: string[]; status: 'draft' | 'published' | null; suggestions: Suggestion[] }

const SIZE = 520
const DIRECTION_LABEL: Record<Suggestion['direction'], string> = {
  mentions: 'この用語が言及 / mentioned here',
  'mentioned-by': 'この用語に言及 / mentions this term',
  both: '相互に言及 / mention each other',
}

const errorText = async (response: Response) => {
  try {
    const body = (await response.json()) as { errors?: { message?: string }[] }
    return body.errors?.map((e) => e.message).join(' ') || `HTTP ${response.status}`
  } catch {
    return `HTTP ${response.status}`
  }
}

/** Settings the plugin passes through `clientProps`. */
export type GraphFieldProps = {
  /** Slug of the glossary-terms collection (the plugin's `termsCollection`). */
  termsCollection: string
  /** The terms' field of editor-set related terms, which "add" extends. */
  relatedField: string
}

/** The Graph field on a glossary term: its neighbourhood, and suggested links to add. */
export const GraphField: React.FC<GraphFieldProps> = ({ termsCollection, relatedField }) => {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const locale = useLocale()
  const router = useRouter()
  const { value: formRelated, setValue: setFormRelated } = useField<string[] | null>({ path: relatedField })
  const [depth, setDepth] = useState(1)
  const [graph, setGraph] = useState<Graph | null>(null)
  const [suggestions, setSuggestions] = useState<Suggestions | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [adding, setAdding] = useState<string | null>(null)
  const [refresh, setRefresh] = useState(0)

  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const adminBase = `${config.routes.admin}/collections/${termsCollection}`

  useEffect(() => {
    if (!id) return
    const controller = new AbortController()
    const query = `root=${encodeURIComponent(String(id))}&locale=${encodeURIComponent(locale.code)}`
    const load = async () => {
      const [graphResponse, suggestionResponse] = await Promise.all([
        fetch(`${api}/term-graph?${query}&depth=${depth}&limit=60`, {
          credentials: 'include',
          signal: controller.signal,
        }),
        fetch(`${api}/term-graph/suggestions?${query}`, { credentials: 'include', signal: controller.signal }),
      ])
      if (!graphResponse.ok) throw new Error(await errorText(graphResponse))
      setGraph((await graphResponse.json()) as Graph)
      setSuggestions(suggestionResponse.ok ? ((await suggestionResponse.json()) as Suggestions) : null)
      setError(null)
    }
    load().catch((reason: unknown) => {
      if (!controller.signal.aborted) setError(reason instanceof Error ? reason.message : String(reason))
    })
    return () => controller.abort()
  }, [api, id, depth, locale.code, refresh])

  const placed = useMemo(
    () =>
      graph
        ? radialLayout(graph.root, graph.nodes, graph.edges, {
            cx: SIZE / 2,
            cy: SIZE / 2,
            ring: depth === 1 ? 180 : 115,
          })
        : [],
    [graph, depth],
  )
  const position = useMemo(() => new Map(placed.map((node) => [node.slug, node])), [placed])

  const addRelated = useCallback(
    async (suggestion: Suggestion) => {
      if (!id || !suggestions) return
      setAdding(suggestion.id)
      try {
        const related = [...new Set([...suggestions.related, suggestion.id])]
        // A term with unpublished changes gets the link as a draft too; a published one is updated in place.
        const draft = suggestions.status === 'draft' ? '&draft=true' : ''
        const response = await fetch(`${api}/${termsCollection}/${id}?depth=0${draft}`, {
          method: 'PATCH',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ [relatedField]: related }),
        })
        if (!response.ok) throw new Error(await errorText(response))
        // Keep the open form in step without marking it as edited.
        setFormRelated([...new Set([...(formRelated ?? []), suggestion.id])], true)
        setRefresh((n) => n + 1)
      } catch (reason) {
        setError(reason instanceof Error ? reason.message : String(reason))
      } finally {
        setAdding(null)
      }
    },
    [api, termsCollection, relatedField, formRelated, id, setFormRelated, suggestions],
  )

  if (!id) {
    return <div className="field-type">保存すると用語グラフが表示されます / Save the term to see its graph.</div>
  }

  return (
    <section data-testid="term-graph" className="field-type" style={{ marginTop: 24 }}>
      <header style={{ display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap' }}>
        <h3 style={{ margin: 0 }}>用語グラフ / Term graph</h3>
        <label>
          深さ / Depth{' '}
          <select
            data-testid="term-graph-depth"
            value={depth}
            onChange={(event) => setDepth(Number(event.target.value))}
          >
            <option value={1}>1</option>
            <option value={2}>2</option>
          </select>
        </label>
        <span style={{ display: 'flex', gap: 10, flexWrap: 'wrap', fontSize: 12 }}>
          {Object.entries(EDGE_COLOURS).map(([type, colour]) => (
            <span key={type} data-testid="term-graph-legend">
              <span
                style={{
                  display: 'inline-block',
                  width: 14,
                  height: 3,
                  background: colour,
                  verticalAlign: 'middle',
                  marginRight: 4,
                }}
              />
              {type}
            </span>
          ))}
        </span>
      </header>

      {error && (
        <p role="alert" data-testid="term-graph-error" style={{ color: 'var(--theme-error-500, #b91c1c)' }}>
          {error}
        </p>
      )}

      {graph && (
        <svg
          data-testid="term-graph-canvas"
          viewBox={`0 0 ${SIZE} ${SIZE}`}
          width="100%"
          style={{ maxWidth: SIZE, display: 'block', margin: '12px 0' }}
          role="img"
          aria-label={`Term graph of ${graph.root}`}
        >
          {graph.edges.map((edge) => {
            const a = position.get(edge.source)
            const b = position.get(edge.target)
            if (!a || !b) return null
            return (
              <line
                key={`${edge.type}|${edge.source}|${edge.target}`}
                data-testid="term-graph-edge"
                data-type={edge.type}
                x1={a.x}
                y1={a.y}
                x2={b.x}
                y2={b.y}
                stroke={EDGE_COLOURS[edge.type] ?? '#999'}
                strokeWidth={1 + edge.weight * 2}
                strokeOpacity={0.75}
              >
                <title>{`${edge.type} (${edge.weight})${edge.evidence ? `: ${edge.evidence}` : ''}`}</title>
              </line>
            )
          })}
          {placed.map((node) => {
            const href = `${adminBase}/${node.id}`
            const isRoot = node.slug === graph.root
            return (
              <a
                key={node.slug}
                href={href}
                data-testid="term-graph-node"
                data-slug={node.slug}
                data-id={node.id}
                onClick={(event) => {
                  event.preventDefault()
                  if (!isRoot) router.push(href)
                }}
                style={{ cursor: isRoot ? 'default' : 'pointer' }}
              >
                <circle
                  cx={node.x}
                  cy={node.y}
                  r={isRoot ? 12 : 8}
                  fill={isRoot ? 'var(--theme-success-500, #16a34a)' : 'var(--theme-elevation-500, #6b7280)'}
                />
                <text x={node.x} y={node.y - (isRoot ? 16 : 12)} textAnchor="middle" fontSize={12} fill="currentColor">
                  {node.term}
                </text>
              </a>
            )
          })}
        </svg>
      )}

      <div data-testid="term-graph-suggestions">
        <h4 style={{ marginBottom: 8 }}>リンクの提案 / Suggested links</h4>
        {suggestions && suggestions.suggestions.length === 0 && <p>提案はありません / No suggestions.</p>}
        <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {suggestions?.suggestions.map((suggestion) => (
            <li
              key={suggestion.id}
              data-testid="term-graph-suggestion"
              data-slug={suggestion.slug}
              data-id={suggestion.id}
              style={{
                display: 'flex',
                gap: 12,
                alignItems: 'baseline',
                padding: '6px 0',
                borderBottom: '1px solid var(--theme-elevation-100, #eee)',
              }}
            >
              <button
                type="button"
                data-testid="term-graph-add-suggestion"
                disabled={adding !== null}
                onClick={() => void addRelated(suggestion)}
              >
                {adding === suggestion.id ? '…' : '関連に追加 / Add'}
              </button>
              <strong>{suggestion.term}</strong>
              <small>{DIRECTION_LABEL[suggestion.direction]}</small>
              {suggestion.evidence[0] && <small style={{ opacity: 0.7 }}>「{suggestion.evidence[0]}」</small>}
            </li>
          ))}
        </ul>
      </div>
    </section>
  )
}
