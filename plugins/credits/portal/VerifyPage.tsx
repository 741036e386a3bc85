/** Verify a credential: open to anyone, the check runs in the visitor's browser. */
import { pick } from '../../../src/portal/i18n'
import { portalContext } from '../../../src/portal/session'
import { creditLabels } from '../translations/portal'
import { VerifyCredential } from './VerifyCredential'

export async function VerifyPage() {
  const { lang } = await portalContext()
  const t = pick(creditLabels, lang)
  return (
    <>
      <h1>{t.verifyTitle}</h1>
      <p className="muted">{t.verifyIntro}</p>
      <VerifyCredential t={t} lang={lang} />
    </>
  )
}
