/**
 * Test data every file builds for itself through the Local API, and REST helpers that log in and
 * send requests as a given user.
 */
import type { Express } from 'express'
import type { Payload } from 'payload'
import request from 'supertest'
import type { Role } from '../../src/access'

type Id = number | string
export const PASSWORD = 'test-password-1'

export async function createOrganization(payload: Payload, kind: 'university' | 'enterprise' | 'agency', code: string, name = `组织 ${code}`) {
  return payload.create({ collection: 'organizations', data: { kind, code, name }, overrideAccess: true })
}

let userCounter = 0
export async function createUser(
  payload: Payload,
  roles: Role[],
  organization: Id,
  extra: Record<string, unknown> = {},
): Promise<{ id: Id; email: string }> {
  userCounter += 1
  const email = `${roles.join('-')}-${userCounter}-${Date.now()}@test.lianpei`
  const user = await payload.create({
    collection: 'users',
    data: { email, password: PASSWORD, name: `${roles.join('/')} ${userCounter}`, roles, organization, ...extra } as never,
    overrideAccess: true,
  })
  return { id: user.id, email }
}

export type SignedInUser = { id: Id; email: string; token: string }

/** A user created through the Local API and signed in through REST, ready for `as(app, token)`. */
export async function createSignedInUser(app: { app: Express; payload: Payload }, roles: Role[], organization: Id, extra: Record<string, unknown> = {}): Promise<SignedInUser> {
  const user = await createUser(app.payload, roles, organization, extra)
  return { ...user, token: await login(app.app, user.email) }
}

export async function login(app: Express, email: string, password = PASSWORD): Promise<string> {
  const res = await request(app).post('/api/users/login').send({ email, password })
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.token as string
}

/** supertest with `Authorization: JWT <token>` and English error messages. */
export function as(app: Express, token?: string) {
  const agent = request(app)
  const wrap = (test: request.Test) => {
    test.set('Accept-Language', 'en')
    return token ? test.set('Authorization', `JWT ${token}`) : test
  }
  return {
    get: (url: string) => wrap(agent.get(url)),
    post: (url: string) => wrap(agent.post(url)),
    patch: (url: string) => wrap(agent.patch(url)),
    delete: (url: string) => wrap(agent.delete(url)),
  }
}

export const richText = (text: string) => ({
  root: {
    type: 'root',
    format: '',
    indent: 0,
    version: 1,
    direction: 'ltr',
    children: [
      {
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        textFormat: 0,
        children: [{ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
      },
    ],
  },
})

let courseCounter = 0
export function courseData(organization: Id, extra: Record<string, unknown> = {}) {
  courseCounter += 1
  return {
    title: `测试课程 ${courseCounter}`,
    code: `T-${Date.now().toString(36).toUpperCase()}-${courseCounter}`,
    organization,
    credits: 2,
    hours: 32,
    creditCategory: 'course',
    grading: { scheme: 'percentage', passMark: 60 },
    ...extra,
  }
}

export async function createCourse(payload: Payload, organization: Id, extra: Record<string, unknown> = {}) {
  return payload.create({
    collection: 'courses',
    data: { ...courseData(organization), _status: 'published', ...extra } as never,
    overrideAccess: true,
  })
}

/**
 * A published featured course: created as a draft, given an approved proposal (set directly, not
 * walked through review), then published, as the featured-courses plugin's publish gate requires.
 */
export async function createFeaturedCourse(payload: Payload, university: Id, extra: Record<string, unknown> = {}) {
  const course = await payload.create({ collection: 'courses', data: { ...courseData(university), ...extra, featured: true, _status: 'draft' } as never, draft: true, overrideAccess: true })
  const now = Date.now()
  const round = await payload.create({ collection: 'proposal-rounds', data: { title: `测试批次 ${course.id}`, opensAt: new Date(now - 86_400_000).toISOString(), closesAt: new Date(now + 86_400_000).toISOString(), budget: 0 } as never, overrideAccess: true })
  const proposal = await payload.create({ collection: 'course-proposals', data: { title: `申报 ${course.id}`, round: round.id, course: course.id, leadOrganization: university } as never, overrideAccess: true })
  await payload.update({ collection: 'course-proposals', id: proposal.id, data: { status: 'approved' } as never, overrideAccess: true, context: { bookkeeping: true } })
  return payload.update({ collection: 'courses', id: course.id, data: { _status: 'published' } as never, overrideAccess: true })
}
