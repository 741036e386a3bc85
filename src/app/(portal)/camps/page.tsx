import { requirePortalPlugin } from '../../../portal/session'
import { MyCampsPage } from '../../../../plugins/camps/portal/MyCampsPage'
import { titleFrom } from '../../../portal/pageTitle'
import { campLabels } from '../../../../plugins/camps/translations/portal'

export const generateMetadata = titleFrom(campLabels, 'myCamps')

export default async function Camps() {
  await requirePortalPlugin('camps')
  return <MyCampsPage />
}
