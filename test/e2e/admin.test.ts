/**
 * The admin panel in a real browser: the demo author logs in, writes a course draft and finds it
 * in the list. Runs against the built admin panel served by createApp() through Next.js.
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
  browser = await launchBrowser({ locale: 'zh-CN' })
})
afterAll(async () => {
  await browser?.close()
  await server?.shutdown(1_000)
  await t?.db.drop()
})

describe('admin panel', () => {
  it('lets the demo author log in, save a course draft and find it in the list', async () => {
    const page = await browser.context.newPage()
    await page.goto(`${base}/admin/login`)
    await page.fill('#field-email', 'author@lianpei.demo')
    await page.fill('#field-password', DEMO_PASSWORD)
    await page.click('button[type="submit"]')
    await page.waitForURL(`${base}/admin`, { timeout: 60_000 })
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
    await page.screenshot({ path: `${t.db.dataDir}/courses-list.png` })
    await page.close()
  })
})

