import { requirePortalPlugin } from '../../../../../portal/session'
import { ContestPage } from '../../../../../../plugins/camps/portal/ContestPage'

export default async function Contest({ params }: { params: Promise<{ id: string }> }) {
  await requirePortalPlugin('camps')
  return <ContestPage contestId={(await params).id} />
}
