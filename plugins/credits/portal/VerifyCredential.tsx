'use client'
/**
 * Verifies a LianPei credential in the browser, as any third party could: the VC-JWT's EdDSA
 * signature against the platform's published keys (/.well-known/jwks.json, with jose), then the
 * record's revocation status from its `credentialStatus`. A CLR transcript carries one status
 * per record it holds, so each of them is read. Nothing is sent to the server but those reads.
 */
import { createLocalJWKSet, type JSONWebKeySet, jwtVerify } from 'jose'
import { useState } from 'react'
import { fill, formatDate } from '../../../src/portal/i18n'
import { statusLabel } from './recordStatus'

type Labels = Record<string, string>
type Credential = Record<string, any>
type Keys = ReturnType<typeof createLocalJWKSet>
/** null: the status could not be read. */
type RecordStatus = { revoked: boolean; status: string; revokedAt?: string | null; revocationReason?: string | null; supersededBy?: unknown } | null
type Outcome =
  | { state: 'idle' }
  | { state: 'busy' }
  | { state: 'invalid'; reason: string }
  | { state: 'valid'; vc: Credential; issuedAt?: number; status: RecordStatus; records?: Array<{ vc: Credential; status: RecordStatus }> }

/** This platform's own address for a URL it issued, whichever host name the credential was issued under. */
const here = (url: string) => new URL(new URL(url).pathname, window.location.origin)

/** A signed Bitstring Status List's bits, each list read once however many records point into it. */
function statusLists(keys: Keys) {
  const read = new Map<string, Promise<Uint8Array | null>>()
  return (url: string) => {
    if (!read.has(url))
      read.set(
        url,
        (async () => {
          const list = await fetch(here(url))
          if (!list.ok) return null
          const { payload } = await jwtVerify((await list.text()).trim(), keys, { algorithms: ['EdDSA'] })
          const encoded = String((payload.vc as Credential)?.credentialSubject?.encodedList ?? '')
          return new Uint8Array(await new Response(new Blob([base64url(encoded.slice(1))]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer())
        })().catch(() => null),
      )
    return read.get(url)!
  }
}

/**
 * Revocation as any verifier reads it: the signed Bitstring Status List the credential points
 * into, and its bit. The record's status in words (date and reason of a revocation, or the
 * record that corrected it) comes from the record's own status page beside it.
 */
async function revocationOf(vc: Credential, list: ReturnType<typeof statusLists>): Promise<RecordStatus> {
  const entry = vc.credentialStatus
  if (entry?.type !== 'BitstringStatusListEntry') return null
  const bits = await list(String(entry.statusListCredential))
  if (!bits) return null
  const index = Number(entry.statusListIndex)
  const revoked = (bits[index >> 3]! & (0x80 >> (index & 7))) !== 0
  const details = typeof vc.id === 'string' ? await fetch(here(vc.id.replace(/\/credential$/, '/status'))).catch(() => null) : null
  const record = details?.ok ? await details.json() : {}
  return { revoked, status: String(record.status ?? (revoked ? 'revoked' : '')), revokedAt: record.revokedAt ?? null, revocationReason: record.revocationReason ?? null, supersededBy: record.supersededBy ?? null }
}

/** The credentials a CLR transcript holds (objects, or compact JWTs which must verify too); none for a single credential. */
async function heldCredentials(vc: Credential, keys: Keys): Promise<Credential[] | undefined> {
  if (![vc.type].flat().includes('ClrCredential')) return undefined
  const held = [vc.credentialSubject?.verifiableCredential ?? []].flat() as Array<Credential | string>
  return Promise.all(held.map(async (c) => (typeof c === 'string' ? ((await jwtVerify(c, keys, { algorithms: ['EdDSA'] })).payload.vc as Credential) : c)))
}

const base64url = (text: string) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))

/** Why a credential did not verify, in the visitor's language: jose's errors by their code. */
const REASONS: Record<string, string> = {
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'verifyBadSignature',
  ERR_JWS_INVALID: 'verifyMalformed',
  ERR_JWT_INVALID: 'verifyMalformed',
  ERR_JOSE_ALG_NOT_ALLOWED: 'verifyUnknownKey',
  ERR_JWKS_NO_MATCHING_KEY: 'verifyUnknownKey',
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: 'verifyUnknownKey',
  ERR_JWT_EXPIRED: 'verifyExpired',
  NO_CREDENTIAL: 'verifyNoCredential',
}
const reasonOf = (error: unknown, t: Labels) => t[REASONS[String((error as { code?: unknown } | null)?.code)] ?? 'verifyFailedOther']

export function VerifyCredential({ t, lang }: { t: Labels; lang: 'zh' | 'en' }) {
  const [token, setToken] = useState('')
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' })

  async function verify(jwt: string) {
    setOutcome({ state: 'busy' })
    try {
      const keys = createLocalJWKSet((await (await fetch('/.well-known/jwks.json')).json()) as JSONWebKeySet)
      const { payload } = await jwtVerify(jwt.trim(), keys, { algorithms: ['EdDSA'] })
      const vc = (payload as { vc?: Record<string, any> }).vc
      if (!vc) throw Object.assign(new Error('no "vc" claim'), { code: 'NO_CREDENTIAL' })
      const list = statusLists(keys)
      const held = await heldCredentials(vc, keys)
      const records = held && (await Promise.all(held.map(async (c) => ({ vc: c, status: await revocationOf(c, list) }))))
      setOutcome({ state: 'valid', vc, issuedAt: payload.iat, status: await revocationOf(vc, list), records })
    } catch (error) {
      setOutcome({ state: 'invalid', reason: reasonOf(error, t) })
    }
  }

  return (
    <>
      <form
        className="stack panel"
        onSubmit={(event) => {
          event.preventDefault()
          void verify(token)
        }}
      >
        <label>
          {t.verifyPaste}
          <textarea id="credential" name="credential" value={token} onChange={(e) => setToken(e.target.value)} required spellCheck={false} />
        </label>
        <label>
          {t.verifyFile}
          <input
            type="file"
            id="credential-file"
            accept=".jwt,.txt,application/vc+jwt,text/plain"
            onChange={async (e) => {
              const file = e.target.files?.[0]
              if (!file) return
              const text = (await file.text()).trim()
              setToken(text)
              void verify(text)
            }}
          />
        </label>
        <button type="submit" id="verify">
          {t.verifyButton}
        </button>
      </form>
      <div id="verify-result" role="status" aria-live="polite">
        {outcome.state === 'busy' && <p>{t.verifying}</p>}
        {outcome.state === 'invalid' && <p className="error">{fill(t.verifyInvalid, { reason: outcome.reason })}</p>}
        {outcome.state === 'valid' && <Verified outcome={outcome} t={t} lang={lang} />}
      </div>
    </>
  )
}

const achievementsOf = (vc: Credential) => [vc.credentialSubject?.achievement ?? []].flat() as Credential[]
const achievementText = (a: Credential, t: Labels) => [a.name, a.humanCode && `(${a.humanCode})`, a.creditsAvailable !== undefined && `· ${a.creditsAvailable} ${t.credits}`].filter(Boolean).join(' ')

/** One record's standing, in a transcript's table. */
function recordStanding(status: RecordStatus, t: Labels, lang: 'zh' | 'en') {
  if (!status) return t.recordStatusUnknown
  if (status.revoked && status.supersededBy) return t.recordSuperseded
  if (status.revoked) return fill(t.recordRevoked, { date: formatDate(status.revokedAt, lang), reason: status.revocationReason ?? '' })
  return fill(t.recordCurrent, { status: statusLabel(t, status.status) })
}

/** A single credential's standing, or a transcript's over the records it holds. */
function Standing({ outcome, t, lang }: { outcome: Extract<Outcome, { state: 'valid' }>; t: Labels; lang: 'zh' | 'en' }) {
  const { records, status } = outcome
  if (records) {
    const revoked = records.filter((r) => r.status?.revoked).length
    if (revoked) return <p className="error">{fill(t.verifyTranscriptRevoked, { revoked })}</p>
    if (records.some((r) => !r.status)) return <p className="notice">{t.verifyTranscriptUnknown}</p>
    return <p className="notice">{fill(t.verifyTranscriptCurrent, { count: records.length })}</p>
  }
  if (!status) return <p className="notice">{t.verifyStatusUnknown}</p>
  if (status.revoked && status.supersededBy) return <p className="error">{fill(t.verifySuperseded, { status: statusLabel(t, status.status) })}</p>
  if (status.revoked) return <p className="error">{fill(t.verifyRevoked, { date: formatDate(status.revokedAt, lang), reason: status.revocationReason ?? '' })}</p>
  return <p className="notice">{fill(t.verifyNotRevoked, { status: statusLabel(t, status.status) })}</p>
}

function Verified({ outcome, t, lang }: { outcome: Extract<Outcome, { state: 'valid' }>; t: Labels; lang: 'zh' | 'en' }) {
  const { vc, records } = outcome
  // A transcript names its learner by URL; the student number is on the records it holds.
  const subject = [vc.credentialSubject, ...(records ?? []).map((r) => r.vc.credentialSubject)].find((s) => s?.identifier) ?? vc.credentialSubject
  return (
    <div className="panel">
      <p className="success">{t.verifyValid}</p>
      <Standing outcome={outcome} t={t} lang={lang} />
      <dl className="facts">
        <dt>{t.issuer}</dt>
        <dd>{String(vc.issuer?.name ?? vc.issuer?.id ?? '')}</dd>
        <dt>{t.subject}</dt>
        <dd>
          {[...[subject?.identifier ?? []].flat().map((i: Credential) => `${t.studentNumber} ${String(i.identityHash)}`), String(vc.credentialSubject?.id ?? '')].filter(Boolean).join(' · ')}
        </dd>
        {!records && (
          <>
            <dt>{t.achievement}</dt>
            <dd>
              {achievementsOf(vc).map((a) => (
                <div key={String(a.id)}>{achievementText(a, t)}</div>
              ))}
            </dd>
          </>
        )}
        <dt>{t.issued}</dt>
        <dd>{String(vc.validFrom ?? '').slice(0, 10) || (outcome.issuedAt ? formatDate(new Date(outcome.issuedAt * 1000), lang) : '')}</dd>
      </dl>
      {records && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t.achievement}>
          <table id="transcript-records">
            <thead>
              <tr>
                <th scope="col">{t.achievement}</th>
                <th scope="col">{t.recordState}</th>
              </tr>
            </thead>
            <tbody>
              {records.map((r, i) => (
                <tr key={String(r.vc.id ?? i)}>
                  <td>{achievementsOf(r.vc).map((a) => achievementText(a, t)).join('; ')}</td>
                  <td>{recordStanding(r.status, t, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
