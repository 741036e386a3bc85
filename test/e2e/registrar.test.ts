/**
 * A registrar in the admin panel: sees their own university's credit records (the demo student's),
 * and no one else's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitForText } from '../helpers/browser'
import { adminLogin, type BrowserApp, startBrowserApp } from '../helpers/browserApp'

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
