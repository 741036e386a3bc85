/**
 * The learner's check-in page, made for a phone: the QR code on the screen opens it with the
 * session and the code filled in, and one tap checks in; or the learner types the code shown.
 */
import { fill, pick } from '../../../src/portal/i18n'
import { param, requireUser, type SearchParams } from '../../../src/portal/session'
import { campLabels } from '../translations/portal'
import { checkInAction } from './actions'

export async function CheckInPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams
  const session = param(query.session) ?? ''
  const { lang } = await requireUser(`/camps/check-in?${new URLSearchParams({ session, ...(param(query.code) ? { code: param(query.code) as string } : {}) }).toString()}`)
  const t = pick(campLabels, lang)
  const done = param(query.checkedIn)
  return (
    <>
      <h1>{t.checkInTitle}</h1>
      {done && (
        <p className="success" role="status" id="check-in-result">
          {fill(t.checkedIn, { status: done === 'late' ? t.late : t.present })}
        </p>
      )}
      {param(query.error) && (
        <p className="error" role="alert" id="check-in-error">
          {param(query.error)}
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
