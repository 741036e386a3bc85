/**
 * The learner's check-in page, made for a phone: the QR code on the screen opens it with the
 * session and the code filled in, and one tap checks in; or the learner types the code shown.
 */
import { fill, pick } from '../../../src/portal/i18n'
import { signedText } from '../../../src/portal/actionMessage'
import { param, requireUser, type SearchParams } from '../../../src/portal/session'
import { campLabels } from '../translations/portal'
import { checkInAction } from './actions'
import { CHECK_IN_PATH } from './paths'

export async function CheckInPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams
  const session = param(query.session) ?? ''
  const { lang, payload } = await requireUser(`${CHECK_IN_PATH}?${new URLSearchParams({ session, ...(param(query.code) ? { code: param(query.code) as string } : {}) }).toString()}`)
  const t = pick(campLabels, lang)
  const done = param(query.checkedIn)
  const refusal = signedText(payload, CHECK_IN_PATH, query, 'error')
  return (
    <>
      <h1>{t.checkInTitle}</h1>
      {done && (
        <p className="success" role="status" id="check-in-result">
          {fill(t.checkedIn, { status: done === 'late' ? t.late : t.present })}
        </p>
      )}
      {refusal && (
        <p className="error" role="alert" id="check-in-error">
          {refusal}
        </p>
      )}
      {!done && (
        <form action={checkInAction} className="panel check-in">
          <input type="hidden" name="session" value={session} />
          <label>
            {t.codeLabel}
            <input name="code" inputMode="numeric" pattern="\d{6}" maxLength={6} autoComplete="one-time-code" required defaultValue={param(query.code) ?? ''} className="check-in-code" />
          </label>
          <button type="submit" id="check-in-button">
            {t.checkInButton}
          </button>
        </form>
      )}
    </>
  )
}
