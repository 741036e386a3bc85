/**
 * The bad-input corpus's rendering cases (issue 16): script and markup typed into every text
 * field the portal shows come back as text, escaped, on the page that shows it. Each case checks
 * that the escaped text is on the page (so the field is rendered at all) and that the markup is
 * not. Served by the built portal; read over HTTP, as a browser receives it.
 */
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runJobs } from '../helpers/credits'
import { as, createOrganization, createUser, login } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/testApp'

const SCRIPT = '<script>alert("lp-xss")</script>'
const IMAGE = '"><img src=x onerror=alert(1)>'
const escapedScript = '&lt;script&gt;alert('
const escapedImage = '&lt;img src=x onerror=alert(1)&gt;'

let t: TestApp
let studentCookie = ''
const ids: Record<string, number | string> = {}

beforeAll(async () => {
  t = await startTestApp({ next: true })
  const university = await createOrganization(t.payload, 'university', '10901', `大学${IMAGE}`)
  const enterprise = await createOrganization(t.payload, 'enterprise', '91441900MA51LP0901', `企业${SCRIPT}`)
  const student = await createUser(t.payload, ['student'], university.id, { homeUniversity: university.id, studentNumber: '20269001', name: `学生${SCRIPT}` })
  studentCookie = `payload-token=${await login(t.app, student.email)}`
  const course = await t.payload.create({
    collection: 'courses',
    data: { title: `课程${SCRIPT}`, summary: `简介${IMAGE}`, code: 'XSS-1', organization: enterprise.id, partners: [university.id], credits: 2, hours: 16, creditCategory: 'course', grading: { scheme: 'percentage', passMark: 60 }, _status: 'published' } as never,
    overrideAccess: true,
  })
  ids.course = course.id
  ids.module = (await t.payload.create({ collection: 'modules', data: { course: course.id, title: `模块${SCRIPT}`, order: 1, kind: 'lesson' } as never, overrideAccess: true })).id
  await t.payload.create({ collection: 'enrollments', data: { learner: student.id, source: { relationTo: 'courses', value: course.id }, status: 'active' } as never, overrideAccess: true })
  const now = Date.now()
  const camp = await t.payload.create({ collection: 'camps' as never, data: { title: `训练营${SCRIPT}`, summary: `简介${IMAGE}`, code: 'XSS-CAMP', kind: 'political-education', organization: university.id, startsOn: new Date(now - 86_400_000).toISOString(), endsOn: new Date(now + 86_400_000).toISOString(), credits: 1, hours: 8, completionRule: { minAttendanceRate: 50 } } as never, overrideAccess: true })
  await t.payload.create({ collection: 'camp-sessions' as never, data: { camp: (camp as { id: number }).id, title: `讲座${SCRIPT}`, kind: 'lecture', startsAt: new Date(now + 3_600_000).toISOString(), endsAt: new Date(now + 7_200_000).toISOString(), place: `礼堂${IMAGE}`, speaker: `主讲${SCRIPT}` } as never, overrideAccess: true })
  await t.payload.create({ collection: 'enrollments', data: { learner: student.id, source: { relationTo: 'camps', value: (camp as { id: number }).id }, status: 'active' } as never, overrideAccess: true })
  const organizer = await createUser(t.payload, ['organizer'], enterprise.id)
  await as(t.app, await login(t.app, organizer.email)).post('/api/completions').send({ learner: student.id, source: { relationTo: 'courses', value: course.id }, score: 90 })
  await runJobs(t.payload)
})
afterAll(async () => t?.stop())

const page = async (path: string, signedIn: boolean) => {
  const res = await request(t.app).get(path).set('Accept-Language', 'zh-CN').set('Cookie', signedIn ? studentCookie : '')
  expect(res.status, path).toBe(200)
  return res.text
}

const CASES: Array<{ field: string; path: () => string; signedIn: boolean; escaped: string }> = [
  { field: 'course title in the catalogue', path: () => '/', signedIn: false, escaped: escapedScript },
  { field: 'course summary in the catalogue', path: () => '/', signedIn: false, escaped: escapedImage },
  { field: 'course title on its page', path: () => `/courses/${ids.course}`, signedIn: false, escaped: escapedScript },
  { field: 'course summary on its page', path: () => `/courses/${ids.course}`, signedIn: false, escaped: escapedImage },
  { field: 'organisation name on the course page', path: () => `/courses/${ids.course}`, signedIn: false, escaped: escapedScript },
  { field: 'partner university on the course page', path: () => `/courses/${ids.course}`, signedIn: false, escaped: escapedImage },
  { field: 'module title on the course page', path: () => `/courses/${ids.course}`, signedIn: true, escaped: escapedScript },
  { field: 'course title in my learning', path: () => '/learning', signedIn: true, escaped: escapedScript },
  { field: 'programme title on my programmes', path: () => '/camps', signedIn: true, escaped: escapedScript },
  { field: 'session place on my programmes', path: () => '/camps', signedIn: true, escaped: escapedImage },
  { field: 'credit record title on my credits', path: () => '/credits', signedIn: true, escaped: escapedScript },
  { field: 'learner name in the header', path: () => '/learning', signedIn: true, escaped: escapedScript },
]

describe(`the portal escapes what people type (${CASES.length} cases)`, () => {
  for (const c of CASES) {
    it(c.field, async () => {
      const html = await page(c.path(), c.signedIn)
      expect(html, `${c.field}: not rendered on ${c.path()}`).toContain(c.escaped)
      expect(html).not.toContain(SCRIPT)
      expect(html).not.toContain('<img src=x onerror')
    })
  }
})

describe('the catalogue page refuses a search no database can run', () => {
  it('says so and shows every course (U+0000 in the search failed the page on SQLite)', async () => {
    const html = await page('/?q=%E8%AF%BE%00', false)
    expect(html).toContain('id="catalogue-query-refused"')
    expect(html).toContain(escapedScript) // the course list, unfiltered
  })
})
