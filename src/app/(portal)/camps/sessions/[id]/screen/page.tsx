import { requirePortalPlugin } from '../../../../../../portal/session'
import { CheckInScreen } from '../../../../../../../plugins/camps/portal/CheckInScreen'
import { titleFrom } from '../../../../../../portal/pageTitle'
import { campLabels } from '../../../../../../../plugins/camps/translations/portal'

export const generateMetadata = titleFrom(campLabels, 'screenTitle')

export default async function Screen({ params }: { params: Promise<{ id: string }> }) {
  await requirePortalPlugin('camps')
  return <CheckInScreen sessionId={(await params).id} />
}
