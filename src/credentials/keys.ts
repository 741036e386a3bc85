/**
 * The platform's credential signing keys, owned by the core so that every plugin that issues a
 * verifiable credential (credit records, mentor certifications) signs with the same keys and one
 * JWKS verifies them all. Plugins get the keys with `credentialKeys(config)`, never by importing
 * another plugin.
 */
import type { Config, Endpoint } from 'payload'
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

/** Gives the config its signing keys (CREDENTIAL_SIGNING_KEYS, or a key generated under the data folder) and the JWKS that publishes them. */
export function addCredentialKeys(config: Config, source: { signingKeys?: string; dataDir: string }): Config {
  const keys = createKeyring(source)
  return { ...config, custom: { ...config.custom, credentialKeys: keys }, endpoints: [...(config.endpoints ?? []), jwksEndpoint(keys)] }
}

/** The signing keys the core was given; a plugin that issues credentials asks here. */
export function credentialKeys(config: Config): CredentialKeys {
  const keys = config.custom?.credentialKeys as CredentialKeys | undefined
  if (!keys) throw new Error('no credential signing keys: add them with addCredentialKeys(config, …) before the plugins that issue credentials')
  return keys
}
