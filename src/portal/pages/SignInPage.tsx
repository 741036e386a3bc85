/** Sign in with email and password (Payload's login); back to the page the visitor came from. */
import { signIn } from '../actions'
import { isStaff } from '../staff'
import { fill, pick } from '../i18n'
import { localPath } from '../localPath'
import { param, portalContext, type SearchParams } from '../session'
import { portalLabels } from '../translations'

export async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, lang } = await portalContext()
  const t = pick(portalLabels, lang)
  const query = await searchParams
  const next = localPath(param(query.next))
  if (user) {
    return (
      <section className="narrow">
        <h1>{t.signInTitle}</h1>
        <p>{user.email}</p>
        {isStaff(user) && (
          <p className="notice">
            {t.staffHint} <a href="/admin">{t.navAdmin}</a>
          </p>
        )}
        <p>
          <a href={next}>{t.home}</a>
        </p>
      </section>
    )
  }
  return (
    <section className="narrow">
      <h1>{t.signInTitle}</h1>
      {param(query.next) && !param(query.error) && <p className="notice">{t.signInRequired}</p>}
      {param(query.error) && (
        <p className="error" role="alert">
          {param(query.error) === 'busy' ? fill(t.tooManyAttempts, { seconds: Number(param(query.retry)) || 60 }) : t.signInFailed}
        </p>
      )}
      {param(query.reset) && (
        <p className="notice" role="status">
          {t.resetDone}
        </p>
      )}
      <form action={signIn} className="stack">
        <input type="hidden" name="next" value={next} />
        <label>
          {t.email}
          <input type="email" name="email" autoComplete="username" required />
        </label>
        <label>
          {t.password}
          <input type="password" name="password" autoComplete="current-password" required />
        </label>
        <button type="submit" id="sign-in">
          {t.signIn}
        </button>
      </form>
      <p>
        <a href="/forgot-password">{t.forgot}</a>
      </p>
    </section>
  )
}
