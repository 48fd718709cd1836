import os from 'node:os'

import { trustedOrigins } from './origins'

/**
 * Hosts `next dev` serves its dev resources (HMR, chunks) to. Next allows only `localhost` by default, so
 * the admin opened at http://127.0.0.1:3000 or at the machine's LAN address showed a blank page. Allowed:
 * loopback, this machine's own addresses, and the hosts the hub is configured for (PUBLIC_SERVER_URL,
 * STOREFRONT_URL, CORS_ORIGINS), plus any listed in DEV_ORIGINS (comma-separated hosts or `*.domain`).
 */
export const allowedDevOrigins = (
  env: Record<string, string | undefined> = process.env,
  interfaces: ReturnType<typeof os.networkInterfaces> = os.networkInterfaces(),
): string[] => {
  const machine = Object.values(interfaces)
    .flat()
    .filter((address): address is os.NetworkInterfaceInfo => Boolean(address))
    .map((address) => address.address)
  const configured = trustedOrigins(env as NodeJS.ProcessEnv).map((origin) => new URL(origin).hostname)
  const extra = (env.DEV_ORIGINS ?? '')
    .split(',')
    .map((host) => host.trim())
    .filter(Boolean)
  return [...new Set(['localhost', '127.0.0.1', '::1', ...machine, ...configured, ...extra])]
}
