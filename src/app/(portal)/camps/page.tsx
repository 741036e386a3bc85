import { requirePortalPlugin } from '../../../portal/session'
import { MyCampsPage } from '../../../../plugins/camps/portal/MyCampsPage'

export default async function Camps() {
  await requirePortalPlugin('camps')
  return <MyCampsPage />
}
