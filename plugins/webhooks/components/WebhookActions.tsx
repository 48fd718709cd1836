'use client'

import { Button, useConfig, useDocumentInfo } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

type Answer = {
  secret?: string
  status?: string
  statusCode?: number | null
  error?: string | null
  errors?: { message: string }[]
}

/**
 * Beside a webhook: its secret, shown once (right after create, or after a rotation), and "send test".
 * The secret is never part of the document the admin loads; it comes from the one-shot endpoints.
 */
export const WebhookActions: React.FC = () => {
  const { config } = useConfig()
  const { id } = useDocumentInfo()
  const [secret, setSecret] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const base = `${config.serverURL ?? ''}${config.routes.api}/webhooks/${id}`

  const call = useCallback(
    async (action: 'reveal-secret' | 'rotate-secret' | 'test'): Promise<Answer> => {
      const response = await fetch(`${base}/${action}`, { method: 'POST', credentials: 'include' })
      return (await response.json().catch(() => ({}))) as Answer
    },
    [base],
  )

  // A webhook just created has an unseen secret: show it now, the only time it can be shown.
  useEffect(() => {
    if (!id) return
    void call('reveal-secret').then((answer) => answer.secret && setSecret(answer.secret))
  }, [id, call])

  if (!id) return <p style={{ opacity: 0.7 }}>The secret is generated when you save (or set your own over the API).</p>

  const run = (action: 'rotate-secret' | 'test') => async () => {
    setBusy(true)
    setMessage(null)
    try {
      const answer = await call(action)
      if (action === 'rotate-secret' && answer.secret) setSecret(answer.secret)
      else if (answer.errors) setMessage(answer.errors.map((e) => e.message).join('; '))
      else if (action === 'test') {
        setMessage(
          `Test ${answer.status}${answer.statusCode ? ` (HTTP ${answer.statusCode})` : ''}${answer.error ? `: ${answer.error}` : ''}`,
        )
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <div data-testid="webhook-actions" style={{ display: 'grid', gap: 8, marginBottom: 24 }}>
      {secret ? (
        <div>
          <strong>Signing secret — copy it now, it is not shown again</strong>
          <code data-testid="webhook-secret" style={{ display: 'block', wordBreak: 'break-all', padding: 8 }}>
            {secret}
          </code>
        </div>
      ) : (
        <p style={{ margin: 0, opacity: 0.7 }}>The signing secret is hidden. Rotate it to get a new one.</p>
      )}
      <Button buttonStyle="secondary" size="small" disabled={busy} onClick={run('rotate-secret')}>
        Rotate secret
      </Button>
      <Button buttonStyle="secondary" size="small" disabled={busy} onClick={run('test')}>
        Send test event
      </Button>
      {message ? <p data-testid="webhook-message">{message}</p> : null}
    </div>
  )
}
