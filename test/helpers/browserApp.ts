/** A test app listening on a port, a Chromium to drive it, and the admin panel's login. */
import type { Page } from 'playwright-core'
import { DEMO_PASSWORD } from '../../seed/data/users'
import { seedDemo } from '../../seed/seedDemo'
import { listen } from '../../src/lifecycle'
import { launchBrowser } from './browser'
import { startTestApp, type TestApp } from './testApp'

export type BrowserApp = { t: TestApp; base: string; browser: Awaited<ReturnType<typeof launchBrowser>>; stop: () => Promise<void> }

export async function startBrowserApp(options: { next?: boolean; seed?: boolean; locale?: string; env?: Record<string, string> } = {}): Promise<BrowserApp> {
  const t = await startTestApp({ next: options.next, env: options.env })
  if (options.seed) await seedDemo(t.payload, () => {})
  const server = await listen(t, 0, '127.0.0.1')
  const browser = await launchBrowser({ locale: options.locale ?? 'en-US' })
  return {
    t,
    base: `http://127.0.0.1:${server.port}`,
    browser,
    stop: async () => {
      await browser.close()
      await server.shutdown(1_000)
      await t.db.drop()
    },
  }
}

/** Signs in to the admin panel as a demo account and waits for the dashboard. */
export async function adminLogin(page: Page, base: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${base}/admin/login`)
  await page.fill('#field-email', email)
  await page.fill('#field-password', password)
  await page.click('button[type="submit"]')
  await page.waitForURL(`${base}/admin`, { timeout: 60_000 })
}
