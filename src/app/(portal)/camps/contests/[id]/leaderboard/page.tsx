import { requirePortalPlugin } from '../../../../../../portal/session'
import { LeaderboardPage } from '../../../../../../../plugins/camps/portal/LeaderboardPage'

export default async function Leaderboard({ params }: { params: Promise<{ id: string }> }) {
  await requirePortalPlugin('camps')
  return <LeaderboardPage contestId={(await params).id} />
}
