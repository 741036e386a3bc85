/**
 * The address a process listening on `host` reaches itself at: a specific address is itself; a
 * wildcard (every interface, or none given) is reached on the loopback of its family.
 */
export function loopbackOf(host: string | undefined): string {
  if (!host || host === '0.0.0.0') return '127.0.0.1'
  if (host === '::') return '::1'
  // An IPv4 client on a dual-stack socket appears as ::ffff:a.b.c.d.
  return host.startsWith('::ffff:') ? host.slice('::ffff:'.length) : host
}
