// Adds lockfile entries for next's optional SWC binaries of other platforms that this machine's registry
// mirror does not carry, so `npm ci` accepts the lock; npm skips them on Linux without fetching.
const fs = require('fs')
const file = process.argv[2] ?? 'package-lock.json'
const lock = JSON.parse(fs.readFileSync(file, 'utf8'))
const next = lock.packages['node_modules/next']
const platforms = {
  '@next/swc-darwin-arm64': { os: ['darwin'], cpu: ['arm64'] },
  '@next/swc-darwin-x64': { os: ['darwin'], cpu: ['x64'] },
  '@next/swc-win32-arm64-msvc': { os: ['win32'], cpu: ['arm64'] },
  '@next/swc-win32-x64-msvc': { os: ['win32'], cpu: ['x64'] },
}
for (const [name, platform] of Object.entries(platforms)) {
  const key = `node_modules/${name}`
  if (lock.packages[key]) continue
  lock.packages[key] = {
    version: next.version,
    cpu: platform.cpu,
    license: 'MIT',
    optional: true,
    os: platform.os,
    engines: { node: '>= 10' },
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
)
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n')
