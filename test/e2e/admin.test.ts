/**
 * The admin panel in a real browser: the demo author logs in, writes a course draft and finds it
 * in the list. Runs against the built admin panel served by createApp() through Next.js.
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
})
