import { requirePortalPlugin } from '../../../../../portal/session'
import { ContestPage } from '../../../../../../plugins/camps/portal/ContestPage'
import { titleFrom } from '../../../../../portal/pageTitle'
import { campLabels } from '../../../../../../plugins/camps/translations/portal'

export const generateMetadata = titleFrom(campLabels, 'contests')

export default async function Contest({ params }: { params: Promise<{ id: string }> }) {
  await requirePortalPlugin('camps')
  return <ContestPage contestId={(await params).id} />
}
