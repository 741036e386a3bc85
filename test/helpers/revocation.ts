import type { Express } from 'express'
import { createLocalJWKSet, type JSONWebKeySet, jwtVerify } from 'jose'
import request from 'supertest'
import { expect } from 'vitest'
import { decodeStatusList, isSet } from '../../src/credentials/bitstringStatusList'

type Doc = Record<string, any>

/**
 * Whether a credential is revoked, found as a generic verifier finds it: check the signature,
 * follow `credentialStatus` to the signed list (anonymously), check the list and the bit.
 */
export async function revokedAsVerifier(app: Express, jwks: JSONWebKeySet, jwt: string): Promise<{ revoked: boolean }> {
  const keys = createLocalJWKSet(jwks)
  const { payload } = await jwtVerify(jwt, keys)
  const status = (payload.vc as Doc).credentialStatus
  expect(status.type).toBe('BitstringStatusListEntry')
  const list = await request(app).get(new URL(status.statusListCredential).pathname)
  expect(list.status).toBe(200)
  expect(list.headers['content-type']).toContain('application/vc+jwt')
  const { payload: listClaims } = await jwtVerify(list.text, keys)
  const listCredential = listClaims.vc as Doc
  expect(listCredential.type).toContain('BitstringStatusListCredential')
  expect(listCredential.id).toBe(status.statusListCredential)
  expect(listCredential.credentialSubject.statusPurpose).toBe(status.statusPurpose)
  return { revoked: isSet(decodeStatusList(listCredential.credentialSubject.encodedList), Number(status.statusListIndex)) }
}
