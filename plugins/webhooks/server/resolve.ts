import { lookup } from 'node:dns/promises'

import type { Resolve } from '../core/address'

/** Every address a name resolves to, as the connection would see it (A and AAAA, via the system resolver). */
export const systemResolve: Resolve = (hostname) => lookup(hostname, { all: true, verbatim: true })
