/** Ask for a reset link; the email goes out through the jobs queue. */
import { requestPasswordReset } from '../actions'
import { fill, pick } from '../i18n'
import { param, portalContext, type SearchParams } from '../session'
import { portalLabels } from '../translations'

export async function ForgotPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const { lang } = await portalContext()
  const t = pick(portalLabels, lang)
  const query = await searchParams
  return (
    <section className="narrow">
      <h1>{t.forgotTitle}</h1>
      {param(query.sent) ? (
        <p className="notice" role="status">
          {t.forgotSent}
        </p>
      ) : (
        <>
          <p>{t.forgotHelp}</p>
          {param(query.error) && (
            <p className="error" role="alert">
              {param(query.error) === 'busy' ? fill(t.tooManyAttempts, { seconds: Number(param(query.retry)) || 60 }) : t.emailInvalid}
            </p>
          )}
          <form action={requestPasswordReset} className="stack">
            <input type="hidden" name="lang" value={lang} />
            <label>
              {t.email}
              <input type="email" name="email" autoComplete="email" required />
            </label>
            <button type="submit">{t.forgotSend}</button>
          </form>
        </>
      )}
    </section>
  )
}
