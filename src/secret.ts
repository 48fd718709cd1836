export const DEVELOPMENT_SECRET = 'commerce-content-hub-development-secret-do-not-use-in-production'

export class SecretConfigError extends Error {
  override name = 'SecretConfigError'
}

/** The signing secret: a development default is fine locally, never in production. */
export const payloadSecret = (env: NodeJS.ProcessEnv = process.env): string => {
  const secret = env.PAYLOAD_SECRET?.trim()
  const production = env.NODE_ENV === 'production' && env.NEXT_PHASE !== 'phase-production-build'
  if (production && (!secret || secret === DEVELOPMENT_SECRET)) {
    throw new SecretConfigError(
      'PAYLOAD_SECRET is missing or is the development default; set a long random value (e.g. `openssl rand -hex 32`) before starting in production',
    )
  }
  if (production && secret && secret.length < 32) {
    throw new SecretConfigError('PAYLOAD_SECRET is shorter than 32 characters; use a long random value in production')
  }
  return secret || DEVELOPMENT_SECRET
}
