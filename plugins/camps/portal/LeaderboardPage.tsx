/** A contest's leaderboard: each learner's best attempt, highest score first, ties by time taken. */
import { notFound } from 'next/navigation'
import { formatNumber, pick } from '../../../src/portal/i18n'
import { portalRequest, requireUser } from '../../../src/portal/session'
import { CAMP_SLUGS } from '../constants'
import { leaderboard } from '../endpoints/contest'
import { campLabels } from '../translations/portal'

export async function LeaderboardPage({ contestId }: { contestId: string }) {
  const { payload, lang } = await requireUser(`/camps/contests/${contestId}/leaderboard`)
  const req = await portalRequest()
  // Readable to the learners of its programme and to staff, as the contest itself is.
  const contest = (await payload.findByID({ collection: CAMP_SLUGS.contests as never, id: contestId as never, depth: 0, req, overrideAccess: false, disableErrors: true })) as Record<string, any> | null
  if (!contest) notFound()
  const t = pick(campLabels, lang)
  const entries = await leaderboard(req, contest.id)
  return (
    <>
      <h1>
        {contest.title} · {t.leaderboard}
      </h1>
      {entries.length === 0 && <p>{t.noEntries}</p>}
      {entries.length > 0 && (
        <table id="leaderboard">
          <thead>
            <tr>
              <th scope="col">{t.rank}</th>
              <th scope="col">{t.learner}</th>
              <th scope="col">{t.points}</th>
              <th scope="col">{t.time}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.rank}>
                <td>{e.rank}</td>
                <td>{e.learner}</td>
                <td>{formatNumber(e.score, lang)}</td>
                <td>{formatNumber(e.timeTakenSeconds, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
