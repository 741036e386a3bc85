/**
 * A real browser plays an H5P module built from true-false.h5p in the sandboxed player frame,
 * answers it, and the statement reaches the server and moves the learner's enrolment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserApp, startBrowserApp } from '../helpers/browserApp'
import { createCourse, createOrganization, createUser, PASSWORD } from '../helpers/fixtures'
import { createPackage, installLibraries } from '../helpers/h5p'

let app: BrowserApp

beforeAll(async () => {
  app = await startBrowserApp()
})
afterAll(async () => app?.stop())

describe('H5P player', () => {
  it('records the learner’s answer and moves their progress', async () => {
    const { base, browser, t } = app
    const { payload } = t
    const org = await createOrganization(payload, 'university', '10699')
    const student = await createUser(payload, ['student'], org.id, { homeUniversity: org.id })
    await installLibraries(payload)
    const pkg = await createPackage(payload)
    const course = await createCourse(payload, org.id, { completionRule: { minAverageScore: 0, scorePolicy: 'best' } })
    const module = await payload.create({ collection: 'modules', data: { course: course.id, title: '判断题', order: 1, kind: 'h5p', h5pPackage: pkg.id } as never, overrideAccess: true })
    const enrollment = await payload.create({ collection: 'enrollments', data: { learner: student.id, source: { relationTo: 'courses', value: course.id } } as never, overrideAccess: true })

    const page = await browser.context.newPage()
    const login = await page.request.post(`${base}/api/users/login`, { data: { email: student.email, password: PASSWORD } })
    expect(login.status()).toBe(200)
    await page.goto(`${base}/api/modules/${module.id}/play`)
    const frame = page.frameLocator('iframe#h5p-player')
    await frame.getByText('True', { exact: true }).click({ timeout: 60_000 })
    await frame.getByRole('button', { name: 'Check' }).click()
    await page.locator('#xapi-status').filter({ hasText: 'recorded: answered' }).waitFor({ timeout: 30_000 })

    const statements = await payload.find({ collection: 'xapi-statements', where: { learner: { equals: student.id } }, overrideAccess: true, depth: 0 })
    expect(statements.docs.some((s) => s.verb === 'http://adlnet.gov/expapi/verbs/answered' && String(s.module) === String(module.id))).toBe(true)
    const after = await payload.findByID({ collection: 'enrollments', id: enrollment.id, overrideAccess: true })
    expect(after.progress).toBe(100)
    await page.close()
  })
})
