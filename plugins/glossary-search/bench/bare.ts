/**
 * The ceiling: a bare Node http server in its own process answering each search URL with the exact bytes
 * and headers the hub sent for it. Input: one JSON argument, a file of { [path]: { headers, body } }. Prints its port.
 */
import fs from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

const file = process.argv[2] ?? ''
const pages = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<
  string,
  { headers: Record<string, string>; body: string }
>
const answers = new Map(
  Object.entries(pages).map(([path, page]) => [
    path,
    { headers: page.headers, body: Buffer.from(page.body, 'base64') },
  ]),
)
const server = createServer((req, res) => {
  const answer = answers.get(req.url ?? '')
  if (!answer) {
    res.writeHead(404).end()
    return
  }
  res.writeHead(200, answer.headers)
  res.end(answer.body)
})
server.keepAliveTimeout = 60_000
server.listen(0, '127.0.0.1', () => process.stdout.write(`${(server.address() as AddressInfo).port}\n`))
process.on('disconnect', () => process.exit(0))
