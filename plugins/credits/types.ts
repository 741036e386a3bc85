import { parseNetworks } from '../../src/http/outboundGuard'

/** Options of the credits plugin; defaults are filled in once, by sanitizeOptions. */
export type CreditsPluginOptions = {
  /** @default true */
  enabled?: boolean
  /** Base URL of the platform, used in links (the credential issuer is the core's, src/credentials/issuer.ts). @default 'http://localhost:3000' */
  publicUrl?: string
  webhooks?: {
    /** Attempts per delivery, the first included. @default 8 */
    attempts?: number
    /** First retry delay in ms; doubles each time. @default 2000 */
    backoffMs?: number
    /** A receiver slower than this counts as failed. @default 10000 */
    timeoutMs?: number
    /**
     * Networks (CIDRs such as `10.20.0.0/16`, `127.0.0.1/32`) a receiver may be on although they
     * are loopback, private, link-local or otherwise internal — a university registry on a campus
     * network. Everything else internal is refused at registration and at delivery
     * (src/http/outboundGuard.ts). @default []
     */
    allowedNetworks?: string[]
  }
  feed?: {
    /** @default 100 */
    defaultLimit?: number
    /** @default 1000 */
    maxLimit?: number
  }
}

export type SanitizedCreditsOptions = {
  enabled: boolean
  publicUrl: string
  webhooks: { attempts: number; backoffMs: number; timeoutMs: number; allowedNetworks: string[] }
  feed: { defaultLimit: number; maxLimit: number }
}

/** The allowed networks, checked once: a wrong one stops start-up with a message naming it. */
function allowedNetworks(list: string[] = []): string[] {
  try {
    parseNetworks(list)
  } catch (error) {
    throw new Error(`credits plugin: webhooks.allowedNetworks: ${(error as Error).message}`)
  }
  return list.map((n) => n.trim()).filter(Boolean)
}

export function sanitizeOptions(options: CreditsPluginOptions = {}): SanitizedCreditsOptions {
  return {
    enabled: options.enabled ?? true,
    publicUrl: (options.publicUrl ?? 'http://localhost:3000').replace(/\/$/, ''),
    webhooks: { attempts: 8, backoffMs: 2000, timeoutMs: 10_000, ...options.webhooks, allowedNetworks: allowedNetworks(options.webhooks?.allowedNetworks) },
    feed: { defaultLimit: 100, maxLimit: 1000, ...options.feed },
  }
}
