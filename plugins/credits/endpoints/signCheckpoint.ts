import type { Endpoint } from 'payload'
import { z } from 'zod'
import { userHasRole } from '../../../src/access'
import type { CredentialKeys } from '../../../src/credentials/keys'
import { errorResponse } from '../../../src/errors'
import { readJsonBody } from '../../../src/http/readJsonBody'
import { ledgerChains, signCheckpoints } from '../ledger/checkpoint'

const bodySchema = z.strictObject({ university: z.string().min(1).max(64).optional() })

/**
 * `POST /api/credit-ledger-checkpoints/sign` (administrators): signs the heads of every chain, or
 * of one university's (`{ "university": "<院校代码>" }`), now — before an audit, say, or after
 * a registrar asks for a fresh one. Answers the new checkpoints.
 */
export const signCheckpointEndpoint = (keys: CredentialKeys, issuerId: string): Endpoint => ({
  path: '/sign',
  method: 'post',
  handler: async (req) => {
    if (!userHasRole(req.user, 'admin')) return errorResponse(req.user ? 403 : 401, 'only an administrator may sign ledger checkpoints')
    const body = await readJsonBody(req, bodySchema, '{ "university"?: "<院校代码>" }', { empty: {} })
    if ('error' in body) return body.error
    let chains: string[] | undefined
    if (body.data.university !== undefined) {
      const match = (await ledgerChains(req.payload)).find((c) => c.university?.code === body.data.university)
      if (!match) return errorResponse(404, `no university with code ${body.data.university}`)
      chains = [match.chain]
    }
    const docs = await signCheckpoints(req.payload, keys, issuerId, { chains })
    return Response.json({ docs }, { status: 201 })
  },
})
