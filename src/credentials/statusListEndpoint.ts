/**
 * `GET /api/<collection>/status-lists/:list`: the W3C Bitstring Status List that a collection's
 * credentials point into (`credentialStatus`), as a VC-JWT signed with the platform's keys. Built
 * from the rows on each request, so a revocation shows at once; a list is small (16 KiB before
 * compression) and only the places of revoked rows are read.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { errorResponse } from '../errors'
import { encodeStatusList, STATUS_LIST_SIZE, statusListCredential } from './bitstringStatusList'
import { type IssuerDetails, issuerOf } from './issuer'
import type { CredentialKeys } from './keys'
import { signCredential, VC_JWT } from './signCredential'

/** A credential's list number and index within it, from the row's place (0, 1, 2, …). */
export const statusListPlace = (place: number) => ({ list: Math.floor(place / STATUS_LIST_SIZE), index: place % STATUS_LIST_SIZE })

export function statusListEndpoint(options: {
  issuer: IssuerDetails
  keys: CredentialKeys
  /** Where list `list` is served: the URL credentials name. */
  urlOf: (list: number) => string
  /** The places from `first` (inclusive) to `end` (exclusive) whose credentials are withdrawn. */
  withdrawnPlaces: (req: PayloadRequest, first: number, end: number) => Promise<number[]>
}): Endpoint {
  return {
    path: '/status-lists/:list',
    method: 'get',
    handler: async (req) => {
      const param = req.routeParams?.list as string
      const list = Number(param)
      if (!/^\d+$/.test(param) || !Number.isSafeInteger(list)) return errorResponse(400, `a status list is numbered 0, 1, 2, … (got "${param}")`)
      const first = list * STATUS_LIST_SIZE
      const places = await options.withdrawnPlaces(req, first, first + STATUS_LIST_SIZE)
      const url = options.urlOf(list)
      const encodedList = encodeStatusList(places.map((place) => place - first))
      const jwt = await signCredential(await options.keys(), statusListCredential({ url, issuer: issuerOf(options.issuer), validFrom: new Date().toISOString(), purpose: 'revocation', encodedList }))
      return new Response(jwt, { headers: { 'content-type': VC_JWT, 'cache-control': 'no-cache' } })
    },
  }
}
