/** Choose a new password with the token from the reset email (Payload's resetPassword). */
import { resetPassword } from '../actions'
import { pick } from '../i18n'
import { param, portalContext, type SearchParams } from '../session'
import { portalLabels } from '../translations'

export async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const { lang } = await portalContext()
  const t = pick(portalLabels, lang)
  const query = await searchParams
  const error = param(query.error)
  return (
    <section className="narrow">
      <h1>{t.resetTitle}</h1>
      {error && (
        <p className="error" role="alert">
          {error === 'short' ? t.passwordTooShort : t.resetFailed}
        </p>
      )}
      {error === 'invalid' ? (
        <p>
          <a href="/forgot-password">{t.forgotTitle}</a>
        </p>
      ) : (
        <form action={resetPassword} className="stack">
          <input type="hidden" name="token" value={param(query.token) ?? ''} />
          <label>
            {t.password}
            <input type="password" name="password" autoComplete="new-password" minLength={8} required />
          </label>
          <button type="submit">{t.resetSave}</button>
        </form>
      )}
    </section>
  )
}
