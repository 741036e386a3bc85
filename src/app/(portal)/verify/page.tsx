import { requirePortalPlugin } from '../../../portal/session'
import { VerifyPage } from '../../../../plugins/credits/portal/VerifyPage'
import { titleFrom } from '../../../portal/pageTitle'
import { creditLabels } from '../../../../plugins/credits/translations/portal'

export const generateMetadata = titleFrom(creditLabels, 'verifyTitle')

export default async function Verify() {
  await requirePortalPlugin('credits')
  return <VerifyPage />
}
