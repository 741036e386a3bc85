import { requirePortalPlugin } from '../../../portal/session'
import { MyCreditsPage } from '../../../../plugins/credits/portal/MyCreditsPage'

export default async function Credits() {
  await requirePortalPlugin('credits')
  return <MyCreditsPage />
}
