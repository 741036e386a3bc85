import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { compactVerify, importJWK } from 'jose'
import { describe, expect, it } from 'vitest'
import { openBadgeCredential } from '../../plugins/credits/credentials/openBadge'
import { signCredential } from '../../src/credentials/signCredential'
import { generateSigningJwk, loadSigningKeys } from '../../src/credentials/signingKeys'

const issuer = { publicUrl: 'https://lianpei.test', name: '联培 LianPei', email: 'credentials@lianpei.test' }
const record = { id: 1, sequence: 1, learner: 7, sourceType: 'courses', sourceId: '3', sourceTitle: '课程', credits: 2, issuedAt: '2026-01-01T00:00:00.000Z', completedAt: '2026-01-01T00:00:00.000Z', grade: '90', score: 90, passed: true }

describe('credential signing keys', () => {
  it('generates a key on first use in development and keeps it', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lianpei-keys-'))
    const first = await loadSigningKeys({ dataDir })
    expect(existsSync(path.join(dataDir, 'credential-signing-keys.json'))).toBe(true)
    const again = await loadSigningKeys({ dataDir })
    expect(again.kid).toBe(first.kid)
    expect(JSON.stringify(first.jwks)).not.toContain('"d"')
    expect(readFileSync(path.join(dataDir, 'credential-signing-keys.json'), 'utf8')).toContain('"d"')
  })

  it('after a rotation signs with the new key and still publishes the old one', async () => {
    const oldKey = await generateSigningJwk()
    const before = await loadSigningKeys({ dataDir: '/nonexistent', signingKeys: JSON.stringify([oldKey]) })
    const oldJwt = await signCredential(before, openBadgeCredential(issuer, record))
    const newKey = await generateSigningJwk()
    const after = await loadSigningKeys({ dataDir: '/nonexistent', signingKeys: JSON.stringify([newKey, oldKey]) })
    expect(after.kid).toBe(newKey.kid)
    expect(after.jwks.keys.map((k) => k.kid)).toEqual([newKey.kid, oldKey.kid])
    const oldPublic = after.jwks.keys.find((k) => k.kid === oldKey.kid)!
    await expect(compactVerify(oldJwt, await importJWK(oldPublic, 'EdDSA'))).resolves.toBeDefined()
  })

  it('refuses a malformed key set with a message that says what is expected', async () => {
    await expect(loadSigningKeys({ dataDir: '/nonexistent', signingKeys: '[{"kty":"RSA"}]' })).rejects.toThrow(/Ed25519 JWKs/)
  })
})
