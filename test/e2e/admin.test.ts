/**
 * The admin panel in a real browser: the demo author logs in, writes a course draft and finds it
 * in the list; a featured course cannot be published from it before its proposal is approved; a
 * reviewer's lists hold their own queue only. Runs against the built admin panel served by
 * createApp() through Next.js.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitForText } from '../helpers/browser'
import { adminLogin, type BrowserApp, startBrowserApp } from '../helpers/browserApp'

let app: BrowserApp

beforeAll(async () => {
  app = await startBrowserApp({ next: true, seed: true, locale: 'zh-CN' })
})
afterAll(async () => app?.stop())

describe('admin panel', () => {
  it('lets the demo author log in, save a course draft and find it in the list', async () => {
    const { base, t } = app
    const page = await app.browser.context.newPage()
    await adminLogin(page, base, 'author@lianpei.demo')
    // The interface speaks Simplified Chinese to a zh-CN browser.
    await waitForText(page.locator('nav'), '课程')

    await page.goto(`${base}/admin/collections/courses/create`)
    const title = `浏览器测试课程 ${Date.now()}`
    await page.fill('#field-title', title)
    await page.fill('#field-code', `E2E-${Date.now().toString(36).toUpperCase()}`)
    await page.fill('#field-credits', '1.5')
    await page.click('#action-save-draft')
    await page.waitForURL(/\/admin\/collections\/courses\/\d+/, { timeout: 60_000 })

    const saved = await t.payload.find({ collection: 'courses', where: { title: { equals: title } }, draft: true, overrideAccess: true, depth: 0 })
    expect(saved.docs).toHaveLength(1)
    expect(saved.docs[0]._status).toBe('draft')
    expect(saved.docs[0].credits).toBe(1.5)

    await page.goto(`${base}/admin/collections/courses`)
    await waitForText(page.locator('table'), title)
    await page.close()
  })

  it('refuses to publish a featured course whose proposal is not approved, and says why', async () => {
    const { base, t } = app
    const [university] = (await t.payload.find({ collection: 'organizations', where: { code: { equals: '19001' } }, overrideAccess: true, depth: 0 })).docs
    const course = await t.payload.create({
      collection: 'courses',
      data: { title: '数字孪生产线调试（待立项）', code: `E2E-FC-${Date.now().toString(36).toUpperCase()}`, credits: 2, organization: university.id, featured: true, _status: 'draft' } as never,
      draft: true,
      overrideAccess: true,
    })
    await app.browser.context.clearCookies()
    const page = await app.browser.context.newPage()
    await adminLogin(page, base, 'author@lianpei.demo')
    await page.goto(`${base}/admin/collections/courses/${course.id}`)
    await page.fill('#field-title', '数字孪生产线调试（申请发布）')
    await page.click('#action-save')
    await page.getByText('特色课程须在其申报立项后才能发布').waitFor({ timeout: 30_000 })
    const stored = await t.payload.findByID({ collection: 'courses', id: course.id, draft: true, overrideAccess: true })
    expect(stored._status).toBe('draft')
    await page.close()
  })

  it('shows a reviewer their own queue only: proposals assigned to them, their own unsubmitted review', async () => {
    const { base, t } = app
    // The demo proposal under review has two of three reviews in; its third reviewer has not scored yet.
    const [proposal] = (await t.payload.find({ collection: 'course-proposals' as never, where: { status: { equals: 'under-review' } }, overrideAccess: true, depth: 0 })).docs as Array<{ id: number; title: string }>
    const reviews = (await t.payload.find({ collection: 'proposal-reviews' as never, where: { proposal: { equals: proposal.id } }, overrideAccess: true, depth: 1 })).docs as Array<{ status: string; reviewer: { id: number; email: string } }>
    const pending = reviews.find((r) => r.status === 'assigned')!
    const assigned = (await t.payload.find({ collection: 'course-proposals' as never, where: { assignedReviewers: { in: [pending.reviewer.id] } }, overrideAccess: true, depth: 0, pagination: false })).docs as Array<{ title: string }>
    const others = (await t.payload.find({ collection: 'course-proposals' as never, overrideAccess: true, depth: 0, pagination: false })).docs.filter((d) => !assigned.some((a) => a.title === (d as { title: string }).title)) as Array<{ title: string }>
    expect(others.length).toBeGreaterThan(0)

    await app.browser.context.clearCookies()
    const page = await app.browser.context.newPage()
    await adminLogin(page, base, pending.reviewer.email)
    await page.goto(`${base}/admin/collections/course-proposals`)
    await waitForText(page.locator('table'), proposal.title)
    const table = await page.locator('table').innerText()
    for (const other of others) expect(table).not.toContain(other.title)
    // Of the reviews of that proposal, only their own: the two submitted ones stay hidden until they submit.
    await page.goto(`${base}/admin/collections/proposal-reviews`)
    await waitForText(page.locator('table'), proposal.title)
    expect(await page.locator('table tbody tr', { hasText: proposal.title }).count()).toBe(1)
    await page.close()
  })
})
