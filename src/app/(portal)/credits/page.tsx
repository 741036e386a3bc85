import { requirePortalPlugin } from '../../../portal/session'
import { MyCreditsPage } from '../../../../plugins/credits/portal/MyCreditsPage'
import { titleFrom } from '../../../portal/pageTitle'
import { creditLabels } from '../../../../plugins/credits/translations/portal'

export const generateMetadata = titleFrom(creditLabels, 'creditsTitle')

export default async function Credits() {
  await requirePortalPlugin('credits')
  return <MyCreditsPage />
}
