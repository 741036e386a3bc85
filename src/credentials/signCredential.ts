/**
 * Verifiable credentials signed as VC-JWT (EdDSA) with the registered claims Open Badges 3.0 asks
 * for: iss, sub, jti, nbf. Shared by every plugin that issues credentials.
 */
import { SignJWT } from 'jose'
import type { SigningKeys } from './signingKeys'

export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2'
export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'
/** The media type a signed credential is served with. */
export const VC_JWT = 'application/vc+jwt'

/** Signs a credential as a VC-JWT: the credential in `vc`, the registered claims beside it. */
export async function signCredential(keys: SigningKeys, credential: { id: string; issuer: { id: string }; validFrom: string; credentialSubject: { id: string } }): Promise<string> {
  return new SignJWT({ vc: credential })
    .setProtectedHeader({ alg: 'EdDSA', kid: keys.kid, typ: 'JWT' })
    .setIssuer(credential.issuer.id)
    .setSubject(credential.credentialSubject.id)
    .setJti(credential.id)
    .setNotBefore(Math.floor(new Date(credential.validFrom).getTime() / 1000))
    .setIssuedAt()
    .sign(keys.privateKey)
}
