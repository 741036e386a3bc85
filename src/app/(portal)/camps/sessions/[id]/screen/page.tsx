import { requirePortalPlugin } from '../../../../../../portal/session'
import { CheckInScreen } from '../../../../../../../plugins/camps/portal/CheckInScreen'

export default async function Screen({ params }: { params: Promise<{ id: string }> }) {
  await requirePortalPlugin('camps')
  return <CheckInScreen sessionId={(await params).id} />
}
