/**
 * The ceiling: a bare Node http server in its own process that answers every request with the same bytes
 * and headers as a feed page. Input: one JSON argument { bodyFile, headers }. Prints its port.
 */
import fs from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

const { bodyFile, headers } = JSON.parse(process.argv[2] ?? '{}') as {
  bodyFile: string
  headers: Record<string, string>
}
const body = fs.readFileSync(bodyFile)
const server = createServer((_req, res) => {
  res.writeHead(200, headers)
  res.end(body)
})
server.keepAliveTimeout = 60_000
server.listen(0, '127.0.0.1', () => process.stdout.write(`${(server.address() as AddressInfo).port}\n`))
process.on('disconnect', () => process.exit(0))
