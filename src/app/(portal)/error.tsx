'use client'
/* A page that failed on the server: the portal's 500, in the language the page was in. */
import { pick } from '../../portal/i18n'
import { portalLabels } from '../../portal/translations'

export default function PortalError({ reset }: { error: Error; reset: () => void }) {
  const t = pick(portalLabels, typeof document !== 'undefined' && document.documentElement.lang === 'en' ? 'en' : 'zh')
  return (
    <section className="narrow">
      <h1>{t.errorTitle}</h1>
      <p>{t.errorText}</p>
      <p>
        <button type="button" onClick={() => reset()}>
          {t.retry}
        </button>{' '}
        <a href="/">{t.home}</a>
      </p>
    </section>
  )
}
