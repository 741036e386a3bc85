/**
 * A registrar in the admin panel: sees their own university's credit records (the demo student's),
 * and no one else's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../seed/data/users'
import { seedDemo } from '../../seed/seedDemo'
import { listen, type RunningServer } from '../../src/lifecycle'
import { launchBrowser, waitForText } from '../helpers/browser'
import { startTestApp, type TestApp } from '../helpers/testApp'

let t: TestApp
let server: RunningServer
let browser: Awaited<ReturnType<typeof launchBrowser>>
let base: string

beforeAll(async () => {
  t = await startTestApp({ next: true })
  await seedDemo(t.payload, () => {})
  server = await listen(t, 0, '127.0.0.1')
  base = `http://127.0.0.1:${server.port}`
  browser = await launchBrowser({ locale: 'en-US' })
})
afterAll(async () => {
  await browser?.close()
  await server?.shutdown(1_000)
  await t?.db.drop()
})

describe('credit records in the admin panel', () => {
  it('shows a registrar their university’s records and nobody else’s', async () => {
    const page = await browser.context.newPage()
    await page.goto(`${base}/admin/login`)
    await page.fill('#field-email', 'registrar2@lianpei.demo')
    await page.fill('#field-password', DEMO_PASSWORD)
    await page.click('button[type="submit"]')
    await page.waitForURL(`${base}/admin`, { timeout: 60_000 })
    await page.goto(`${base}/admin/collections/credit-records`)
    // registrar2's university has no demo records: an empty list, not the demo student's.
    await waitForText(page.locator('body'), 'No Results')
    expect(await page.locator('table').count()).toBe(0)

    await page.context().clearCookies()
    await page.goto(`${base}/admin/login`)
    await page.fill('#field-email', 'registrar@lianpei.demo')
    await page.fill('#field-password', DEMO_PASSWORD)
    await page.click('button[type="submit"]')
    await page.waitForURL(`${base}/admin`, { timeout: 60_000 })
    await page.goto(`${base}/admin/collections/credit-records`)
    await waitForText(page.locator('table'), '研究生学术规范与科研伦理')
    await waitForText(page.locator('table'), '工业机器人系统集成')
    expect(await page.locator('table tbody tr').count()).toBe(2)
    await page.close()
  })
})
