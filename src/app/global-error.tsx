'use client'
/*
 * A failure in a root layout itself (the portal's layout reads the user and the language before
 * any page renders): the portal's own error page cannot render inside a layout that failed, and Next's
 * default says only "Application error" in English. The layout's language is unknown here, so the
 * page says it in both. Trying again reloads the whole page: the layout must run on the server
 * again, which `reset` alone does not ask for.
 */
import '../portal/portal.css'
import { SITE_NAME } from '../portal/i18n'
import { portalLabels } from '../portal/translations'

export default function GlobalError() {
  const { zh, en } = portalLabels
  return (
    <html lang="zh-CN">
      <body>
        <title>{`${zh.errorTitle} · ${en.errorTitle} · ${SITE_NAME}`}</title>
        <main id="main">
          <section className="narrow">
            <h1>
              {zh.errorTitle} <span lang="en">· {en.errorTitle}</span>
            </h1>
            <p>{zh.errorText}</p>
            <p lang="en">{en.errorText}</p>
            <p>
              <button type="button" id="retry" onClick={() => window.location.reload()}>
                {zh.retry} <span lang="en">· {en.retry}</span>
              </button>{' '}
              <a href="/">
                {zh.home} <span lang="en">· {en.home}</span>
              </a>
            </p>
          </section>
        </main>
      </body>
    </html>
  )
}
