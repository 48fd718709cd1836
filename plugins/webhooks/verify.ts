/**
 * For Node receivers (a Next.js route handler, Express, a worker): checks `X-Hub-Signature` on the raw
 * body. Depends on `node:crypto` only, so the file can be copied into a storefront's repository as is
 * together with core/signature.ts.
 */
export {
  DEFAULT_TOLERANCE_SECONDS,
  parseSignatureHeader,
  SIGNATURE_HEADER,
  verifySignature,
  type VerifyResult,
} from './core/signature'
export type { WebhookEventBody } from './types'
