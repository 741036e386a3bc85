import { pick } from '../i18n'
import { portalContext } from '../session'
import { portalLabels } from '../translations'

export async function NotFoundPage() {
  const { lang } = await portalContext()
  const t = pick(portalLabels, lang)
  return (
    <section className="narrow">
      <h1>{t.notFoundTitle}</h1>
      <p>{t.notFoundText}</p>
      <p>
        <a href="/">{t.home}</a>
      </p>
    </section>
  )
}
