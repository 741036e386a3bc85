/**
 * Seeds the demo programmes: camps, sessions past and coming, the learners' enrolments, the
 * attendance an organiser took at the past sessions, and a contest with submitted attempts for
 * its leaderboard. Only when the camps plugin is enabled; a programme already there is left alone.
 */
import type { Payload } from 'payload'
import { score } from '../plugins/camps/contests/scoring'
import { demoCamps } from './data/camps'

type Id = number | string
type Doc = Record<string, any>
type Lookup = { org: (key: string) => Id; user: (email: string) => Id; progress: (message: string) => void }
const DAY = 86_400_000

/** Midnight of today in China, plus days and hours: demo times fall on sensible hours there. */
const at = (days: number, hour = 0) => {
  const today = new Date()
  const midnightShanghai = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - 8 * 3_600_000
  return new Date(midnightShanghai + days * DAY + hour * 3_600_000)
}

export async function seedCamps(payload: Payload, { org, user, progress }: Lookup): Promise<number> {
  if (!payload.collections['camps' as never]) return 0
  const organizer = { ...(await payload.findByID({ collection: 'users', id: user('organizer@lianpei.demo'), depth: 0, overrideAccess: true })), collection: 'users' } as never
  const local = { overrideAccess: true, user: organizer, depth: 0 } as const
  let created = 0
  for (const c of demoCamps) {
    if ((await payload.find({ collection: 'camps' as never, where: { code: { equals: c.code } }, limit: 1, overrideAccess: true })).docs.length) continue
    const camp = (await payload.create({
      collection: 'camps' as never,
      data: { code: c.code, title: c.title, titleEn: c.titleEn, kind: c.kind, summary: c.summary, organization: org(c.organization), partners: c.partners.map(org), startsOn: at(c.startsInDays).toISOString(), endsOn: at(c.endsInDays, 23).toISOString(), capacity: c.capacity, credits: c.credits, hours: c.hours, creditCategory: c.creditCategory, completionRule: { minAttendanceRate: c.minAttendanceRate } } as never,
      ...local,
    })) as Doc
    created++
    progress(`  + camps: ${c.code} ${c.title}`)
    const sessions: Doc[] = []
    for (const s of c.sessions) {
      const start = at(s.inDays, s.atHour)
      sessions.push((await payload.create({ collection: 'camp-sessions' as never, data: { camp: camp.id, title: s.title, kind: s.kind, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + s.hours * 3_600_000).toISOString(), place: s.place, onlineLink: s.onlineLink, speaker: s.speaker } as never, ...local })) as Doc)
    }
    for (const email of c.learners) await payload.create({ collection: 'enrollments', data: { learner: user(email), source: { relationTo: 'camps', value: camp.id } } as never, ...local })
    for (const [i, statuses] of c.attendance.entries()) {
      for (const [j, status] of statuses.entries()) {
        await payload.create({ collection: 'attendance' as never, data: { session: sessions[i].id, learner: user(c.learners[j]), status, checkedInAt: sessions[i].startsAt } as never, ...local })
      }
    }
    if (c.contest) {
      const k = c.contest
      const contest = (await payload.create({
        collection: 'contests' as never,
        data: { title: k.title, camp: camp.id, opensAt: at(-7).toISOString(), closesAt: at(c.endsInDays, 23).toISOString(), timeLimitSeconds: k.timeLimitSeconds, attemptsAllowed: 1, questions: k.questions.map((q) => ({ text: q.text, kind: q.kind, points: q.points, choices: q.choices.map(([text, correct]) => ({ text, correct })) })) } as never,
        ...local,
      })) as Doc
      for (const entry of k.scores) {
        // The first `right` questions answered right, the rest left blank.
        const answers = (contest.questions as Doc[]).slice(0, entry.right).map((q) => ({ question: String(q.id), choices: (q.choices as Doc[]).filter((ch) => ch.correct).map((ch) => String(ch.id)) }))
        const startedAt = at(-2, 20)
        await payload.create({
          collection: 'contest-attempts' as never,
          data: { key: `${contest.id}:${user(entry.learner)}:1`, contest: contest.id, learner: user(entry.learner), startedAt: startedAt.toISOString(), deadline: new Date(startedAt.getTime() + k.timeLimitSeconds * 1000).toISOString(), submittedAt: new Date(startedAt.getTime() + entry.seconds * 1000).toISOString(), answers, score: score(contest, answers).score, timeTakenSeconds: entry.seconds } as never,
          overrideAccess: true,
        })
      }
      await payload.update({ collection: 'camps' as never, id: camp.id, data: { completionRule: { minAttendanceRate: c.minAttendanceRate, contest: contest.id, minContestScore: c.minContestScore } } as never, ...local })
    }
  }
  return created
}
