/**
 * A knowledge contest: its rules, then the questions once the learner starts (the server's clock
 * starts then), a countdown to the server's deadline, and the score on submission. The questions
 * and answers live in ContestRunner, which talks to the contest endpoints.
 */
import { notFound } from 'next/navigation'
import { fill, pick } from '../../../src/portal/i18n'
import { portalRequest, requireUser } from '../../../src/portal/session'
import { CAMP_SLUGS } from '../constants'
import { campLabels } from '../translations/portal'
import { ContestRunner } from './ContestRunner'

export async function ContestPage({ contestId }: { contestId: string }) {
  const { payload, lang } = await requireUser(`/camps/contests/${contestId}`)
  const contest = (await payload.findByID({ collection: CAMP_SLUGS.contests as never, id: contestId as never, depth: 0, req: await portalRequest(), overrideAccess: false, disableErrors: true })) as Record<string, any> | null
  if (!contest) notFound()
  const t = pick(campLabels, lang)
  return (
    <>
      <h1>{contest.title}</h1>
      <p>{fill(t.contestIntro, { minutes: Math.round(contest.timeLimitSeconds / 60) })}</p>
      <ContestRunner contestId={String(contest.id)} labels={{ start: t.start, submit: t.submit, timeLeft: t.timeLeft, score: t.score, timeUp: t.timeUp, leaderboard: t.leaderboard }} />
    </>
  )
}
