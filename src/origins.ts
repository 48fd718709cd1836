/**
 * The browser origins the hub trusts: its own admin and the configured storefronts.
 * CORS lets only these read the API from a browser; CSRF accepts cookie logins only from these.
 */
export const trustedOrigins = (env: NodeJS.ProcessEnv = process.env): string[] => {
  const listed = [env.PUBLIC_SERVER_URL, env.STOREFRONT_URL, ...(env.CORS_ORIGINS ?? '').split(',')]
  const origins = listed
    .map((value) => value?.trim())
    .filter((value): value is string => Boolean(value))
    .map((value) => {
      try {
        return new URL(value).origin
      } catch {
        throw new Error(
          `"${value}" in PUBLIC_SERVER_URL / STOREFRONT_URL / CORS_ORIGINS is not a URL; use e.g. https://shop.example.com`,
        )
      }
    })
  return [...new Set(origins)]
}
