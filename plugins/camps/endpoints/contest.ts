import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'
import { CORE } from '../../../collections/slugs'
import { idOf, userHasRole } from '../../../src/access'
import { clock } from '../../../src/clock'
import { errorResponse, isUniqueViolation } from '../../../src/errors'
import { readJsonBody } from '../../../src/http/readJsonBody'
import { say } from '../../../src/i18n/say'
import { CAMP_SLUGS } from '../constants'
import { answersProblem, questionsForLearner, score } from '../contests/scoring'
import { completeCamp } from '../hooks/completeCamp'
import type { SanitizedCampsOptions } from '../types'

type Doc = Record<string, any>

const loadContest = async (req: PayloadRequest) =>
  (await req.payload.findByID({ collection: CAMP_SLUGS.contests as never, id: req.routeParams?.id as never, depth: 0, overrideAccess: true, disableErrors: true, req })) as Doc | null

const attemptsOf = async (req: PayloadRequest, contest: Doc) =>
  (await req.payload.find({ collection: CAMP_SLUGS.attempts as never, where: { and: [{ contest: { equals: contest.id } }, { learner: { equals: req.user!.id } }] }, sort: 'startedAt', depth: 0, pagination: false, overrideAccess: true, req })).docs as Doc[]

const enrolledIn = async (req: PayloadRequest, camp: unknown) =>
  (await req.payload.count({ collection: CORE.enrollments, where: { and: [{ key: { equals: `${req.user!.id}:${CAMP_SLUGS.camps}:${idOf(camp)}` } }, { status: { in: ['active', 'completed'] } }] }, overrideAccess: true, req })).totalDocs > 0

/**
 * `POST /api/contests/<id>/start` — an enrolled learner starts an attempt, or resumes the one
 * running: the server notes the start and the deadline (the time limit, and never past the
 * contest's close) and answers with the questions, without which choices are correct.
 */
export const startContestEndpoint: Endpoint = {
  path: '/:id/start',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return errorResponse(401, say(req, '请先登录', 'sign in to take the contest'))
    const contest = await loadContest(req)
    if (!contest) return errorResponse(404, `no contest ${req.routeParams?.id}`)
    const now = clock.now()
    if (now < Date.parse(contest.opensAt) || now > Date.parse(contest.closesAt)) return errorResponse(400, say(req, `竞赛开放时间为 ${contest.opensAt} 至 ${contest.closesAt}`, `the contest is open from ${contest.opensAt} to ${contest.closesAt}`))
    if (!(await enrolledIn(req, contest.camp))) return errorResponse(403, say(req, '你没有报名这个项目', 'you are not enrolled in this programme'))
    const attempts = await attemptsOf(req, contest)
    const running = attempts.find((a) => !a.submittedAt && Date.parse(a.deadline) > now)
    const questions = questionsForLearner(contest)
    if (running) return Response.json({ attempt: { id: running.id, startedAt: running.startedAt, deadline: running.deadline }, questions, resumed: true })
    if (attempts.length >= contest.attemptsAllowed) return errorResponse(409, say(req, `已用完作答次数（${contest.attemptsAllowed} 次）`, `no attempts left (${contest.attemptsAllowed} allowed)`))
    const deadline = new Date(Math.min(now + contest.timeLimitSeconds * 1000, Date.parse(contest.closesAt))).toISOString()
    try {
      const attempt = (await req.payload.create({ collection: CAMP_SLUGS.attempts as never, data: { key: `${contest.id}:${req.user.id}:${attempts.length + 1}`, contest: contest.id, learner: req.user.id, startedAt: new Date(now).toISOString(), deadline } as never, overrideAccess: true, depth: 0, req })) as Doc
      return Response.json({ attempt: { id: attempt.id, startedAt: attempt.startedAt, deadline: attempt.deadline }, questions }, { status: 201 })
    } catch (error) {
      if (isUniqueViolation(error, 'key')) return errorResponse(409, say(req, '另一个作答刚刚开始，请刷新页面', 'another attempt was just started; reload the page'))
      throw error
    }
  },
}

const submitSchema = z.strictObject({
  attempt: z.union([z.string(), z.number()]),
  answers: z.array(z.strictObject({ question: z.string().max(64), choices: z.array(z.string().max(64)).max(20) })).max(500),
})

/**
 * `POST /api/contests/<id>/submit` `{ "attempt", "answers": [{ "question", "choices": [...] }] }` —
 * scores the attempt on the server, if it is the learner's, not yet submitted, and within its
 * deadline (plus a few seconds for the network). Answers with the score and which answers were right.
 */
export const submitContestEndpoint = (options: SanitizedCampsOptions): Endpoint => ({
  path: '/:id/submit',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return errorResponse(401, say(req, '请先登录', 'sign in to submit'))
    const body = await readJsonBody(req, submitSchema, '{ "attempt": <id>, "answers": [{ "question": "<id>", "choices": ["<id>"] }] }')
    if ('error' in body) return body.error
    const contest = await loadContest(req)
    if (!contest) return errorResponse(404, `no contest ${req.routeParams?.id}`)
    const attempt = (await req.payload.findByID({ collection: CAMP_SLUGS.attempts as never, id: body.data.attempt as never, depth: 0, overrideAccess: true, disableErrors: true, req })) as Doc | null
    if (!attempt || String(idOf(attempt.contest)) !== String(contest.id) || String(idOf(attempt.learner)) !== String(req.user.id)) return errorResponse(404, say(req, '找不到你的这次作答', 'no such attempt of yours at this contest'))
    if (attempt.submittedAt) return errorResponse(409, say(req, `这次作答已于 ${attempt.submittedAt} 提交`, `this attempt was submitted at ${attempt.submittedAt}`))
    const now = clock.now()
    if (now > Date.parse(attempt.deadline) + options.contests.submitGraceSeconds * 1000) return errorResponse(400, say(req, `作答时间已于 ${attempt.deadline} 结束，未计分`, `the time limit passed at ${attempt.deadline}; the attempt was not scored`))
    const problem = answersProblem(req, contest, body.data.answers)
    if (problem) return errorResponse(400, problem)
    const result = score(contest, body.data.answers)
    const timeTakenSeconds = Math.round((now - Date.parse(attempt.startedAt)) / 100) / 10
    await req.payload.update({ collection: CAMP_SLUGS.attempts as never, id: attempt.id, data: { answers: body.data.answers, score: result.score, submittedAt: new Date(now).toISOString(), timeTakenSeconds } as never, overrideAccess: true, depth: 0, req })
    await completeCamp(req, idOf(contest.camp), req.user.id)
    return Response.json({ score: result.score, correct: result.correct, questions: (contest.questions as Doc[]).length, timeTakenSeconds })
  },
})

/** `GET /api/contests/<id>/leaderboard` — signed-in users: each learner's best submitted attempt, highest score first, ties broken by time taken. */
export const leaderboardEndpoint: Endpoint = {
  path: '/:id/leaderboard',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return errorResponse(401, say(req, '请先登录', 'sign in to see the leaderboard'))
    const contest = await loadContest(req)
    if (!contest) return errorResponse(404, `no contest ${req.routeParams?.id}`)
    if (!userHasRole(req.user, 'admin', 'organizer') && !(await enrolledIn(req, contest.camp))) return errorResponse(403, say(req, '你没有报名这个项目', 'you are not enrolled in this programme'))
    return Response.json({ contest: { id: contest.id, title: contest.title }, entries: await leaderboard(req, contest.id) })
  },
}

/** Each learner's best submitted attempt, ranked. */
export async function leaderboard(req: PayloadRequest, contestId: unknown) {
  const { docs } = await req.payload.find({ collection: CAMP_SLUGS.attempts as never, where: { and: [{ contest: { equals: contestId as never } }, { submittedAt: { exists: true } }] }, depth: 0, pagination: false, overrideAccess: true, req })
  const best = new Map<string, Doc>()
  const better = (a: Doc, b: Doc) => a.score > b.score || (a.score === b.score && a.timeTakenSeconds < b.timeTakenSeconds)
  for (const a of docs as Doc[]) {
    const who = String(idOf(a.learner))
    const current = best.get(who)
    if (!current || better(a, current)) best.set(who, a)
  }
  const ranked = [...best.values()].sort((a, b) => b.score - a.score || a.timeTakenSeconds - b.timeTakenSeconds)
  const ids = ranked.map((a) => idOf(a.learner))
  const names = new Map(((ids.length ? (await req.payload.find({ collection: CORE.users, where: { id: { in: ids } }, select: { name: true } as never, depth: 0, pagination: false, overrideAccess: true, req })).docs : []) as Doc[]).map((u) => [String(u.id), u.name]))
  return ranked.map((a, i) => ({ rank: i + 1, learner: names.get(String(idOf(a.learner))) ?? '', score: a.score, timeTakenSeconds: a.timeTakenSeconds }))
}
