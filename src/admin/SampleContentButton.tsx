'use client'
import { Button, useTranslation } from '@payloadcms/ui'
import { useState } from 'react'

type Line = {
  done?: number
  total?: number
  label?: string
  counts?: Record<string, { created: number }>
  error?: string
}

const TEXT = {
  ja: {
    intro: 'まだコンテンツがありません。サンプルの用語集・ケーススタディ・プレイブックを取り込めます。',
    button: 'サンプルコンテンツを取り込む',
    running: '取り込み中',
    done: '取り込みが完了しました',
    open: '用語を開く',
    interrupted: '取り込みが途中で止まりました。もう一度実行すると続きから取り込みます。',
  },
  en: {
    intro: 'The hub is empty. Import the sample glossary, case studies and playbook to try it out.',
    button: 'Import the sample content',
    running: 'Importing',
    done: 'Sample content imported',
    open: 'Open the glossary terms',
    interrupted: 'The import stopped before it finished; run it again to continue where it stopped.',
  },
} as const

export const SampleContentButton = ({ apiRoute, termsHref }: { apiRoute: string; termsHref: string }) => {
  const { i18n } = useTranslation()
  const text = TEXT[i18n.language === 'ja' ? 'ja' : 'en']
  const [progress, setProgress] = useState<Line | undefined>()
  const [state, setState] = useState<'idle' | 'running' | 'done' | 'failed'>('idle')

  const run = async () => {
    setState('running')
    const response = await fetch(`${apiRoute}/hub/import-sample`, { method: 'POST', credentials: 'include' })
    if (!response.ok || !response.body) {
      const body = (await response.json().catch(() => ({}))) as { errors?: { message: string }[] }
      setProgress({ error: body.errors?.[0]?.message ?? `HTTP ${response.status}` })
      setState('failed')
      return
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
    let buffered = ''
    let ended = false
    for (;;) {
      const { value, done } = await reader.read()
      if (done) break
      buffered += value
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines.filter(Boolean)) {
        const parsed = JSON.parse(line) as Line
        setProgress((previous) => ({ ...previous, ...parsed }))
        if (parsed.error) setState('failed')
        if (parsed.counts) setState('done')
        if (parsed.error || parsed.counts) ended = true
      }
    }
    // A stream cut off before its last line (the server stopped): say so instead of "importing" forever.
    if (!ended) {
      setProgress((previous) => ({ ...previous, error: text.interrupted }))
      setState('failed')
    }
    // No router.refresh(): the refreshed dashboard no longer offers the import (the hub is not empty),
    // which would unmount this box and take the "imported" message with it before anyone reads it.
  }

  return (
    <section className="hub-sample-import" data-testid="sample-import">
      <p>{text.intro}</p>
      {state === 'idle' && <Button onClick={() => void run()}>{text.button}</Button>}
      {state === 'running' && (
        <div data-testid="sample-import-progress">
          <progress max={progress?.total ?? 1} value={progress?.done ?? 0} />
          <p>
            {text.running} {progress?.done ?? 0} / {progress?.total ?? '…'} {progress?.label ?? ''}
          </p>
        </div>
      )}
      {state === 'done' && (
        <p data-testid="sample-import-done">
          {text.done}: {progress?.total} ✓ <a href={termsHref}>{text.open}</a>
        </p>
      )}
      {state === 'failed' && <p role="alert">{progress?.error}</p>}
    </section>
  )
}
