import { describe, expect, it } from 'vitest'

import { checkTargetUrl, isForbiddenAddress, type Resolve } from './address'

const dns =
  (table: Record<string, string[]>): Resolve =>
  async (host) => {
    const addresses = table[host]
    if (!addresses) throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' })
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
  }

const rules = (table: Record<string, string[]> = {}, allowPrivate = false) => ({
  allowPrivate,
  hubOrigins: ['https://hub.lantern.example'],
  resolve: dns(table),
})

describe('webhook target addresses', () => {
  it('refuses loopback, private, link-local, metadata, CGNAT and reserved IPv4', () => {
    for (const address of [
      '127.0.0.1',
      '127.9.9.9',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.100.100.200',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
    ]) {
      expect(isForbiddenAddress(address), address).toBe(true)
    }
  })

  it('refuses the IPv6 forms: loopback, unique local, link-local, IPv4-mapped, NAT64 and 6to4', () => {
    for (const address of [
      '::1',
      '::',
      'fd00:ec2::254',
      'fc12::1',
      'fe80::1%eth0',
      '::ffff:127.0.0.1',
      '::ffff:a9fe:a9fe',
      '64:ff9b::a9fe:a9fe',
      '2002:7f00:1::1',
      '[::1]',
    ]) {
      expect(isForbiddenAddress(address), address).toBe(true)
    }
  })

  it('lets public addresses through, including look-alikes of private ranges', () => {
    for (const address of [
      '8.8.8.8',
      '172.32.0.1',
      '172.15.255.255',
      '192.169.0.1',
      '11.0.0.1',
      '100.128.0.1',
      '2606:4700::1111',
      '::ffff:8.8.8.8',
    ]) {
      expect(isForbiddenAddress(address), address).toBe(false)
    }
  })

  it('refuses literal and encoded private hosts at save time, with a message naming the fix', async () => {
    for (const url of [
      'http://169.254.169.254/latest/meta-data',
      'http://127.0.0.1:8080/',
      'http://2130706433/',
      'http://0x7f000001/',
      'http://[::ffff:127.0.0.1]/',
      'http://localhost/',
      'http://shop.localhost/',
      'http://metadata.google.internal/',
    ]) {
      const check = await checkTargetUrl(url, rules())
      expect(check.ok, url).toBe(false)
      if (!check.ok) expect(check.message).toContain('HUB_WEBHOOKS_ALLOW_PRIVATE')
    }
  })

  it('resolves names and refuses one with any private address (v4 or v6)', async () => {
    const table = {
      'rebind.lantern.example': ['93.184.215.14', '10.0.0.5'],
      'six.lantern.example': ['::1'],
      'shop.lantern.example': ['93.184.215.14', '2606:2800::1'],
    }
    expect((await checkTargetUrl('https://rebind.lantern.example/hook', rules(table))).ok).toBe(false)
    expect((await checkTargetUrl('https://six.lantern.example/hook', rules(table))).ok).toBe(false)
    expect((await checkTargetUrl('https://shop.lantern.example/hook', rules(table))).ok).toBe(true)
    // Not resolvable now: accepted, the send-time check runs on the address actually used.
    expect((await checkTargetUrl('https://not-yet.lantern.example/hook', rules(table))).ok).toBe(true)
  })

  it('refuses other schemes, credentials and the hub itself even when private targets are allowed', async () => {
    for (const url of [
      'ftp://shop.lantern.example/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'shop.lantern.example/hook',
      '',
      'https://user:pw@shop.lantern.example/',
      'https://hub.lantern.example/api/x',
    ]) {
      expect((await checkTargetUrl(url, rules({}, true))).ok, url).toBe(false)
    }
    expect((await checkTargetUrl(42, rules())).ok).toBe(false)
    expect((await checkTargetUrl('http://127.0.0.1:4000/hook', rules({}, true))).ok).toBe(true)
  })
})
