/**
 * The outbound address guard: which addresses a request to a URL that a user gave us (a
 * university's webhook now; later any plugin that fetches a user's URL) may reach.
 *
 * Loopback, private (10/8, 172.16/12, 192.168/16), carrier-grade NAT (100.64/10), link-local
 * (169.254/16 — the cloud metadata address 169.254.169.254 among them), unspecified, multicast
 * and reserved addresses are refused, and their IPv6 counterparts (::1, ::, fc00::/7, fe80::/10,
 * ff00::/8, …) and IPv4 addresses inside IPv6 ones (::ffff:127.0.0.1, NAT64, 6to4) too — unless
 * an administrator allows their network (WEBHOOK_ALLOWED_NETWORKS: a registry on a campus network).
 *
 * The check is on addresses, after DNS, on every connection: `connectOptions(url)` refuses a
 * literal address at once and gives node:http/https/net a `lookup` that resolves the name once,
 * drops every refused address and hands the socket only the checked ones. So a name that resolves
 * differently between a check and the connection (DNS rebinding) gains nothing. Redirects are the
 * caller's business: a redirect target is a new URL and must go through `connectOptions` again
 * (the webhook sender does not follow redirects at all).
 */
import dns from 'node:dns'
import { BlockList, isIP, type LookupFunction } from 'node:net'

/** Networks no outbound request may reach unless allowed: [address, prefix length]. */
const FORBIDDEN: Record<'ipv4' | 'ipv6', Array<[string, number]>> = {
  ipv4: [
    ['0.0.0.0', 8], // "this network", the unspecified address
    ['10.0.0.0', 8], // private
    ['100.64.0.0', 10], // carrier-grade NAT
    ['127.0.0.0', 8], // loopback
    ['169.254.0.0', 16], // link-local, cloud metadata
    ['172.16.0.0', 12], // private
    ['192.0.0.0', 24], // IETF protocol assignments
    ['192.168.0.0', 16], // private
    ['198.18.0.0', 15], // benchmarking
    ['224.0.0.0', 4], // multicast
    ['240.0.0.0', 4], // reserved, broadcast
  ],
  ipv6: [
    ['::', 96], // unspecified (::), loopback (::1), IPv4-compatible (deprecated)
    ['64:ff9b:1::', 48], // NAT64 for local use
    ['100::', 64], // discard-only
    ['fc00::', 7], // unique local
    ['fe80::', 10], // link-local
    ['fec0::', 10], // site-local (deprecated)
    ['ff00::', 8], // multicast
  ],
}
// IPv4-mapped addresses (::ffff:a.b.c.d) need no rule of their own: BlockList checks them against
// the IPv4 rules.

export type AddressFamily = 'ipv4' | 'ipv6'
export type Network = { address: string; prefix: number; family: AddressFamily }

/** Refused because the host is, or resolves only to, addresses the guard does not allow. */
export class OutboundAddressError extends Error {
  override name = 'OutboundAddressError'
  readonly code = 'ERR_OUTBOUND_ADDRESS_NOT_ALLOWED'
  /** For the server's log only: telling a user what an internal name resolves to would leak it. */
  readonly addresses: string[]
  constructor(host: string, addresses: string[]) {
    super(`${host} is, or resolves only to, addresses outbound requests may not reach`)
    this.addresses = addresses
  }
}

/**
 * Parses comma-separated CIDRs (`10.20.0.0/16,127.0.0.1/32,fd12::/64`). Throws one message naming
 * every entry that is not one.
 */
export function parseNetworks(list: string | readonly string[] | undefined): Network[] {
  const entries = (typeof list === 'string' ? list.split(',') : [...(list ?? [])]).map((s) => s.trim()).filter(Boolean)
  const bad: string[] = []
  const networks: Network[] = []
  for (const entry of entries) {
    const match = /^([^/\s]+)\/(\d{1,3})$/.exec(entry)
    const family = match ? isIP(match[1]) : 0
    const prefix = match ? Number(match[2]) : NaN
    if (!match || family === 0 || prefix > (family === 4 ? 32 : 128)) bad.push(entry)
    else networks.push({ address: match[1], prefix, family: family === 4 ? 'ipv4' : 'ipv6' })
  }
  if (bad.length > 0) {
    throw new Error(`not a network in CIDR notation (like 10.20.0.0/16 or 127.0.0.1/32): ${bad.map((b) => `"${b}"`).join(', ')}`)
  }
  return networks
}

/** The eight 16-bit groups of an IPv6 address (a valid one: isIP said so). */
function ipv6Groups(address: string): number[] {
  // A trailing dotted quad (::ffff:1.2.3.4) is two groups written another way.
  const text = address.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a, b, c, d) =>
    `${((+a << 8) | +b).toString(16)}:${((+c << 8) | +d).toString(16)}`,
  )
  const groups = (part: string) => (part ? part.split(':').map((g) => parseInt(g, 16)) : [])
  if (!text.includes('::')) return groups(text)
  const [head, tail] = text.split('::')
  const left = groups(head)
  const right = groups(tail)
  return [...left, ...Array(8 - left.length - right.length).fill(0), ...right]
}

/** The IPv4 address inside a NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address, which may reach it. */
function embeddedIPv4(address: string): string | undefined {
  const g = ipv6Groups(address)
  const quad = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return quad(g[6], g[7])
  if (g[0] === 0x2002) return quad(g[1], g[2])
  return undefined
}

type Resolver = (hostname: string, options: dns.LookupAllOptions, callback: (error: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void) => void

export type HostCheck =
  | { ok: true }
  | { ok: false; reason: 'forbidden-address' | 'resolves-to-forbidden' | 'unresolvable'; detail?: string }

export type OutboundGuard = {
  /** True when a connection to this IP address is allowed. */
  allows: (address: string) => boolean
  /**
   * Options for node:http/https request (or net.connect) to `url`: a `lookup` that connects only
   * to allowed addresses. Throws OutboundAddressError for a literal address that is not allowed
   * (Node does no lookup for those).
   */
  connectOptions: (url: URL) => { lookup: LookupFunction }
  /** A look ahead (at registration): is the host allowed, does it resolve to an allowed address? */
  checkHost: (hostname: string) => Promise<HostCheck>
}

export type OutboundGuardOptions = {
  /** Networks that may be reached although they are forbidden above. @default [] */
  allowedNetworks?: string | readonly string[]
  /** How names are resolved. @default dns.lookup */
  resolve?: Resolver
  /** checkHost gives up on a name after this long. @default 5000 */
  resolveTimeoutMs?: number
}

/** The host of a URL as an address or a name: `[::1]` → `::1`. */
export const hostOf = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1')

export function createOutboundGuard(options: OutboundGuardOptions = {}): OutboundGuard {
  const forbidden = new BlockList()
  for (const family of ['ipv4', 'ipv6'] as const) for (const [address, prefix] of FORBIDDEN[family]) forbidden.addSubnet(address, prefix, family)
  const allowed = new BlockList()
  for (const n of parseNetworks(options.allowedNetworks)) allowed.addSubnet(n.address, n.prefix, n.family)
  const resolve: Resolver = options.resolve ?? ((hostname, opts, callback) => dns.lookup(hostname, opts, callback))
  const timeoutMs = options.resolveTimeoutMs ?? 5000

  const allows = (raw: string): boolean => {
    const address = raw.replace(/%.*$/, '') // a zone index (fe80::1%eth0) is not part of the address
    const version = isIP(address)
    if (version === 0) return false
    const family: AddressFamily = version === 4 ? 'ipv4' : 'ipv6'
    if (allowed.check(address, family)) return true
    if (forbidden.check(address, family)) return false
    const inner = family === 'ipv6' ? embeddedIPv4(address) : undefined
    return inner === undefined || allowed.check(inner, 'ipv4') || !forbidden.check(inner, 'ipv4')
  }

  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    resolve(hostname, { family: lookupOptions.family, hints: lookupOptions.hints, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0)
      const usable = addresses.filter((a) => allows(a.address))
      if (usable.length === 0) return callback(new OutboundAddressError(hostname, addresses.map((a) => a.address)) as NodeJS.ErrnoException, '', 0)
      if (lookupOptions.all) callback(null, usable)
      else callback(null, usable[0].address, usable[0].family)
    })
  }

  return {
    allows,
    connectOptions: (url) => {
      const host = hostOf(url)
      if (isIP(host) && !allows(host)) throw new OutboundAddressError(host, [host])
      return { lookup }
    },
    checkHost: async (hostname) => {
      const host = hostname.replace(/^\[(.*)\]$/, '$1')
      if (isIP(host)) return allows(host) ? { ok: true } : { ok: false, reason: 'forbidden-address' }
      let timer: NodeJS.Timeout | undefined
      try {
        const addresses = await Promise.race([
          new Promise<dns.LookupAddress[]>((ok, fail) => resolve(host, { all: true }, (error, found) => (error ? fail(error) : ok(found)))),
          new Promise<never>((_, fail) => {
            timer = setTimeout(() => fail(Object.assign(new Error('timed out'), { code: 'ETIMEOUT' })), timeoutMs)
          }),
        ])
        if (addresses.length === 0) return { ok: false, reason: 'unresolvable', detail: 'no address' }
        return addresses.some((a) => allows(a.address)) ? { ok: true } : { ok: false, reason: 'resolves-to-forbidden' }
      } catch (error) {
        return { ok: false, reason: 'unresolvable', detail: (error as NodeJS.ErrnoException).code ?? (error as Error).message }
      } finally {
        clearTimeout(timer)
      }
    },
  }
}
