import type { TextFieldSingleValidation } from 'payload'
import { text } from 'payload/shared'

/**
 * Required in the default locale only: a translation may be partial (the feed falls back per field),
 * but the original must be complete. Other checks are Payload's own text validation.
 */
export const requiredInDefaultLocale: TextFieldSingleValidation = (value, options) => {
  const defaultLocale = options.req.payload.config.localization
    ? options.req.payload.config.localization.defaultLocale
    : undefined
  const inDefaultLocale = !defaultLocale || !options.req.locale || options.req.locale === defaultLocale
  if (inDefaultLocale && (typeof value !== 'string' || value.trim() === '')) {
    return options.req.t('validation:required')
  }
  return text(value, { ...options, required: false })
}
