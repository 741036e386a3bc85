/**
 * W3C Bitstring Status List v1.0: revocation that any verifier can check without our code. A
 * credential's `credentialStatus` names a list credential and an index in it; the list is a
 * bitstring (bit 0 the left-most bit of the first byte), GZIP-compressed, base64url-encoded with
 * the multibase prefix "u", inside a credential this platform signs like every other.
 */
import { gunzipSync, gzipSync } from 'node:zlib'
import { VC_CONTEXT } from './signCredential'

/** 131 072 entries (16 KiB): the specification's minimum, so that a list says little about any one entry. */
export const STATUS_LIST_SIZE = 131_072

export function encodeStatusList(setIndexes: Iterable<number>, size = STATUS_LIST_SIZE): string {
  const bits = new Uint8Array(size / 8)
  for (const index of setIndexes) {
    if (!Number.isInteger(index) || index < 0 || index >= size) throw new Error(`status list index ${index} is outside 0–${size - 1}`)
    bits[index >> 3] |= 0x80 >> (index & 7)
  }
  return `u${gzipSync(bits).toString('base64url')}`
}

export function decodeStatusList(encodedList: string): Uint8Array {
  if (!encodedList.startsWith('u')) throw new Error('a status list is multibase base64url: it starts with "u"')
  return new Uint8Array(gunzipSync(Buffer.from(encodedList.slice(1), 'base64url')))
}

export const isSet = (bits: Uint8Array, index: number) => (bits[index >> 3] & (0x80 >> (index & 7))) !== 0

export type StatusPurpose = 'revocation' | 'suspension'

/** The `credentialStatus` entry of one credential. */
export const statusListEntry = (listUrl: string, index: number, purpose: StatusPurpose = 'revocation') => ({
  id: `${listUrl}#${index}`,
  type: 'BitstringStatusListEntry',
  statusPurpose: purpose,
  statusListIndex: String(index),
  statusListCredential: listUrl,
})

/** The list itself, as a credential for signCredential. */
export const statusListCredential = (list: { url: string; issuer: { id: string }; validFrom: string; purpose: StatusPurpose; encodedList: string }) => ({
  '@context': [VC_CONTEXT],
  id: list.url,
  type: ['VerifiableCredential', 'BitstringStatusListCredential'],
  issuer: list.issuer,
  validFrom: list.validFrom,
  credentialSubject: { id: `${list.url}#list`, type: 'BitstringStatusList', statusPurpose: list.purpose, encodedList: list.encodedList },
})
