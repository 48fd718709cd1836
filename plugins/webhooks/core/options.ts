import type { Access } from 'payload'

import { DEFAULT_URL_TEMPLATES } from '../../storefront-feed/core/options'
import { SUBJECT_TYPES, type SanitizedWebhooksOptions, type SubjectType, type WebhooksPluginConfig } from '../types'

const fail = (message: string): never => {
  throw new Error(`webhooksPlugin: ${message}`)
}

const integer = (value: number, name: string, min: number): number => {
  if (!Number.isInteger(value) || value < min) fail(`${name} must be an integer ≥ ${min} (got ${value})`)
  return value
}

const isHttpUrl = (value: unknown): value is string => {
  try {
    return typeof value === 'string' && /^https?:$/.test(new URL(value).protocol)
  } catch {
    return false
  }
}

const hasRole = (user: unknown, role: string): boolean => {
  const roles = (user as { roles?: unknown } | null | undefined)?.roles
  return Array.isArray(roles) && roles.includes(role)
}

const admins: Access = ({ req }) => hasRole(req.user, 'admin')
const signedIn: Access = ({ req }) => Boolean(req.user)

export const DEFAULT_COLLECTIONS: Record<SubjectType, string> = {
  'glossary-term': 'glossary-terms',
  'case-study': 'case-studies',
  playbook: 'playbooks',
  glossary: 'glossaries',
  tag: 'tags',
}

/** Fills every default once and rejects options that could not work, naming the fix. */
export const sanitizeOptions = (
  options: WebhooksPluginConfig,
  env: NodeJS.ProcessEnv = process.env,
): SanitizedWebhooksOptions => {
  if (!isHttpUrl(options?.storefront?.baseUrl)) {
    fail('storefront.baseUrl must be an absolute http(s) URL such as "https://shop.example.com"')
  }
  const collections = { ...DEFAULT_COLLECTIONS, ...options.collections }
  for (const key of Object.keys(collections)) {
    if (!SUBJECT_TYPES.includes(key as SubjectType)) fail(`collections holds "${key}"; use ${SUBJECT_TYPES.join(', ')}`)
  }
  const retry = {
    maxAttempts: integer(options.retry?.maxAttempts ?? 10, 'retry.maxAttempts', 1),
    baseDelayMs: integer(options.retry?.baseDelayMs ?? 10_000, 'retry.baseDelayMs', 1),
    maxDelayMs: integer(options.retry?.maxDelayMs ?? 3_600_000, 'retry.maxDelayMs', 1),
  }
  if (retry.baseDelayMs > retry.maxDelayMs)
    fail(`retry.baseDelayMs (${retry.baseDelayMs}) exceeds retry.maxDelayMs (${retry.maxDelayMs})`)
  const retentionDays = options.retentionDays ?? 30
  if (!(retentionDays > 0)) fail(`retentionDays must be a positive number of days (got ${retentionDays})`)
  const locales = options.locales ?? ['ja', 'en']
  if (locales.length === 0) fail('locales is empty; list the locales documents are read in')
  return {
    disabled: options.disabled ?? false,
    baseUrl: options.storefront.baseUrl.replace(/\/+$/, ''),
    urls: { ...DEFAULT_URL_TEMPLATES, ...options.storefront.urls },
    collections,
    locales: [...new Set(locales)],
    allowPrivateTargets: options.allowPrivateTargets ?? env.HUB_WEBHOOKS_ALLOW_PRIVATE === '1',
    retry,
    timeoutMs: integer(options.timeoutMs ?? 5000, 'timeoutMs', 1),
    worker: {
      pollIntervalMs: integer(options.worker?.pollIntervalMs ?? 1000, 'worker.pollIntervalMs', 10),
      concurrency: integer(options.worker?.concurrency ?? 8, 'worker.concurrency', 1),
    },
    retentionMs: retentionDays * 24 * 3600 * 1000,
    access: { manage: options.access?.manage ?? admins, readDeliveries: options.access?.readDeliveries ?? signedIn },
    slugs: {
      webhooks: options.slugs?.webhooks ?? 'webhooks',
      deliveries: options.slugs?.deliveries ?? 'webhook-deliveries',
    },
  }
}
