/**
 * The course page's enrolment follows the course's mode, in Chromium: open → enrolled, approval →
 * pending, invite-only → explained (and open to the invited), full → explained, outside the
 * window → its dates; a refusal at the button shown, text a link carries not; leaving a course; a
 * module of a course the learner is not in is not played.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitForText } from '../helpers/browser'
import { type BrowserApp, startBrowserApp } from '../helpers/browserApp'
import { createCourse, createOrganization, createUser, PASSWORD } from '../helpers/fixtures'
import { expectAccessible, portalSignIn, portalSignOut, screenshot } from '../helpers/portal'

let app: BrowserApp
let org: { id: number | string }

beforeAll(async () => {
  app = await startBrowserApp({ next: true, locale: 'zh-CN' })
  org = await createOrganization(app.t.payload, 'university', '10712')
})
afterAll(async () => app?.stop())

const day = 24 * 60 * 60 * 1000

describe('enrolling on the course page', () => {
  it('follows each enrolment mode and explains every refusal', async () => {
    const { base, t } = app
    const student = await createUser(t.payload, ['student'], org.id, { homeUniversity: org.id })
    const other = await createUser(t.payload, ['student'], org.id, { homeUniversity: org.id })
    const course = (title: string, enrollment: Record<string, unknown>) => createCourse(t.payload, org.id, { title, enrollment })
    const open = await course('自由选课课程', { mode: 'open' })
    const approval = await course('审核选课课程', { mode: 'approval' })
    const invite = await course('邀请选课课程', { mode: 'invite', invitees: `${student.email}\nsomeone@else.test` })
    const full = await course('满员课程', { mode: 'open', capacity: 1 })
    const later = await course('未开放课程', { mode: 'open', opensAt: new Date(Date.now() + 30 * day).toISOString() })
    const closed = await course('已截止课程', { mode: 'open', closesAt: new Date(Date.now() - day).toISOString() })
    const lesson = await t.payload.create({ collection: 'modules', data: { course: open.id, title: '第一课', order: 1, kind: 'lesson' } as never, overrideAccess: true })
    await t.payload.create({ collection: 'enrollments', data: { learner: other.id, source: { relationTo: 'courses', value: full.id } } as never, overrideAccess: true })

    const page = await app.browser.context.newPage()
    await page.context().clearCookies()
    // Signed out: the course page offers to sign in and come back.
    await page.goto(`${base}/courses/${open.id}`)
    await page.click('text=登录后选课')
    await page.waitForURL(/\/sign-in\?next=/)
    await page.fill('input[name=email]', student.email)
    await page.fill('input[name=password]', PASSWORD)
    await page.click('#sign-in')
    await page.waitForURL(`${base}/courses/${open.id}`)

    // Before enrolling, the module is not played.
    await page.goto(`${base}/modules/${lesson.id}`)
    await waitForText(page.locator('main'), '选修本课程后即可学习此模块')
    expect(await page.locator('#xapi-status').count()).toBe(0)

    await page.goto(`${base}/courses/${open.id}`)
    await page.click('#enrol')
    await waitForText(page.locator('#enrolment-status'), '你已选修本课程')
    // Leaving asks first.
    expect(await page.locator('#withdraw').isVisible()).toBe(false)
    await page.click('#withdraw-start')
    await waitForText(page.locator('details.confirm'), '退出会让出名额')
    await page.click('#withdraw')
    await waitForText(page.locator('#enrolment-status'), '你已退出本课程')
    expect(await page.locator('#enrol').count()).toBe(0)
    // And coming back: the same enrolment, by the course's rules as they are now.
    await page.click('#rejoin')
    await waitForText(page.locator('#enrolment-status'), '你已选修本课程')
    expect(await page.locator('#rejoin').count()).toBe(0)

    await page.goto(`${base}/courses/${approval.id}`)
    await waitForText(page.locator('#enrol'), '申请选课')
    await page.click('#enrol')
    await waitForText(page.locator('#enrolment-status'), '等待开课单位审核')

    await page.goto(`${base}/courses/${invite.id}`)
    await page.click('#enrol')
    await waitForText(page.locator('#enrolment-status'), '你已选修本课程')

    // A place taken between showing the page and pressing the button: the domain's refusal is shown.
    const last = await course('最后一个名额', { mode: 'open', capacity: 1 })
    await page.goto(`${base}/courses/${last.id}`)
    await t.payload.create({ collection: 'enrollments', data: { learner: other.id, source: { relationTo: 'courses', value: last.id } } as never, overrideAccess: true })
    await page.click('#enrol')
    await waitForText(page.locator('#action-refusal'), '名额已满（1 人）')
    expect(page.url()).toContain('errorSig=')
    // Text that a link carries is not this site's to show.
    await page.goto(`${base}/courses/${open.id}?error=${encodeURIComponent('您的账号已被停用，请致电 400-000-0000')}`)
    await waitForText(page.locator('h1'), '自由选课课程')
    expect(await page.locator('#action-refusal').count()).toBe(0)
    expect(await page.locator('main').innerText()).not.toContain('账号已被停用')

    await page.goto(`${base}/courses/${full.id}`)
    await waitForText(page.locator('#enrolment-refusal'), '名额已满（1 人）')
    expect(await page.locator('#enrol').count()).toBe(0)
    await expectAccessible(page, 'course full')
    await screenshot(page, 'course-full')

    await page.goto(`${base}/courses/${later.id}`)
    await waitForText(page.locator('#enrolment-refusal'), '选课将于')
    await page.goto(`${base}/courses/${closed.id}`)
    await waitForText(page.locator('#enrolment-refusal'), '选课已于')

    // Someone not invited is told so.
    await portalSignOut(page)
    await portalSignIn(page, base, other.email, `/courses/${invite.id}`, PASSWORD)
    await waitForText(page.locator('#enrolment-refusal'), '仅限受邀学员')
    expect(await page.locator('#enrol').count()).toBe(0)
    await portalSignOut(page)
    await page.close()
  })
})
