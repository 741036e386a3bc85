/**
 * Ed25519 keys that sign credentials.
 *
 *   npm run credentials:keygen                         prints a new key set: [newKey]
 *   npm run credentials:keygen -- --rotate "$CREDENTIAL_SIGNING_KEYS"
 *                                                      prints [newKey, ...old keys]: the new key signs,
 *                                                      the old ones stay in the JWKS so old credentials verify
 *   npm run credentials:keygen -- --rotate-dev         does the same to DATA_DIR/credential-signing-keys.json
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose'

const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true })
const jwk = await exportJWK(privateKey)
const key = { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: 'EdDSA', use: 'sig' }

const args = process.argv.slice(2)
if (args[0] === '--rotate-dev') {
  const file = path.join(process.env.DATA_DIR ?? './data', 'credential-signing-keys.json')
  const old = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : []
  writeFileSync(file, JSON.stringify([key, ...old], null, 2), { mode: 0o600 })
  process.stdout.write(`${file}: new key ${key.kid} signs from the next start; ${old.length} older key(s) kept\n`)
} else {
  const old = args[0] === '--rotate' ? JSON.parse(args[1] ?? '[]') : []
  process.stdout.write(`${JSON.stringify([key, ...old])}\n`)
}
