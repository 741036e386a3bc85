/**
 * A registrar in the admin panel: sees their own university's credit records (the demo student's),
 * and no one else's. In the portal: a waiting list longer than a page, paged, and decided a page
 * at a time with "select all".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { issueCreditRecord } from '../../plugins/credits/issuing/issueCreditRecord'
import { waitForText } from '../helpers/browser'
import { adminLogin, type BrowserApp, startBrowserApp } from '../helpers/browserApp'
import { createUser } from '../helpers/fixtures'
import { expectAccessible, keepFailure, portalSignIn, screenshot } from '../helpers/portal'

let app: BrowserApp

beforeAll(async () => {
  app = await startBrowserApp({ next: true, seed: true })
})
afterAll(async () => app?.stop())

describe('credit records in the admin panel', () => {
  it('shows a registrar their university’s records and nobody else’s', async () => {
    const { base } = app
    const page = await app.browser.context.newPage()
    // registrar2's university has no demo records: an empty list, not the demo student's.
    await adminLogin(page, base, 'registrar2@lianpei.demo')
    await page.goto(`${base}/admin/collections/credit-records`)
    await waitForText(page.locator('body'), 'No Results')
    expect(await page.locator('table').count()).toBe(0)

    await page.context().clearCookies()
    await adminLogin(page, base, 'registrar@lianpei.demo')
    await page.goto(`${base}/admin/collections/credit-records`)
    await waitForText(page.locator('table'), '研究生学术规范与科研伦理')
    await waitForText(page.locator('table'), '工业机器人系统集成')
    expect(await page.locator('table tbody tr').count()).toBe(2)
    await page.close()
  })
})

describe('the registrar’s waiting list in the portal', () => {
  it('pages a long list, and "select all" decides the records of the page shown', async () => {
    const { base, t } = app
    const payload = t.payload
    // registrar2's university has no demo records: 55 new ones, over two pages of 50.
    const registrar = (await payload.find({ collection: 'users', where: { email: { equals: 'registrar2@lianpei.demo' } }, overrideAccess: true, depth: 0 })).docs[0] as { organization: number | string }
    const course = (await payload.find({ collection: 'courses', where: { code: { equals: 'LP-ROBOT-101' } }, overrideAccess: true, depth: 0 })).docs[0]!
    for (let i = 1; i <= 55; i++) {
      const learner = await createUser(payload, ['student'], registrar.organization, { homeUniversity: registrar.organization, studentNumber: `2026${String(i).padStart(4, '0')}` })
      const completion = await payload.create({ collection: 'completions', data: { learner: learner.id, source: { relationTo: 'courses', value: course.id }, score: 80, completedAt: new Date().toISOString() } as never, overrideAccess: true })
      expect((await issueCreditRecord(payload, completion.id)).status).toBe('issued')
    }
    const page = await app.browser.context.newPage()
    await keepFailure(page, 'registrar-pages', async () => {
      // Signed out of the admin panel's session above: the browser's context is shared.
      await page.context().clearCookies()
      await portalSignIn(page, base, 'registrar2@lianpei.demo', '/registrar')
      await waitForText(page.locator('#waiting-heading'), '(55)')
      const rows = page.locator('#waiting-records tbody tr')
      expect(await rows.count()).toBe(50)
      await waitForText(page.locator('#waiting-pages'), '第 1 / 2 页')
      await page.click('#waiting-pages a[rel=next]')
      await waitForText(page.locator('#waiting-pages'), '第 2 / 2 页')
      expect(await rows.count()).toBe(5)
      await expectAccessible(page, 'registrar second page')
      await screenshot(page, 'registrar-second-page')

      // "Select all" ticks the page's five boxes (and clears them again); rejecting them leaves the fifty.
      await page.check('#select-all')
      expect(await page.locator('#waiting-records tbody input[name=record]:checked').count()).toBe(5)
      await page.uncheck('#select-all')
      expect(await page.locator('#waiting-records tbody input[name=record]:checked').count()).toBe(0)
      // The header box follows the rows: mixed while some are ticked, ticked once all are.
      const header = page.locator('#select-all')
      const headerState = () => header.evaluate((box: HTMLInputElement) => ({ checked: box.checked, indeterminate: box.indeterminate }))
      const recordBoxes = page.locator('#waiting-records tbody input[name=record]')
      await recordBoxes.nth(0).check()
      expect(await headerState()).toEqual({ checked: false, indeterminate: true })
      for (let i = 1; i < 5; i++) await recordBoxes.nth(i).check()
      expect(await headerState()).toEqual({ checked: true, indeterminate: false })
      await recordBoxes.nth(2).uncheck()
      expect(await headerState()).toEqual({ checked: false, indeterminate: true })
      await page.check('#select-all')
      expect(await page.locator('#waiting-records tbody input[name=record]:checked').count()).toBe(5)
      await page.fill('input[name=reason]', '课程与本校培养方案不符')
      await page.click('#reject-selected')
      await waitForText(page.locator('#decision-outcome'), '已处理 5 条记录')
      await waitForText(page.locator('#waiting-heading'), '(50)')
      expect(await page.locator('#waiting-pages').count()).toBe(0)

      // A page past the end (decided meanwhile) shows the last one there is.
      await page.goto(`${base}/registrar?page=2`)
      await page.waitForURL(`${base}/registrar?page=1`)
      expect(await rows.count()).toBe(50)

      // Two of the page decided, twice (the second time back at the same address): the rows that
      // come back are new and clear, and so is the header, mixed while they were ticked.
      const others = rows.filter({ hasNotText: '20260001' })
      for (const remaining of ['(48)', '(46)']) {
        for (const i of [0, 1]) await others.nth(i).locator('input[name=record]').check()
        expect(await headerState()).toEqual({ checked: false, indeterminate: true })
        await page.fill('input[name=reason]', '课程与本校培养方案不符')
        await page.click('#reject-selected')
        await waitForText(page.locator('#waiting-heading'), remaining)
        await waitForText(page.locator('#decision-outcome'), '已处理 2 条记录')
        expect(await page.locator('#waiting-records tbody input[name=record]:checked').count()).toBe(0)
        expect(await headerState()).toEqual({ checked: false, indeterminate: false })
      }

      // A filter keeps through a decision; deciding the last record it matches leaves an empty list, not a loop.
      await page.goto(`${base}/registrar?q=20260001`)
      expect(await rows.count()).toBe(1)
      await page.check('#select-all')
      await page.fill('input[name=localCourseCode]', 'GS085501')
      await page.click('#accept-selected')
      await waitForText(page.locator('#decision-outcome'), '已处理 1 条记录')
      expect(new URL(page.url()).searchParams.get('q')).toBe('20260001')
      await waitForText(page.locator('#waiting-heading'), '(0)')
      await waitForText(page.locator('main'), '没有待认定的记录')
      await page.goto(`${base}/registrar?q=${encodeURIComponent('没有这个学生')}&page=3`)
      await waitForText(page.locator('#waiting-heading'), '(0)')
    })
    await page.close()
  })
})
