'use client'
/* A page that failed on the server: the portal's 500, in the language the page was in. */
import { useRouter } from 'next/navigation'
import { startTransition } from 'react'
import { pick } from '../../portal/i18n'
import { usePortalLang } from '../../portal/PortalLang'
import { portalLabels } from '../../portal/translations'

export default function PortalError({ reset }: { error: Error; reset: () => void }) {
  const router = useRouter()
  const t = pick(portalLabels, usePortalLang())
  // reset() alone renders again what the browser already has: a page that failed on the server
  // must be asked of the server again.
  const retry = () =>
    startTransition(() => {
      router.refresh()
      reset()
    })
  return (
    <section className="narrow">
      <h1>{t.errorTitle}</h1>
      <p>{t.errorText}</p>
      <p>
        <button type="button" id="retry" onClick={retry}>
          {t.retry}
        </button>{' '}
        <a href="/">{t.home}</a>
      </p>
    </section>
  )
}
