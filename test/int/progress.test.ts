/**
 * Progress kept per learner × module (issue 10): concurrent statements that finish a course give
 * exactly one completion and one credit record; statements out of order never lower progress nor
 * bring back an older "last" score; the rebuild command gives what ingest gave; a changed rule is
 * re-evaluated by a job, not in the author's request. On SQLite and PostgreSQL alike.
 */
import { randomUUID } from 'node:crypto'
import { commitTransaction, createLocalReq, initTransaction } from 'payload'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { courseDefinitions } from '../../plugins/open-courses/progress/courseDefinitions'
import { enrollmentKey, foldEvents, moduleProgressStore, writeAtomically } from '../../plugins/open-courses/progress/moduleProgressStore'
import { rebuildProgress } from '../../plugins/open-courses/progress/rebuildProgress'
import { reevaluateCourse } from '../../plugins/open-courses/progress/reevaluateCourse'
import { runJobs } from '../helpers/credits'
import { createCourse, createOrganization, createUser, login } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/testApp'

type Id = number | string
type Doc = Record<string, any>
type Learner = { id: Id; email: string; token: string }
let t: TestApp
let org: Id

const VERB = (v: string) => ({ id: `http://adlnet.gov/expapi/verbs/${v}`, display: { 'en-US': v } })
const activity = (moduleId: Id) => `https://lianpei.test/modules/${moduleId}`

beforeAll(async () => {
  t = await startTestApp()
  org = (await createOrganization(t.payload, 'university', '10711')).id
})
afterAll(async () => t?.stop())

async function newLearner(): Promise<Learner> {
  const u = await createUser(t.payload, ['student'], org, { homeUniversity: org })
  return { ...u, token: await login(t.app, u.email) }
}

async function course(kinds: string[], rule: Record<string, unknown> = { minAverageScore: 60, scorePolicy: 'best' }) {
  const c = await createCourse(t.payload, org, { completionRule: rule })
  const modules: Doc[] = []
  for (const [i, kind] of kinds.entries()) {
    modules.push(await t.payload.create({ collection: 'modules', data: { course: c.id, title: `模块 ${i + 1}`, order: i + 1, kind } as never, overrideAccess: true }))
  }
  await runJobs(t.payload) // the re-evaluations that adding modules queued
  return { course: c, modules }
}

async function enrol(who: Learner, courseId: Id): Promise<Id> {
  const res = await request(t.app).post('/api/enrollments').set('Authorization', `JWT ${who.token}`).send({ source: { relationTo: 'courses', value: courseId } })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc.id
}

const send = (who: Learner, body: unknown) =>
  request(t.app).post('/api/xapi/statements').set('Authorization', `JWT ${who.token}`).set('X-Experience-API-Version', '1.0.3').send(body as object)

const answered = (who: Learner, module: Doc, scaled: number, timestamp?: string) => ({
  id: randomUUID(),
  actor: { objectType: 'Agent', mbox: `mailto:${who.email}` },
  verb: VERB(module.kind === 'lesson' ? 'experienced' : 'answered'),
  object: { objectType: 'Activity', id: activity(module.id) },
  ...(module.kind === 'lesson' ? {} : { result: { score: { scaled }, completion: true } }),
  ...(timestamp ? { timestamp } : {}),
})

const enrollment = (id: Id) => t.payload.findByID({ collection: 'enrollments', id, overrideAccess: true, depth: 0 }) as Promise<Doc>
const completionsOf = async (who: Learner, courseId: Id) =>
  (await t.payload.count({ collection: 'completions', where: { key: { equals: `${who.id}:courses:${courseId}` } }, overrideAccess: true })).totalDocs
const moduleRows = async (who: Learner) =>
  ((await t.payload.find({ collection: 'module-progress' as never, where: { learner: { equals: who.id } }, overrideAccess: true, depth: 0, pagination: false, sort: 'key' })).docs as Doc[]).map(
    ({ key, attempts, scoredAttempts, bestScore, lastScore, lastScoreAt, scoreSum }) => ({ key, attempts, scoredAttempts, bestScore, lastScore, lastScoreAt, scoreSum }),
  )

describe('concurrent statements', () => {
  it('50 at once that finish every required module: progress 100, completed, one completion, one credit record', async () => {
    const { course: c, modules } = await course(['h5p', 'quiz', 'h5p', 'quiz', 'lesson'])
    const learner = await newLearner()
    const enrollmentId = await enrol(learner, c.id)
    const statements = Array.from({ length: 50 }, (_, i) => answered(learner, modules[i % modules.length], 0.7 + (i % 3) * 0.1))
    const results = await Promise.all(statements.map((s) => send(learner, s)))
    expect(results.map((r) => r.status)).toEqual(statements.map(() => 200))
    expect((await enrollment(enrollmentId)).progress).toBe(100)
    // Completing the course is queued work, off the statements' path.
    await runJobs(t.payload)
    const after = await enrollment(enrollmentId)
    expect(after.progress).toBe(100)
    expect(after.status).toBe('completed')
    expect(await completionsOf(learner, c.id)).toBe(1)
    const records = await t.payload.count({ collection: 'credit-records', where: { and: [{ learner: { equals: learner.id } }, { sourceId: { equals: String(c.id) } }] }, overrideAccess: true })
    expect(records.totalDocs).toBe(1)
    const rows = await moduleRows(learner)
    expect(rows).toHaveLength(5)
    expect(rows.reduce((n, r) => n + r.attempts, 0)).toBe(50)
  })

  it('several learners at once, in batches as an H5P quiz sends them: each completes exactly once', async () => {
    const { course: c, modules } = await course(['h5p', 'h5p', 'quiz'])
    const learners = await Promise.all(Array.from({ length: 6 }, newLearner))
    const ids = await Promise.all(learners.map((l) => enrol(l, c.id)))
    const batches = learners.flatMap((l) => Array.from({ length: 4 }, () => modules.map((m) => answered(l, m, 0.9))))
    const results = await Promise.all(batches.map((b, i) => send(learners[Math.floor(i / 4)], b)))
    expect(results.every((r) => r.status === 200)).toBe(true)
    await runJobs(t.payload)
    for (const [i, l] of learners.entries()) {
      expect((await enrollment(ids[i])).status).toBe('completed')
      expect(await completionsOf(l, c.id)).toBe(1)
    }
  })
})

describe('out of order', () => {
  it('an enrolment’s stored progress is raised, never lowered, by the one write that sets several at once', async () => {
    const { course: c } = await course(['h5p', 'h5p'])
    const [a, b] = [await newLearner(), await newLearner()]
    const [enrolledA, enrolledB] = [await enrol(a, c.id), await enrol(b, c.id)]
    const store = moduleProgressStore(t.payload)
    const write = (changes: Array<[Learner, number]>, mode: 'raise' | 'exact') =>
      writeAtomically(t.payload, () => [], (exec) => store.writeProgress(exec, changes.map(([who, progress]) => ({ key: enrollmentKey(who.id, c.id), progress })), mode))
    await write([[a, 60], [b, 30]], 'raise')
    await write([[a, 40], [b, 50]], 'raise')
    expect([(await enrollment(enrolledA)).progress, (await enrollment(enrolledB)).progress]).toEqual([60, 50])
    // A changed rule sets the figure it evaluates, lower or not.
    await write([[a, 10]], 'exact')
    expect([(await enrollment(enrolledA)).progress, (await enrollment(enrolledB)).progress]).toEqual([10, 50])
  })

  it('a burst in random order never lowers the stored progress', async () => {
    const { course: c, modules } = await course(['h5p', 'h5p', 'h5p', 'h5p', 'lesson', 'lesson', 'quiz', 'quiz'], { minAverageScore: 0, scorePolicy: 'best' })
    const learner = await newLearner()
    const enrollmentId = await enrol(learner, c.id)
    const base = Date.now()
    const statements = modules
      .flatMap((m, i) => [answered(learner, m, 0.5, new Date(base + i * 1000).toISOString()), answered(learner, m, 0.8, new Date(base - i * 1000).toISOString())])
      .sort(() => Math.random() - 0.5)
    const seen: number[] = []
    let polling = true
    const poll = (async () => {
      while (polling) {
        seen.push(Number((await enrollment(enrollmentId)).progress ?? 0))
        await new Promise((r) => setTimeout(r, 2))
      }
    })()
    const results = await Promise.all(statements.map((s) => send(learner, s)))
    polling = false
    await poll
    expect(results.every((r) => r.status === 200)).toBe(true)
    seen.push(Number((await enrollment(enrollmentId)).progress))
    expect(seen.length).toBeGreaterThan(2)
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1])
    expect(seen[seen.length - 1]).toBe(100)
  })

  it('keeps the score of the latest attempt as "last", whatever order the attempts arrive in', async () => {
    const { course: c, modules } = await course(['quiz'], { minAverageScore: 85, scorePolicy: 'last' })
    const learner = await newLearner()
    const enrollmentId = await enrol(learner, c.id)
    const at = (minutes: number) => new Date(Date.UTC(2026, 10, 1, 9, minutes)).toISOString()
    // The latest attempt (09:30, 90 %) arrives first; the older ones after it must not replace it.
    for (const [scaled, minute] of [[0.9, 30], [0.4, 10], [0.6, 20]] as const) {
      expect((await send(learner, answered(learner, modules[0], scaled, at(minute)))).status).toBe(200)
    }
    const [row] = await moduleRows(learner)
    expect(row).toMatchObject({ attempts: 3, scoredAttempts: 3, bestScore: 90, lastScore: 90 })
    await runJobs(t.payload)
    expect((await enrollment(enrollmentId)).status).toBe('completed')
  })
})

describe('the enrolment decides', () => {
  it('a learner who is not enrolled keeps their module rows but earns no completion; enrolling later counts them', async () => {
    const { course: c, modules } = await course(['h5p', 'lesson'], { minAverageScore: 0, scorePolicy: 'best' })
    const learner = await newLearner()
    for (const m of modules) expect((await send(learner, answered(learner, m, 1))).status).toBe(200)
    expect(await moduleRows(learner)).toHaveLength(2)
    expect(await completionsOf(learner, c.id)).toBe(0)
    const id = await enrol(learner, c.id)
    expect((await enrollment(id)).status).toBe('completed')
    expect(await completionsOf(learner, c.id)).toBe(1)
  })
})

describe('activation and completions recorded by hand', () => {
  it('activating a pending enrolment whose course a completion already records keeps the activation and that one completion', async () => {
    const { course: c, modules } = await course(['quiz', 'lesson'], { minAverageScore: 0, scorePolicy: 'best' })
    await t.payload.update({ collection: 'courses', id: c.id, data: { enrollment: { mode: 'approval' } } as never, overrideAccess: true })
    const learner = await newLearner()
    const id = await enrol(learner, c.id)
    expect((await enrollment(id)).status).toBe('pending')
    for (const m of modules) expect((await send(learner, answered(learner, m, 0.9))).status).toBe(200)
    const admin = await createUser(t.payload, ['admin'], org)
    const adminToken = await login(t.app, admin.email)
    const byHand = await request(t.app).post('/api/completions').set('Authorization', `JWT ${adminToken}`).send({ learner: learner.id, source: { relationTo: 'courses', value: c.id }, score: 88 })
    expect(byHand.status, JSON.stringify(byHand.body)).toBe(201)
    const activate = await request(t.app).patch(`/api/enrollments/${id}`).set('Authorization', `JWT ${adminToken}`).send({ status: 'active' })
    expect(activate.status, JSON.stringify(activate.body)).toBe(200)
    expect((await enrollment(id)).status).toBe('completed')
    expect(await completionsOf(learner, c.id)).toBe(1)
  })
})

describe('modules that move', () => {
  it('what a learner did in a module counts for the course the module belongs to now', async () => {
    const { modules: [moving] } = await course(['quiz'])
    const { course: target } = await course(['lesson'], { minAverageScore: 0, scorePolicy: 'best' })
    const learner = await newLearner()
    const id = await enrol(learner, target.id)
    expect((await send(learner, answered(learner, moving, 0.8))).status).toBe(200)
    await t.payload.update({ collection: 'modules', id: moving.id, data: { course: target.id } as never, overrideAccess: true })
    await runJobs(t.payload)
    expect((await enrollment(id)).progress).toBe(50)
  })
})

describe('rule changes', () => {
  it('re-evaluates a course’s enrolments in a job, not in the author’s request', async () => {
    const { course: c, modules } = await course(['quiz', 'quiz'], { minAverageScore: 90, scorePolicy: 'average' })
    const passing = await newLearner()
    const halfway = await newLearner()
    const passingId = await enrol(passing, c.id)
    const halfwayId = await enrol(halfway, c.id)
    for (const m of modules) await send(passing, answered(passing, m, 0.8))
    await send(halfway, answered(halfway, modules[0], 1))
    expect((await enrollment(passingId)).status).toBe('active')
    expect((await enrollment(halfwayId)).progress).toBe(50)

    await t.payload.update({ collection: 'courses', id: c.id, data: { completionRule: { minAverageScore: 75, scorePolicy: 'average' } } as never, overrideAccess: true })
    expect(await completionsOf(passing, c.id)).toBe(0)
    await runJobs(t.payload)
    expect(await completionsOf(passing, c.id)).toBe(1)
    expect((await enrollment(passingId)).status).toBe('completed')

    // A new required module: the unfinished enrolment's share drops once the job has run.
    await t.payload.create({ collection: 'modules', data: { course: c.id, title: '新增模块', order: 3, kind: 'lesson' } as never, overrideAccess: true })
    expect((await enrollment(halfwayId)).progress).toBe(50)
    await runJobs(t.payload)
    expect((await enrollment(halfwayId)).progress).toBe(33)
  })

  it('re-evaluates a course whose enrolments × required modules are more rows than one read asks for', async () => {
    const c = await createCourse(t.payload, org, { completionRule: { minAverageScore: 0, scorePolicy: 'best' } })
    const modules: Doc[] = []
    // Straight into the table: 600 modules through the Local API would queue 600 re-evaluations.
    for (let i = 0; i < 600; i++) modules.push(await t.payload.db.create({ collection: 'modules', data: { course: c.id, title: `第 ${i + 1} 节`, order: i + 1, kind: 'lesson', required: true } }))
    const [all, lastHalf] = [await newLearner(), await newLearner()]
    const ids = [await enrol(all, c.id), await enrol(lastHalf, c.id)]
    const at = new Date().toISOString()
    const events = [...modules.map((m) => ({ learner: all.id, m })), ...modules.slice(300).map((m) => ({ learner: lastHalf.id, m }))].map(({ learner, m }) => ({ learner, course: c.id, module: m.id, score: null, at }))
    await writeAtomically(t.payload, (exec) => moduleProgressStore(t.payload).deltaWrites(exec, foldEvents(events)), async () => undefined)

    // 1 200 rows to read: the second learner's last modules come in a second part.
    await reevaluateCourse(t.payload, c.id)
    expect((await enrollment(ids[0]!)).progress).toBe(100)
    expect((await enrollment(ids[1]!)).progress).toBe(50)
  })
})

describe('after the rule is met', () => {
  it('a module added while the completion waits in the queue counts again: the learner’s statement about it completes the course', async () => {
    const { course: c, modules } = await course(['quiz', 'quiz'])
    const learner = await newLearner()
    const id = await enrol(learner, c.id)
    for (const m of modules) expect((await send(learner, answered(learner, m, 0.9))).status).toBe(200)
    // Met and queued; ingest now leaves this enrolment alone until the course changes.
    expect(await enrollment(id)).toMatchObject({ status: 'active', progress: 100 })
    expect((await send(learner, answered(learner, modules[0], 0.95))).status).toBe(200)

    const lesson = await t.payload.create({ collection: 'modules', data: { course: c.id, title: '新增模块', order: 3, kind: 'lesson' } as never, overrideAccess: true })
    await runJobs(t.payload)
    expect(await enrollment(id)).toMatchObject({ status: 'active', progress: 67 })
    expect(await completionsOf(learner, c.id)).toBe(0)

    expect((await send(learner, answered(learner, lesson, 1))).status).toBe(200)
    expect((await enrollment(id)).progress).toBe(100)
    await runJobs(t.payload)
    expect(await enrollment(id)).toMatchObject({ status: 'completed', progress: 100 })
    expect(await completionsOf(learner, c.id)).toBe(1)
  })

  it('an enrolment changed after its course was completed is evaluated again on the learner’s next statement', async () => {
    const { course: c, modules } = await course(['quiz', 'quiz'])
    const learner = await newLearner()
    const id = await enrol(learner, c.id)
    for (const m of modules) expect((await send(learner, answered(learner, m, 0.9))).status).toBe(200)
    await runJobs(t.payload)
    expect(await enrollment(id)).toMatchObject({ status: 'completed', progress: 100 })
    // Completed at 100 %: ingest reads the enrolment and evaluates it no further.
    expect((await send(learner, answered(learner, modules[0], 0.95))).status).toBe(200)

    await t.payload.update({ collection: 'enrollments', id, data: { progress: 0 } as never, overrideAccess: true })
    expect((await enrollment(id)).progress).toBe(0)
    expect((await send(learner, answered(learner, modules[1], 0.95))).status).toBe(200)
    expect((await enrollment(id)).progress).toBe(100)
    expect(await completionsOf(learner, c.id)).toBe(1)
  })
})

describe('an enrolment written while the last module is ingested', () => {
  it('completes the course once both are committed, though neither saw the other', async () => {
    const { course: c, modules } = await course(['quiz'])
    const learner = await newLearner()
    // The enrolment's transaction evaluates it before the statement is in, and ingest's batch
    // cannot see the enrolment until that transaction commits (PostgreSQL; SQLite has one
    // connection and no transactions, where ingest simply finds the enrolment).
    const req = await createLocalReq({}, t.payload)
    await initTransaction(req)
    const created = await t.payload.create({ collection: 'enrollments', data: { learner: learner.id, source: { relationTo: 'courses', value: c.id }, status: 'active' } as never, overrideAccess: true, req })
    expect((await send(learner, answered(learner, modules[0], 0.9))).status).toBe(200)
    await commitTransaction(req)
    await runJobs(t.payload)
    expect(await enrollment(created.id)).toMatchObject({ status: 'completed', progress: 100 })
    expect(await completionsOf(learner, c.id)).toBe(1)
  })
})

describe('the completion job', () => {
  it('completes every enrolment it was given, and a job queued with one learner × course before jobs took a list', async () => {
    const { course: c, modules } = await course(['quiz'])
    const learners = [await newLearner(), await newLearner(), await newLearner()]
    const ids: Id[] = []
    for (const who of learners) ids.push(await enrol(who, c.id))
    for (const who of learners) expect((await send(who, answered(who, modules[0], 0.9))).status).toBe(200)
    // Ingest queued these completions (in this process, which now leaves them to the job); the
    // test queues its own instead.
    await t.payload.delete({ collection: 'payload-jobs', where: { taskSlug: { equals: 'completeCourse' } }, overrideAccess: true })
    for (const id of ids) expect(await enrollment(id)).toMatchObject({ status: 'active', progress: 100 })

    await t.payload.jobs.queue({ task: 'completeCourse' as never, input: { enrollments: learners.slice(0, 2).map((who) => ({ learner: String(who.id), course: String(c.id) })) } as never })
    await t.payload.jobs.queue({ task: 'completeCourse' as never, input: { learner: String(learners[2].id), course: String(c.id) } as never })
    await runJobs(t.payload)
    for (const [i, who] of learners.entries()) {
      expect(await enrollment(ids[i])).toMatchObject({ status: 'completed', progress: 100 })
      expect(await completionsOf(who, c.id)).toBe(1)
    }
  })

  it('completes more enrolments at once than the database pool has connections, with no course cached', async () => {
    const { course: c, modules } = await course(['quiz'])
    const learners = await Promise.all(Array.from({ length: 14 }, newLearner))
    const ids = await Promise.all(learners.map((who) => enrol(who, c.id)))
    for (const who of learners) expect((await send(who, answered(who, modules[0], 0.9))).status).toBe(200)
    await t.payload.delete({ collection: 'payload-jobs', where: { taskSlug: { equals: 'completeCourse' } }, overrideAccess: true })
    for (const who of learners) await t.payload.jobs.queue({ task: 'completeCourse' as never, input: { enrollments: [{ learner: String(who.id), course: String(c.id) }] } as never })
    // Each job then loads the course inside its transaction. On PostgreSQL (a pool of 10) they
    // all waited for a second connection and none went on.
    courseDefinitions(t.payload).forgetAll()
    const hung = new Promise((_, reject) => setTimeout(() => reject(new Error('the completion jobs did not finish within 20 s')), 20_000).unref())
    await Promise.race([t.payload.jobs.run({ limit: 100, where: { taskSlug: { equals: 'completeCourse' } } } as never), hung])
    for (const [i, who] of learners.entries()) {
      expect(await enrollment(ids[i])).toMatchObject({ status: 'completed', progress: 100 })
      expect(await completionsOf(who, c.id)).toBe(1)
    }
  }, 60_000)
})

describe('the definitions ingest keeps', () => {
  it('a class’s statements that all miss the cache at once share one read of the course and one of each module', async () => {
    const { course: c, modules } = await course(['h5p', 'quiz', 'lesson'])
    const learners = await Promise.all(Array.from({ length: 6 }, newLearner))
    for (const who of learners) await enrol(who, c.id)
    const definitions = courseDefinitions(t.payload)
    definitions.forgetAll()
    const reads = { course: 0, modules: 0 }
    const { findByID, find } = t.payload
    t.payload.findByID = ((args: { collection: string }) => {
      if (args.collection === 'courses') reads.course++
      return findByID.call(t.payload, args as never)
    }) as never
    t.payload.find = ((args: { collection: string; where?: { id?: unknown } }) => {
      if (args.collection === 'modules' && args.where?.id) reads.modules++
      return find.call(t.payload, args as never)
    }) as never
    try {
      // As the statements of a class arrive together: every one asks before any read is back.
      const asked = await Promise.all(learners.flatMap(() => modules.map((m) => definitions.modules([m.id]))))
      expect(reads).toEqual({ course: 1, modules: modules.length })
      expect(asked.map((found) => [...found.values()].map((d) => d.course))).toEqual(asked.map(() => [c.id]))
      const results = await Promise.all(learners.map((who) => send(who, modules.map((m) => answered(who, m, 0.9)))))
      expect(results.map((r) => r.status)).toEqual(results.map(() => 200))
      for (const who of learners) expect((await moduleRows(who)).length).toBe(3)
      expect(reads).toEqual({ course: 1, modules: modules.length })
      // A change while a read is under way: the read answers its callers, and is not kept.
      definitions.forgetAll()
      const during = definitions.course(c.id)
      definitions.forgetCourse(c.id)
      expect((await during)?.required).toHaveLength(3)
      await definitions.course(c.id)
      expect(reads.course).toBe(3)
    } finally {
      t.payload.findByID = findByID
      t.payload.find = find
    }
  })
})

describe('rebuild', () => {
  it('builds from the stored statements exactly the rows and progress that ingest kept', async () => {
    const { course: c, modules } = await course(['h5p', 'quiz', 'lesson'], { minAverageScore: 70, scorePolicy: 'last' })
    const learners = await Promise.all(Array.from({ length: 3 }, newLearner))
    const ids = await Promise.all(learners.map((l) => enrol(l, c.id)))
    for (const [i, l] of learners.entries()) {
      const batch = modules.slice(0, i + 1).flatMap((m) => [answered(l, m, 0.5 + i * 0.2, new Date(Date.UTC(2026, 0, 1, 8, i)).toISOString()), answered(l, m, 0.65)])
      // Noise that counts for nothing: a sub-question, a verb that is no progress, an unknown module.
      batch.push({ ...answered(l, modules[0], 1), context: { contextActivities: { parent: [{ id: activity(modules[0].id) }] } } } as never)
      batch.push({ ...answered(l, modules[0], 1), verb: VERB('interacted') })
      batch.push({ ...answered(l, modules[0], 1), object: { objectType: 'Activity', id: activity(999999) } })
      expect((await send(l, batch)).status).toBe(200)
    }
    const before = await Promise.all(learners.map(moduleRows))
    const progressBefore = await Promise.all(ids.map(async (id) => (await enrollment(id)).progress))

    const log: string[] = []
    const result = await rebuildProgress(t.payload, { course: c.id, log: (line) => log.push(line) })
    expect(result.modules).toBe(6)
    expect(log.length).toBeGreaterThan(0)
    expect(await Promise.all(learners.map(moduleRows))).toEqual(before)
    expect(await Promise.all(ids.map(async (id) => (await enrollment(id)).progress))).toEqual(progressBefore)

    // And from nothing: rows wiped, progress zeroed, the rebuild of every course brings both back.
    await t.payload.db.deleteMany({ collection: 'module-progress', where: { course: { equals: c.id } } } as never)
    for (const id of ids) await t.payload.update({ collection: 'enrollments', id, data: { progress: 0 } as never, overrideAccess: true })
    await rebuildProgress(t.payload)
    expect(await Promise.all(learners.map(moduleRows))).toEqual(before)
    expect(await Promise.all(ids.map(async (id) => (await enrollment(id)).progress))).toEqual(progressBefore)
  })
})

describe('access', () => {
  it('learners read their own module rows and nobody writes them through the API', async () => {
    const { course: c, modules } = await course(['quiz'])
    const mine = await newLearner()
    const other = await newLearner()
    await enrol(mine, c.id)
    await send(mine, answered(mine, modules[0], 1))
    const own = await request(t.app).get('/api/module-progress').set('Authorization', `JWT ${mine.token}`)
    expect(own.status).toBe(200)
    expect(own.body.docs.length).toBe(1)
    const theirs = await request(t.app).get(`/api/module-progress?where[learner][equals]=${mine.id}`).set('Authorization', `JWT ${other.token}`)
    expect(theirs.body.docs).toHaveLength(0)
    const forged = await request(t.app).post('/api/module-progress').set('Authorization', `JWT ${mine.token}`).send({ key: 'x', learner: mine.id, course: c.id, module: modules[0].id, attempts: 9, scoredAttempts: 0 })
    expect(forged.status).toBe(403)
  })
})
