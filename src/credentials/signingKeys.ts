/**
 * Ed25519 keys that sign credentials. The newest signs; every key stays in the JWKS so that
 * credentials signed before a rotation still verify. In production they come from the
 * environment (CREDENTIAL_SIGNING_KEYS, a JSON array of private JWKs, newest first); otherwise
 * one is generated on first use and kept in DATA_DIR/credential-signing-keys.json.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose'

export type SigningKeys = {
  kid: string
  privateKey: CryptoKey | Uint8Array
  /** Public keys, newest first. */
  jwks: { keys: JWK[] }
}

export async function generateSigningJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true })
  const jwk = await exportJWK(privateKey)
  const kid = await calculateJwkThumbprint(jwk)
  return { ...jwk, kid, alg: 'EdDSA', use: 'sig' }
}

const publicPart = ({ d: _private, ...jwk }: JWK): JWK => jwk

export async function loadSigningKeys(source: { signingKeys?: string; dataDir: string }): Promise<SigningKeys> {
  let jwks: JWK[]
  if (source.signingKeys) {
    jwks = JSON.parse(source.signingKeys)
    if (!Array.isArray(jwks) || jwks.length === 0 || !jwks.every((k) => k.kty === 'OKP' && k.crv === 'Ed25519' && k.d && k.kid)) {
      throw new Error('CREDENTIAL_SIGNING_KEYS must be a JSON array of private Ed25519 JWKs with "kid", newest first')
    }
  } else {
    const file = path.join(source.dataDir, 'credential-signing-keys.json')
    if (existsSync(file)) {
      jwks = JSON.parse(readFileSync(file, 'utf8'))
    } else {
      jwks = [await generateSigningJwk()]
      mkdirSync(source.dataDir, { recursive: true })
      writeFileSync(file, JSON.stringify(jwks, null, 2), { mode: 0o600 })
    }
  }
  const [active] = jwks
  return {
    kid: active.kid as string,
    privateKey: await importJWK(active, 'EdDSA'),
    jwks: { keys: jwks.map(publicPart) },
  }
}
