/**
 * Seeds the demo data: organisations, accounts, published courses with modules, the featured-course
 * rounds, completions and credit records. Idempotent: every
 * record is found by its natural key (organisation code, email, course code, module order) and
 * created only when missing, so running it twice changes nothing.
 */
import type { Payload } from 'payload'
import { CORE } from '../collections/slugs'
import { signCheckpoints } from '../plugins/credits/ledger/checkpoint'
import { issuerId } from '../src/credentials/issuer'
import { credentialIssuer, credentialKeys } from '../src/credentials/keys'
import { courses } from './data/courses'
import { organizations } from './data/organizations'
import { demoCompletions } from './data/completions'
import { DEMO_PASSWORD, users } from './data/users'
import { paragraphs } from './richText'
import { seedCamps } from './seedCamps'
import { seedFeaturedCourses } from './seedFeaturedCourses'
import { seedH5P } from './seedH5P'
import { seedMentorTraining } from './seedMentorTraining'

type Id = number | string
type Progress = (message: string) => void

async function findOne(payload: Payload, collection: string, where: Record<string, unknown>) {
  const { docs } = await payload.find({
    collection: collection as never,
    where: where as never,
    limit: 1,
    depth: 0,
    draft: true,
    overrideAccess: true,
    pagination: false,
  })
  return docs[0] as { id: Id } | undefined
}

export type SeedResult = { created: number; existing: number }

export async function seedDemo(payload: Payload, progress: Progress = (m) => payload.logger.info(m)): Promise<SeedResult> {
  const result: SeedResult = { created: 0, existing: 0 }
  const upsert = async (collection: string, where: Record<string, unknown>, data: Record<string, unknown>, label: string) => {
    const existing = await findOne(payload, collection, where)
    if (existing) {
      result.existing++
      return existing.id
    }
    const doc = await payload.create({ collection: collection as never, data: data as never, overrideAccess: true, depth: 0 })
    result.created++
    progress(`  + ${collection}: ${label}`)
    return (doc as { id: Id }).id
  }

  progress('seeding organisations')
  const orgIds = new Map<string, Id>()
  for (const { key, ...org } of organizations) {
    orgIds.set(key, await upsert(CORE.organizations, { code: { equals: org.code } }, org, org.name))
  }
  const org = (key: string) => {
    const id = orgIds.get(key)
    if (id === undefined) throw new Error(`demo data names an unknown organisation "${key}"`)
    return id
  }

  progress('seeding accounts')
  const userIds = new Map<string, Id>()
  for (const user of users) {
    const data = {
      email: user.email,
      password: DEMO_PASSWORD,
      name: user.name,
      officialName: user.officialName,
      roles: user.roles,
      organization: org(user.organization),
      homeUniversity: user.homeUniversity ? org(user.homeUniversity) : undefined,
      studentNumber: user.studentNumber,
      preferredLanguage: 'zh',
      ...(user.apiKey ? { enableAPIKey: true, apiKey: user.apiKey } : {}),
    }
    userIds.set(user.email, await upsert(CORE.users, { email: { equals: user.email } }, data, user.email))
  }

  progress('seeding H5P content')
  const h5pPackages = await seedH5P(payload, progress)

  progress('seeding courses and modules')
  // With the featured-courses plugin, a featured course waits as a draft until its proposal is approved.
  const gated = Boolean(payload.collections['course-proposals' as never])
  for (const course of courses) {
    const { modules, organization, partners, author, ...fields } = course
    const courseId = await upsert(
      CORE.courses,
      { code: { equals: course.code } },
      {
        ...fields,
        body: paragraphs(course.summary),
        organization: org(organization),
        partners: partners.map(org),
        authors: author ? [userIds.get(author)] : [],
        _status: gated && course.featured ? 'draft' : 'published',
      },
      `${course.code} ${course.title}`,
    )
    for (const [index, module] of modules.entries()) {
      await upsert(
        CORE.modules,
        { and: [{ course: { equals: courseId } }, { order: { equals: index + 1 } }] },
        {
          course: courseId,
          order: index + 1,
          title: module.title,
          kind: module.kind,
          required: module.required ?? true,
          weight: 1,
          content: paragraphs(module.text),
          ...(module.h5p ? { h5pPackage: h5pPackages.get(module.h5p) } : {}),
        },
        `${course.code} #${index + 1} ${module.title}`,
      )
    }
  }

  const courseId = async (code: string) => (await findOne(payload, CORE.courses, { code: { equals: code } }))?.id
  progress('seeding featured-course rounds, proposals, reviews and awards')
  const user = (email: string) => {
    const id = userIds.get(email)
    if (id === undefined) throw new Error(`demo data names an unknown account "${email}"`)
    return id
  }
  result.created += await seedFeaturedCourses(payload, { org, user, course: courseId, progress })
  for (const course of courses.filter((c) => c.featured)) {
    const id = await courseId(course.code)
    const doc = id === undefined ? undefined : await payload.findByID({ collection: CORE.courses, id, depth: 0, draft: true, overrideAccess: true })
    if (doc && doc._status !== 'published') await payload.update({ collection: CORE.courses, id: doc.id, data: { _status: 'published' }, overrideAccess: true })
  }

  progress('seeding mentor training: tracks, mentors, certifications and dual-mentor assignments')
  result.created += await seedMentorTraining(payload, { org, user, course: courseId, progress })

  progress('seeding programmes and camps: sessions, attendance and a contest')
  result.created += await seedCamps(payload, { org, user, progress })

  progress('seeding completions, credit records and a course mapping')
  const student = userIds.get('student@lianpei.demo')
  for (const { code, score } of demoCompletions) {
    const source = await courseId(code)
    if (!student || source === undefined) continue
    await upsert(
      CORE.enrollments,
      { key: { equals: `${student}:courses:${source}` } },
      { learner: student, source: { relationTo: 'courses', value: source }, status: 'completed', progress: 100, completedAt: new Date().toISOString() },
      `student@lianpei.demo enrolled in ${code}`,
    )
    await upsert(
      CORE.completions,
      { key: { equals: `${student}:courses:${source}` } },
      { learner: student, source: { relationTo: 'courses', value: source }, score, completedAt: new Date().toISOString(), evidence: { modules: 'all required modules', source: 'demo' } },
      `student@lianpei.demo completed ${code}`,
    )
  }
  const mapped = await courseId('LP-ROBOT-101')
  if (mapped !== undefined) {
    await upsert(
      'course-mappings',
      { key: { equals: `${org('songshan-univ')}:${mapped}` } },
      { university: org('songshan-univ'), course: mapped, localCourseCode: 'GS085501', localCourseName: '工业机器人系统集成（联培）', creditFactor: 1 },
      'songshan-univ maps LP-ROBOT-101 to GS085501',
    )
  }
  // Completions queue their credit records; issue them now so the demo shows them at once.
  await payload.jobs.run({ limit: 100 })
  // And sign the ledger's first checkpoints, as the daily task would overnight.
  await signCheckpoints(payload, credentialKeys(payload.config), issuerId(credentialIssuer(payload.config)), { onlyIfMoved: true })

  progress(`demo data ready: ${result.created} created, ${result.existing} already there`)
  return result
}
