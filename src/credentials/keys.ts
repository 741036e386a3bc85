/**
 * The platform's credential signing keys, owned by the core so that every plugin that issues a
 * verifiable credential (credit records, mentor certifications) signs with the same keys and one
 * JWKS verifies them all. Plugins get the keys with `credentialKeys(config)`, never by importing
 * another plugin.
 */
import type { Config, Endpoint } from 'payload'
import { type IssuerDetails, issuerProfile } from './issuer'
import { loadSigningKeys, type SigningKeys } from './signingKeys'

export type CredentialKeys = () => Promise<SigningKeys>

/** Loads the keys once per process, on first use; a failed load is tried again next time. */
function createKeyring(source: { signingKeys?: string; dataDir: string }): CredentialKeys {
  let keys: Promise<SigningKeys> | undefined
  return () => {
    keys ??= loadSigningKeys(source).catch((error) => {
      keys = undefined
      throw error
    })
    return keys
  }
}

/** `GET /.well-known/jwks.json` (express forwards /.well-known to Payload's root endpoints). */
const jwksEndpoint = (keys: CredentialKeys): Endpoint => ({
  path: '/.well-known/jwks.json',
  method: 'get',
  handler: async () => Response.json((await keys()).jwks, { headers: { 'cache-control': 'public, max-age=300' } }),
})

/** `GET /api/issuer`: the issuer's Open Badges Profile, where every credential's `issuer.id` points. */
const issuerEndpoint = (issuer: IssuerDetails): Endpoint => ({
  path: '/issuer',
  method: 'get',
  handler: () => Response.json(issuerProfile(issuer), { headers: { 'cache-control': 'public, max-age=300' } }),
})

/**
 * Gives the config its credential issuer: the signing keys (CREDENTIAL_SIGNING_KEYS, or a key
 * generated under the data folder) and the JWKS that publishes them, and the issuer's profile.
 */
export function addCredentialKeys(config: Config, source: { signingKeys?: string; dataDir: string; issuer: IssuerDetails }): Config {
  const keys = createKeyring(source)
  return {
    ...config,
    custom: { ...config.custom, credentialKeys: keys, credentialIssuer: source.issuer },
    endpoints: [...(config.endpoints ?? []), jwksEndpoint(keys), issuerEndpoint(source.issuer)],
  }
}

/** Who issues the credentials, as the core was told; a plugin that issues credentials asks here. */
export function credentialIssuer(config: Pick<Config, 'custom'>): IssuerDetails {
  const issuer = config.custom?.credentialIssuer as IssuerDetails | undefined
  if (!issuer) throw new Error('no credential issuer: add it with addCredentialKeys(config, …) before the plugins that issue credentials')
  return issuer
}

/** The signing keys the core was given; a plugin that issues credentials asks here. */
export function credentialKeys(config: Pick<Config, 'custom'>): CredentialKeys {
  const keys = config.custom?.credentialKeys as CredentialKeys | undefined
  if (!keys) throw new Error('no credential signing keys: add them with addCredentialKeys(config, …) before the plugins that issue credentials')
  return keys
}
