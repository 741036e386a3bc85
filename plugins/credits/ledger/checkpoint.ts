/**
 * Checkpoints: the heads of a university's two chains (records, events), signed with the
 * credential keys and kept in a public collection. Daily (the checkpointCreditLedger task, for
 * chains that moved) and on demand (POST /api/credit-ledger-checkpoints/sign). Whoever holds a
 * checkpoint can later prove that the chain still reaches the hashes it signed: history before
 * it cannot be rewritten, even by someone who can recompute every hash.
 */
import { jwtVerify, createLocalJWKSet, type JSONWebKeySet, SignJWT } from 'jose'
import type { Payload } from 'payload'
import type { CredentialKeys } from '../../../src/credentials/keys'
import { CORE } from '../../../collections/slugs'
import { CREDIT_SLUGS } from '../constants'
import { eventHead } from './eventChain'
import { GENESIS } from './hashes'

type Doc = Record<string, any>

export type CheckpointClaims = { chain: string; recordSequence: number | null; recordHash: string; eventPosition: number | null; eventHash: string; signedAt: string }

/** Every chain: one per university, and "none" for learners without one. */
export async function ledgerChains(payload: Payload): Promise<Array<{ chain: string; university: Doc | null }>> {
  const { docs } = await payload.find({ collection: CORE.organizations, where: { kind: { equals: 'university' } }, depth: 0, overrideAccess: true, pagination: false, sort: 'id' })
  return [...(docs as Doc[]).map((university) => ({ chain: String(university.id), university })), { chain: 'none', university: null }]
}

export async function recordHead(payload: Payload, chain: string): Promise<{ sequence: number; hash: string } | undefined> {
  const { docs } = await payload.find({
    collection: CREDIT_SLUGS.records as never,
    where: chain === 'none' ? { homeUniversity: { exists: false } } : { homeUniversity: { equals: chain } },
    sort: '-sequence',
    limit: 1,
    select: { sequence: true, hash: true } as never,
    depth: 0,
    overrideAccess: true,
    pagination: false,
  })
  const head = docs[0] as Doc | undefined
  return head ? { sequence: Number(head.sequence), hash: head.hash ?? GENESIS } : undefined
}

/**
 * Signs the heads of each chain, and keeps the checkpoints. `onlyIfMoved` skips a chain whose
 * heads are what its last checkpoint signed (the daily run), and one that has nothing yet.
 */
export async function signCheckpoints(payload: Payload, keys: CredentialKeys, issuerId: string, options: { chains?: string[]; onlyIfMoved?: boolean } = {}): Promise<Doc[]> {
  const signed: Doc[] = []
  for (const { chain, university } of await ledgerChains(payload)) {
    if (options.chains && !options.chains.includes(chain)) continue
    const [records, events] = [await recordHead(payload, chain), await eventHead(payload, chain)]
    const claims: CheckpointClaims = {
      chain,
      recordSequence: records?.sequence ?? null,
      recordHash: records?.hash ?? GENESIS,
      eventPosition: events?.position ?? null,
      eventHash: events?.hash ?? GENESIS,
      signedAt: new Date().toISOString(),
    }
    if (options.onlyIfMoved) {
      if (!records && !events) continue
      const { docs } = await payload.find({ collection: CREDIT_SLUGS.ledgerCheckpoints as never, where: { chain: { equals: chain } }, sort: '-signedAt', limit: 1, depth: 0, overrideAccess: true, pagination: false })
      const last = docs[0] as Doc | undefined
      if (last && last.recordHash === claims.recordHash && last.eventHash === claims.eventHash) continue
    }
    const { privateKey, kid } = await keys()
    const jws = await new SignJWT({ type: 'CreditLedgerCheckpoint', ...claims })
      .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'JWT' })
      .setIssuer(issuerId)
      .setIssuedAt()
      .sign(privateKey)
    signed.push(await payload.create({ collection: CREDIT_SLUGS.ledgerCheckpoints as never, data: { ...claims, university: university?.id ?? null, jws } as never, overrideAccess: true, depth: 0 }))
  }
  return signed
}

/** The claims a checkpoint's signature vouches for, or why it does not vouch for any. */
export async function checkpointClaims(jws: string, jwks: JSONWebKeySet): Promise<CheckpointClaims> {
  const { payload } = await jwtVerify(jws, createLocalJWKSet(jwks), { algorithms: ['EdDSA'] })
  if (payload.type !== 'CreditLedgerCheckpoint') throw new Error('not a ledger checkpoint')
  return payload as unknown as CheckpointClaims
}
