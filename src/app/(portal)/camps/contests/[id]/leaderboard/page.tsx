import { requirePortalPlugin } from '../../../../../../portal/session'
import { LeaderboardPage } from '../../../../../../../plugins/camps/portal/LeaderboardPage'
import { titleFrom } from '../../../../../../portal/pageTitle'
import { campLabels } from '../../../../../../../plugins/camps/translations/portal'

export const generateMetadata = titleFrom(campLabels, 'leaderboard')

export default async function Leaderboard({ params }: { params: Promise<{ id: string }> }) {
  await requirePortalPlugin('camps')
  return <LeaderboardPage contestId={(await params).id} />
}
