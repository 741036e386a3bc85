'use client'
/**
 * Verifies a LianPei credential in the browser, as any third party could: the VC-JWT's EdDSA
 * signature against the platform's published keys (/.well-known/jwks.json, with jose), then the
 * record's revocation status from its `credentialStatus`. Nothing is sent to the server but
 * those two reads.
 */
import { createLocalJWKSet, type JSONWebKeySet, jwtVerify } from 'jose'
import { useState } from 'react'
import { formatDate } from '../../../src/portal/i18n'

type Labels = Record<string, string>
type Outcome =
  | { state: 'idle' }
  | { state: 'busy' }
  | { state: 'invalid'; reason: string }
  | { state: 'valid'; vc: Record<string, any>; issuedAt?: number; status?: { revoked: boolean; status: string; revokedAt?: string | null; revocationReason?: string | null } | null }

/** This platform's own address for a URL it issued, whichever host name the credential was issued under. */
const here = (url: string) => new URL(new URL(url).pathname, window.location.origin)

/**
 * Revocation as any verifier reads it: the signed Bitstring Status List the credential points
 * into, and its bit. The record's status in words (date and reason of a revocation) comes from
 * the record's own status page beside it; null when either cannot be read.
 */
async function revocationOf(vc: Record<string, any>, keys: ReturnType<typeof createLocalJWKSet>) {
  const entry = vc.credentialStatus
  if (entry?.type !== 'BitstringStatusListEntry') return null
  const list = await fetch(here(entry.statusListCredential))
  if (!list.ok) return null
  const { payload } = await jwtVerify((await list.text()).trim(), keys, { algorithms: ['EdDSA'] })
  const encoded = String((payload.vc as Record<string, any>)?.credentialSubject?.encodedList ?? '')
  const bits = new Uint8Array(await new Response(new Blob([base64url(encoded.slice(1))]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer())
  const index = Number(entry.statusListIndex)
  const revoked = (bits[index >> 3] & (0x80 >> (index & 7))) !== 0
  const details = typeof vc.id === 'string' ? await fetch(here(vc.id.replace(/\/credential$/, '/status'))) : null
  const record = details?.ok ? await details.json() : {}
  return { revoked, status: String(record.status ?? (revoked ? 'revoked' : '')), revokedAt: record.revokedAt ?? null, revocationReason: record.revocationReason ?? null }
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

const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole)

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
      setOutcome({ state: 'valid', vc, issuedAt: payload.iat, status: await revocationOf(vc, keys) })
    } catch (error) {
      setOutcome({ state: 'invalid', reason: reasonOf(error, t) })
    }
  }

  const achievements = (vc: Record<string, any>) => [vc.credentialSubject?.achievement ?? []].flat() as Array<Record<string, any>>
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
        {outcome.state === 'valid' && (
          <div className="panel">
            <p className="success">{t.verifyValid}</p>
            {outcome.status === null || outcome.status === undefined ? (
              <p className="notice">{t.verifyStatusUnknown}</p>
            ) : outcome.status.revoked ? (
              <p className="error">{fill(t.verifyRevoked, { date: String(outcome.status.revokedAt ?? ''), reason: String(outcome.status.revocationReason ?? '') })}</p>
            ) : (
              <p className="notice">{fill(t.verifyNotRevoked, { status: outcome.status.status })}</p>
            )}
            <dl className="facts">
              <dt>{t.issuer}</dt>
              <dd>{String(outcome.vc.issuer?.name ?? outcome.vc.issuer?.id ?? '')}</dd>
              <dt>{t.subject}</dt>
              <dd>
                {[...[outcome.vc.credentialSubject?.identifier ?? []].flat().map((i: Record<string, any>) => `${t.studentNumber} ${String(i.identityHash)}`), String(outcome.vc.credentialSubject?.id ?? '')]
                  .filter(Boolean)
                  .join(' · ')}
              </dd>
              <dt>{t.achievement}</dt>
              <dd>
                {achievements(outcome.vc).map((a) => (
                  <div key={String(a.id)}>
                    {String(a.name)} {a.humanCode ? `(${a.humanCode})` : ''} {a.creditsAvailable !== undefined ? `· ${a.creditsAvailable} ${t.credits}` : ''}
                  </div>
                ))}
              </dd>
              <dt>{t.issued}</dt>
              <dd>{String(outcome.vc.validFrom ?? '').slice(0, 10) || (outcome.issuedAt ? formatDate(new Date(outcome.issuedAt * 1000), lang) : '')}</dd>
            </dl>
          </div>
        )}
      </div>
    </>
  )
}
