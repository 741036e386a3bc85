/**
 * The platform as the issuer of every verifiable credential: one Open Badges 3.0 `Profile`,
 * published at its own id (`GET /api/issuer`), so that a verifier who follows the issuer of a
 * credit record, a transcript or a mentor certification reads who issued it and how to reach them.
 */
import { OB_CONTEXT, VC_CONTEXT } from './signCredential'

export type IssuerDetails = {
  /** The platform's public base URL; the issuer's id and url derive from it. */
  publicUrl: string
  name: string
  email: string
  /** 统一社会信用代码 or 院校代码 of the organisation that runs the platform. */
  officialCode?: string
}

export const issuerId = (issuer: IssuerDetails) => `${issuer.publicUrl}/api/issuer`

/** The issuer as credentials embed it: the fields a wallet shows beside the credential. */
export const issuerOf = (issuer: IssuerDetails) => ({ id: issuerId(issuer), type: ['Profile'], name: issuer.name, url: issuer.publicUrl, email: issuer.email })

/** The issuer's full profile, as `GET /api/issuer` serves it. */
export const issuerProfile = (issuer: IssuerDetails) => ({
  '@context': [VC_CONTEXT, OB_CONTEXT],
  ...issuerOf(issuer),
  ...(issuer.officialCode ? { identifier: [{ type: 'IdentifierEntry', identifier: issuer.officialCode, identifierType: 'identifier' }] } : {}),
})
