/**
 * Seeds mentor training by walking it: organisers enrol mentors in their tier's track, the mentors'
 * course completions and offline records arrive and the plugin certifies them; for mentors trained
 * in the past the clock is moved back while they train, and the expiry scan then finds the one
 * whose certification has ended. Only when the mentor-training plugin is enabled; a mentor already
 * in the registry is left as they are.
 */
import { createLocalReq, type Payload } from 'payload'
import { scanExpiries } from '../plugins/mentor-training'
import { clock } from '../src/clock'
import { demoAssignments, demoMentors, demoTracks } from './data/mentors'

type Id = number | string
type Doc = Record<string, any>
type Lookup = { org: (key: string) => Id; user: (email: string) => Id; course: (code: string) => Promise<Id | undefined>; progress: (message: string) => void }
const DAY = 86_400_000

export async function seedMentorTraining(payload: Payload, { org, user, course, progress }: Lookup): Promise<number> {
  if (!payload.collections['mentors' as never]) return 0
  let created = 0
  const organizer = { ...(await payload.findByID({ collection: 'users', id: user('organizer@lianpei.demo'), depth: 0, overrideAccess: true })), collection: 'users' } as never
  const admin = { ...(await payload.findByID({ collection: 'users', id: user('admin@lianpei.demo'), depth: 0, overrideAccess: true })), collection: 'users' } as never
  const find = async (collection: string, where: object) => (await payload.find({ collection: collection as never, where: where as never, limit: 1, depth: 0, overrideAccess: true })).docs[0] as Doc | undefined

  const tracks = new Map<string, Doc>()
  for (const t of demoTracks) {
    let track = await find('mentor-tracks', { code: { equals: t.code } })
    if (!track) {
      const courses = (await Promise.all(t.courses.map(course))).filter((c): c is Id => c !== undefined)
      track = (await payload.create({ collection: 'mentor-tracks' as never, data: { code: t.code, title: t.title, titleEn: t.titleEn, tier: t.tier, purpose: t.purpose, requiredCourses: courses, minHours: t.minHours, offlineItems: t.offline, organization: org('base-office') } as never, overrideAccess: true })) as Doc
      created++
      progress(`  + mentor-tracks: ${t.code} ${t.title}`)
    }
    tracks.set(`${t.tier}:${t.purpose}`, track)
  }

  for (const m of demoMentors) {
    const userId = user(m.email)
    if (await find('mentors', { user: { equals: userId } })) continue
    const account = (await payload.findByID({ collection: 'users', id: userId, depth: 0, overrideAccess: true })) as Doc
    const profile = (await payload.create({ collection: 'mentors' as never, data: { user: userId, name: account.name, kind: m.kind, tier: m.tier, organization: org(m.organization), expertise: m.expertise, bio: m.bio, maxStudents: m.maxStudents } as never, user: organizer, overrideAccess: true })) as Doc
    created++
    progress(`  + mentors: ${account.name} (${m.tier}, ${m.status})`)
    if (m.status === 'applicant') continue
    const track = tracks.get(`${m.tier}:initial`) as Doc
    if (m.certifiedDaysAgo !== undefined) clock.shift(-m.certifiedDaysAgo * DAY)
    try {
      await payload.create({ collection: 'enrollments', data: { learner: userId, source: { relationTo: 'mentor-tracks', value: track.id } } as never, user: organizer, overrideAccess: true })
      // In training: the first required course done, the rest to do.
      const required = (track.requiredCourses ?? []) as Id[]
      const done = m.status === 'in-training' ? required.slice(0, Math.max(0, required.length - 1)) : required
      for (const c of done) {
        await payload.create({ collection: 'completions', data: { learner: userId, source: { relationTo: 'courses', value: c }, score: 90, completedAt: clock.date().toISOString(), evidence: { source: 'demo' } } as never, overrideAccess: true })
      }
      if (m.status !== 'in-training') {
        for (const item of (track.offlineItems ?? []) as Doc[]) {
          await payload.create({ collection: 'mentor-activities' as never, data: { mentor: profile.id, track: track.id, item: item.key, happenedOn: clock.date().toISOString() } as never, user: organizer, overrideAccess: true })
        }
      }
    } finally {
      clock.shift(0)
    }
    if (m.status === 'suspended') {
      await payload.update({ collection: 'mentors' as never, id: profile.id, data: { status: 'suspended', statusReason: '年度评价偏低，暂停指导，待复核' } as never, user: admin, overrideAccess: true })
    }
  }
  // The mentor trained 37 months ago has expired by now.
  await scanExpiries(await createLocalReq({}, payload))

  for (const a of demoAssignments) {
    const mentor = await find('mentors', { user: { equals: user(a.mentor) } })
    if (!mentor) continue
    if (await find('mentor-assignments', { and: [{ student: { equals: user(a.student) } }, { mentor: { equals: mentor.id } }] })) continue
    await payload.create({ collection: 'mentor-assignments' as never, data: { student: user(a.student), mentor: mentor.id, reason: a.reason } as never, user: organizer, overrideAccess: true })
    created++
    progress(`  + mentor-assignments: ${a.student} ← ${a.mentor}`)
  }
  return created
}
