'use client'
import { Button, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

type Line = { done?: number; total?: number; label?: string; counts?: Record<string, { created: number }>; error?: string }

const TEXT = {
  ja: {
    intro: 'まだコンテンツがありません。サンプルの用語集・ケーススタディ・プレイブックを取り込めます。',
    button: 'サンプルコンテンツを取り込む',
    running: '取り込み中',
    done: '取り込みが完了しました',
  },
  en: {
    intro: 'The hub is empty. Import the sample glossary, case studies and playbook to try it out.',
    button: 'Import the sample content',
    running: 'Importing',
    done: 'Sample content imported',
  },
} as const

export const SampleContentButton = ({ apiRoute }: { apiRoute: string }) => {
  const { i18n } = useTranslation()
  const text = TEXT[i18n.language === 'ja' ? 'ja' : 'en']
  const router = useRouter()
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
      }
    }
    router.refresh()
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
      {state === 'done' && <p data-testid="sample-import-done">{text.done}: {progress?.total} ✓</p>}
      {state === 'failed' && <p role="alert">{progress?.error}</p>}
    </section>
  )
}
