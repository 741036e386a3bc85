'use client'
/**
 * Verifies a LianPei credential in the browser, as any third party could: the VC-JWT's EdDSA
 * signature against the platform's published keys (/.well-known/jwks.json, with jose), then the
 * record's revocation status from its `credentialStatus`. A CLR transcript carries one status
 * per record it holds, so each of them is read. Nothing is sent to the server but those reads.
 */
import { createLocalJWKSet, type JSONWebKeySet, jwtVerify } from 'jose'
import { useRef, useState } from 'react'
import { fill, formatDate } from '../../../src/portal/i18n'
import { statusLabel } from './statusLabel'

type Labels = Record<string, string>
type Lang = 'zh' | 'en'
type Credential = Record<string, any>
type Keys = ReturnType<typeof createLocalJWKSet>
/** What is known of a credential's standing. A held credential is `unverified` when it is a JWT whose signature fails. */
type Standing =
  | { kind: 'unknown' }
  | { kind: 'unverified' }
  | { kind: 'current'; status: string }
  | { kind: 'revoked'; revokedAt: string | null; reason: string | null }
  | { kind: 'superseded' }
type Held = { vc: Credential | null; standing: Standing }
type Verified = { state: 'valid'; vc: Credential; issuedAt?: number; standing: Standing; records?: Held[] }
type Outcome = { state: 'idle' } | { state: 'busy' } | { state: 'invalid'; reason: string } | Verified

const UNKNOWN: Standing = { kind: 'unknown' }

/**
 * This platform's own address for a URL it issued, whichever host name the credential was issued
 * under: only the path is taken, and set on this origin (a path that starts with `//` stays a path).
 */
function here(url: string) {
  const local = new URL(window.location.origin)
  local.pathname = new URL(url).pathname
  return local
}

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
 * record that corrected it) comes from the record's own status page beside it, when it answers.
 * Whatever fails here leaves this credential's standing unknown, never the whole check.
 */
async function standingOf(vc: Credential, list: ReturnType<typeof statusLists>): Promise<Standing> {
  try {
    const entry = vc.credentialStatus
    if (entry?.type !== 'BitstringStatusListEntry') return UNKNOWN
    const bits = await list(String(entry.statusListCredential))
    const index = Number(entry.statusListIndex)
    if (!bits || !Number.isInteger(index) || index < 0 || index >= bits.length * 8) return UNKNOWN
    const revoked = (bits[index >> 3]! & (0x80 >> (index & 7))) !== 0
    const details = typeof vc.id === 'string' ? await fetch(here(vc.id.replace(/\/credential$/, '/status'))) : null
    const record = details?.ok ? ((await details.json()) as Credential) : null
    if (!revoked) return { kind: 'current', status: typeof record?.status === 'string' ? record.status : '' }
    if (record?.supersededBy) return { kind: 'superseded' }
    return { kind: 'revoked', revokedAt: record?.revokedAt ?? null, reason: record?.revocationReason ?? null }
  } catch {
    return UNKNOWN
  }
}

/**
 * The credentials a CLR transcript holds (objects, or compact JWTs that must verify on their
 * own: null where one does not); undefined for a single credential.
 */
async function heldCredentials(vc: Credential, keys: Keys): Promise<Array<Credential | null> | undefined> {
  if (![vc.type].flat().includes('ClrCredential')) return undefined
  const held = [vc.credentialSubject?.verifiableCredential ?? []].flat() as Array<Credential | string>
  return Promise.all(
    held.map(async (c) => {
      if (typeof c !== 'string') return c
      try {
        return ((await jwtVerify(c, keys, { algorithms: ['EdDSA'] })).payload.vc as Credential) ?? null
      } catch {
        return null
      }
    }),
  )
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

  // Only the latest check shows: an earlier one (a file picked, then a paste) may finish after it.
  const latest = useRef(0)
  async function verify(jwt: string) {
    const run = ++latest.current
    const show = (next: Outcome) => run === latest.current && setOutcome(next)
    show({ state: 'busy' })
    try {
      const keys = createLocalJWKSet((await (await fetch('/.well-known/jwks.json')).json()) as JSONWebKeySet)
      const { payload } = await jwtVerify(jwt.trim(), keys, { algorithms: ['EdDSA'] })
      const vc = (payload as { vc?: Record<string, any> }).vc
      if (!vc) throw Object.assign(new Error('no "vc" claim'), { code: 'NO_CREDENTIAL' })
      const list = statusLists(keys)
      const held = await heldCredentials(vc, keys)
      const records = held && (await Promise.all(held.map(async (c): Promise<Held> => ({ vc: c, standing: c ? await standingOf(c, list) : { kind: 'unverified' } }))))
      show({ state: 'valid', vc, issuedAt: payload.iat, standing: await standingOf(vc, list), records })
    } catch (error) {
      show({ state: 'invalid', reason: reasonOf(error, t) })
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
        {outcome.state === 'valid' && <VerifiedCredential outcome={outcome} t={t} lang={lang} />}
      </div>
    </>
  )
}

const achievementsOf = (vc: Credential) => [vc.credentialSubject?.achievement ?? []].flat() as Credential[]
const achievementText = (a: Credential, t: Labels) => [a.name, a.humanCode && `(${a.humanCode})`, a.creditsAvailable !== undefined && `· ${a.creditsAvailable} ${t.credits}`].filter(Boolean).join(' ')

/** A held record's standing, in a transcript's table. */
function recordStanding(standing: Standing, t: Labels, lang: Lang) {
  switch (standing.kind) {
    case 'unknown':
      return t.recordStatusUnknown
    case 'unverified':
      return t.recordUnverified
    case 'superseded':
      return t.recordSuperseded
    case 'revoked':
      return standing.revokedAt && standing.reason ? fill(t.recordRevoked, { date: formatDate(standing.revokedAt, lang), reason: standing.reason }) : t.recordRevokedPlain
    case 'current':
      return standing.status ? fill(t.recordCurrent, { status: statusLabel(t, standing.status) }) : t.recordNotRevoked
  }
}

/** A single credential's standing. */
function CredentialStanding({ standing, t, lang }: { standing: Standing; t: Labels; lang: Lang }) {
  switch (standing.kind) {
    case 'unknown':
    case 'unverified':
      return <p className="notice">{t.verifyStatusUnknown}</p>
    case 'superseded':
      return <p className="error">{t.verifySuperseded}</p>
    case 'revoked':
      return <p className="error">{standing.revokedAt && standing.reason ? fill(t.verifyRevoked, { date: formatDate(standing.revokedAt, lang), reason: standing.reason }) : t.verifyRevokedPlain}</p>
    case 'current':
      return <p className="notice">{standing.status ? fill(t.verifyNotRevoked, { status: statusLabel(t, standing.status) }) : t.verifyNotRevokedPlain}</p>
  }
}

/** A transcript's standing over the records it holds: what no longer stands, and what could not be confirmed. */
function TranscriptStanding({ records, t }: { records: Held[]; t: Labels }) {
  if (records.length === 0) return <p className="notice">{t.verifyTranscriptEmpty}</p>
  const withdrawn = records.filter((r) => r.standing.kind === 'revoked' || r.standing.kind === 'superseded').length
  const unconfirmed = records.filter((r) => r.standing.kind === 'unknown' || r.standing.kind === 'unverified').length
  return (
    <>
      {withdrawn > 0 && <p className="error">{fill(t.verifyTranscriptRevoked, { count: withdrawn })}</p>}
      {unconfirmed > 0 && <p className="notice">{fill(t.verifyTranscriptUnknown, { count: unconfirmed })}</p>}
      {withdrawn === 0 && unconfirmed === 0 && <p className="notice">{fill(t.verifyTranscriptCurrent, { count: records.length })}</p>}
    </>
  )
}

function VerifiedCredential({ outcome, t, lang }: { outcome: Verified; t: Labels; lang: Lang }) {
  const { vc, records } = outcome
  // A transcript names its learner by URL; the student number is on the records it holds.
  const subject = [vc.credentialSubject, ...(records ?? []).map((r) => r.vc?.credentialSubject)].find((s) => s?.identifier) ?? vc.credentialSubject
  const validUntil = typeof vc.validUntil === 'string' && Number.isFinite(Date.parse(vc.validUntil)) ? vc.validUntil : undefined
  const lapsed = validUntil !== undefined && Date.parse(validUntil) <= Date.now()
  return (
    <div className="panel">
      <p className="success">{t.verifyValid}</p>
      {records ? <TranscriptStanding records={records} t={t} /> : <CredentialStanding standing={outcome.standing} t={t} lang={lang} />}
      {/* A signature stays valid after a credential's period ends (a mentor certification's, say): the period is the credential's own. */}
      {lapsed && (
        <p className="error" id="verify-lapsed">
          {fill(t.verifyLapsed, { date: formatDate(validUntil, lang) })}
        </p>
      )}
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
        {validUntil && (
          <>
            <dt>{t.validUntil}</dt>
            <dd>{formatDate(validUntil, lang)}</dd>
          </>
        )}
      </dl>
      {records && records.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t.transcriptRecords}>
          <table id="transcript-records">
            <thead>
              <tr>
                <th scope="col">{t.achievement}</th>
                <th scope="col">{t.recordState}</th>
              </tr>
            </thead>
            <tbody>
              {records.map((r, i) => (
                <tr key={i}>
                  <td>{r.vc ? achievementsOf(r.vc).map((a) => achievementText(a, t)).join('; ') : '—'}</td>
                  <td>{recordStanding(r.standing, t, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
