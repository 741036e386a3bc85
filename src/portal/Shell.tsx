/** The portal's frame: header with navigation, language toggle and account, then the page. */
import type React from 'react'
import { Suspense } from 'react'
import { userHasRole } from '../access'
import { fill, pick } from './i18n'
import { portalPluginEnabled } from './plugins'
import { ReturnField, ReturnLink } from './ReturnLink'
import { portalContext } from './session'
import { signOut } from './actions'
import { isStaff } from './staff'
import { portalLabels } from './translations'

export async function Shell({ children }: { children: React.ReactNode }) {
  const { payload, user, lang } = await portalContext()
  const t = pick(portalLabels, lang)
  const has = (plugin: Parameters<typeof portalPluginEnabled>[1]) => portalPluginEnabled(payload.config, plugin)
  const staff = isStaff(user)
  return (
    <>
      <a className="skip" href="#main">
        {t.skip}
      </a>
      <header className="site-header">
        <a className="brand" href="/" aria-label={t.brandLong}>
          {t.brand}
        </a>
        <nav aria-label={t.brand}>
          <ul>
            {has('open-courses') && (
              <li>
                <a href="/">{t.navCatalogue}</a>
              </li>
            )}
            {user && has('open-courses') && (
              <li>
                <a href="/learning">{t.navLearning}</a>
              </li>
            )}
            {user && has('credits') && (
              <li>
                <a href="/credits">{t.navCredits}</a>
              </li>
            )}
            {user && has('credits') && userHasRole(user, 'registrar', 'admin') && (
              <li>
                <a href="/registrar">{t.navRegistrar}</a>
              </li>
            )}
            {user && has('camps') && (
              <li>
                <a href="/camps">{t.navCamps}</a>
              </li>
            )}
            {has('mentor-training') && (
              <li>
                <a href="/mentors">{t.navMentors}</a>
              </li>
            )}
            {user && has('mentor-training') && userHasRole(user, 'mentor') && (
              <li>
                <a href="/mentor">{t.navMentor}</a>
              </li>
            )}
            {has('credits') && (
              <li>
                <a href="/verify">{t.navVerify}</a>
              </li>
            )}
            {staff && (
              <li>
                <a href="/admin">{t.navAdmin}</a>
              </li>
            )}
          </ul>
        </nav>
        <div className="account">
          <Suspense fallback={null}>
            <ReturnLink href={`/language?to=${lang === 'zh' ? 'en' : 'zh'}`} param="back" lang={lang === 'zh' ? 'en' : 'zh'} title={t.languageLabel} className="language" id="language-toggle">
              {t.language}
            </ReturnLink>
          </Suspense>
          {user ? (
            <form action={signOut}>
              <Suspense fallback={null}>
                <ReturnField />
              </Suspense>
              <span className="who">{fill(t.signedInAs, { name: user.name ?? user.email })}</span>{' '}
              <button type="submit" className="link-button" id="sign-out">
                {t.signOut}
              </button>
            </form>
          ) : (
            <Suspense fallback={<a href="/sign-in">{t.signIn}</a>}>
              <ReturnLink href="/sign-in" param="next" id="sign-in-link">
                {t.signIn}
              </ReturnLink>
            </Suspense>
          )}
        </div>
      </header>
      <main id="main">{children}</main>
      <footer className="site-footer">{t.footer}</footer>
    </>
  )
}
