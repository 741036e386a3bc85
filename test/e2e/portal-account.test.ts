/**
 * The portal's account pages in Chromium: forgot password (the reset email goes through the jobs
 * queue to a real SMTP server), the reset link, signing in with the new password and out again;
 * staff get a link to the admin panel; the 404 and 500 pages in both languages; a signed-out visitor sent
 * to sign in and back; what an author typed comes back escaped; the sign-in and reset forms count
 * against the same per-address limits as the API.
 */
import type { Request } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setRateLimitScale } from '../../src/http/rateLimit'
import { launchBrowser, waitForText } from '../helpers/browser'
import { type BrowserApp, startBrowserApp } from '../helpers/browserApp'
import { createCourse, createOrganization } from '../helpers/fixtures'
import { expectAccessible, portalSignIn, portalSignOut, runAllJobs, screenshot } from '../helpers/portal'
import { startSmtpServer, textOf } from '../helpers/smtp'
import { DEMO_PASSWORD } from '../../seed/data/users'

let app: BrowserApp
let smtp: Awaited<ReturnType<typeof startSmtpServer>>

beforeAll(async () => {
  smtp = await startSmtpServer()
  app = await startBrowserApp({ next: true, seed: true, locale: 'zh-CN', env: { SMTP_URL: smtp.url } })
})
afterAll(async () => {
  await app?.stop()
  await smtp?.close()
})

describe('portal accounts', () => {
  it('resets a forgotten password through the emailed link, then signs in with it and out', async () => {
    const { base, t } = app
    const page = await app.browser.context.newPage()
    await page.goto(`${base}/sign-in`)
    await page.click('text=忘记密码？')
    await page.fill('input[name=email]', 'student3@lianpei.demo')
    await page.click('button[type=submit]')
    await waitForText(page.locator('main'), '重置邮件已在发送途中')
    await expectAccessible(page, 'forgot password')
    // An unknown address is told the same, and nothing is sent to it.
    await page.goto(`${base}/forgot-password`)
    await page.fill('input[name=email]', 'nobody@lianpei.demo')
    await page.click('button[type=submit]')
    await waitForText(page.locator('main'), '重置邮件已在发送途中')

    const resets = () => smtp.received.filter((m) => textOf(m.raw).includes('/reset-password?token='))
    expect(resets()).toHaveLength(0) // queued, not sent inside the request
    await runAllJobs(t.payload)
    expect(resets().map((m) => m.to)).toEqual([['student3@lianpei.demo']])
    expect(smtp.received.some((m) => m.to.includes('nobody@lianpei.demo'))).toBe(false)
    const link = /https?:\/\/\S+\/reset-password\?token=[\w%-]+/.exec(textOf(resets()[0].raw))?.[0]
    expect(link).toBeTruthy()

    await page.goto(`${base}${new URL(link!).pathname}${new URL(link!).search}`)
    await page.fill('input[name=password]', 'short')
    await page.evaluate(() => document.querySelector('input[name=password]')?.removeAttribute('minlength'))
    await page.click('button[type=submit]')
    await waitForText(page.locator('[role=alert]'), '至少需要 8 个字符')
    await page.fill('input[name=password]', 'a-new-password-2026')
    await page.click('button[type=submit]')
    await page.waitForURL(/\/sign-in\?reset=1/)
    await waitForText(page.locator('[role=status]'), '密码已更新')

    // The old password no longer works; the new one does.
    await page.fill('input[name=email]', 'student3@lianpei.demo')
    await page.fill('input[name=password]', 'demo1234')
    await page.click('#sign-in')
    await waitForText(page.locator('[role=alert]'), '邮箱或密码不正确')
    await portalSignIn(page, base, 'student3@lianpei.demo', '/learning', 'a-new-password-2026')
    await portalSignOut(page)
    expect((await page.context().cookies()).some((c) => c.name === 'payload-token')).toBe(false)
    // A used reset link does not work twice.
    await page.goto(`${base}${new URL(link!).pathname}${new URL(link!).search}`)
    await page.fill('input[name=password]', 'yet-another-password')
    await page.click('button[type=submit]')
    await waitForText(page.locator('[role=alert]'), '重置链接无效或已过期')
    await page.close()
  })

  it('counts sign-ins and reset requests through the portal against the same per-address limits as the API', async () => {
    const { base } = app
    const page = await app.browser.context.newPage()
    // Two sign-ins and one reset request a window, for this test.
    setRateLimitScale(0.1)
    try {
      const signIn = async () => {
        await page.goto(`${base}/sign-in`)
        await page.fill('input[name=email]', 'nobody@lianpei.demo')
        await page.fill('input[name=password]', 'not-the-password')
        await page.click('button[type=submit]')
        await page.waitForURL(/error=/)
        return (await page.locator('main [role=alert]').textContent()) ?? ''
      }
      expect(await signIn()).toContain('邮箱或密码不正确')
      expect(await signIn()).toContain('邮箱或密码不正确')
      expect(await signIn()).toMatch(/尝试次数过多，请 \d+ 秒后再试/)
      await screenshot(page, 'sign-in-too-many')
      // The API's sign-in from the same address finds the window used up too.
      const api = await fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'nobody@lianpei.demo', password: 'x' }) })
      expect(api.status).toBe(429)
      expect(Number(api.headers.get('retry-after'))).toBeGreaterThan(0)

      const reset = async (expected: string) => {
        await page.goto(`${base}/forgot-password`)
        await page.fill('input[name=email]', 'nobody@lianpei.demo')
        await page.click('button[type=submit]')
        await waitForText(page.locator('main'), expected)
      }
      await reset('重置邮件已在发送途中')
      await reset('尝试次数过多')
      expect(page.url()).toMatch(/error=busy/)
    } finally {
      setRateLimitScale(0)
    }
  })

  it('works without JavaScript, or before the page has loaded it: its forms are plain HTML forms', async () => {
    // A form posted by the browser itself (not Next's fetch) carries an Origin header only if the
    // referrer policy lets it: under `no-referrer` it was `null`, which Next.js failed on with a 500.
    const plain = await launchBrowser({ javaScriptEnabled: false })
    try {
      const page = await plain.context.newPage()
      await page.goto(`${app.base}/sign-in?next=${encodeURIComponent('/learning')}`)
      await page.fill('input[name=email]', 'student4@lianpei.demo')
      await page.fill('input[name=password]', 'demo1234')
      await page.click('#sign-in')
      await page.waitForURL(`${app.base}/learning`)
      await waitForText(page.locator('h1'), '我的学习')
      await page.click('#sign-out')
      await page.locator('#sign-in-link').waitFor()
      expect(await page.locator('#sign-out').count()).toBe(0)
      // From a private page, signing out asks to sign in again, and would return there.
      expect(page.url()).toBe(`${app.base}/sign-in?next=${encodeURIComponent('/learning')}`)
    } finally {
      await plain.close()
    }
    // A form posted from a page of no origin (a sandboxed frame, a file) is refused, and says why.
    const res = await fetch(`${app.base}/sign-in`, { method: 'POST', headers: { origin: 'null', 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' }, body: 'email=a%40b.c' })
    expect(res.status).toBe(403)
    expect(await res.text()).toContain('no origin')
  })

  it('gives staff a link to the admin panel, and students none', async () => {
    const { base } = app
    const page = await app.browser.context.newPage()
    await portalSignIn(page, base, 'author@lianpei.demo', '/')
    expect(await page.locator('header a[href="/admin"]').count()).toBe(1)
    await portalSignOut(page)
    await portalSignIn(page, base, 'student4@lianpei.demo', '/')
    expect(await page.locator('header a[href="/admin"]').count()).toBe(0)
    // Signing out stays on a public page, without its query (it may carry what an action said to
    // the one signed in, or a check-in code).
    await page.goto(`${base}/mentors?kind=enterprise`)
    await portalSignOut(page)
    expect(page.url()).toBe(`${base}/mentors`)
    await page.close()
  })

  it('renders a new visitor’s first page once: only the admin panel asks for the colour scheme hint', async () => {
    const fresh = await launchBrowser({ locale: 'zh-CN' })
    try {
      const page = await fresh.context.newPage()
      const first = await page.goto(`${app.base}/`)
      // Chromium restarts a navigation whose answer names a Critical-CH hint it did not send.
      expect(first?.request().redirectedFrom()).toBeNull()
      expect(first?.headers()['critical-ch']).toBeUndefined()
      const admin = await fetch(`${app.base}/admin/login`)
      expect(admin.headers.get('critical-ch')).toBe('Sec-CH-Prefers-Color-Scheme')
    } finally {
      await fresh.close()
    }
  })

  it('answers an unknown page with the portal’s 404, in both languages', async () => {
    const { base } = app
    const page = await app.browser.context.newPage()
    const response = await page.goto(`${base}/no/such/page`)
    expect(response?.status()).toBe(404)
    await waitForText(page.locator('h1'), '页面不存在')
    await expectAccessible(page, '404')
    await screenshot(page, 'not-found-zh')
    await page.click('#language-toggle')
    await waitForText(page.locator('h1'), 'Page not found')
    expect((await page.goto(`${base}/courses/999999`))?.status()).toBe(404)
    await waitForText(page.locator('h1'), 'Page not found')
    await screenshot(page, 'not-found-en')
    await page.click('#language-toggle')
    await page.close()
  })

  it('answers a page that fails on the server with the portal’s 500, in both languages, and tries again', async () => {
    const { base, t } = app
    const db = t.payload.db
    const find = db.find
    // The database refuses the catalogue's courses: what a lost connection looks like to a page.
    db.find = async function (this: typeof db, args) {
      if (args.collection === 'courses') throw new Error('connection to the database lost (test)')
      return find.call(this, args)
    } as typeof find
    const page = await app.browser.context.newPage()
    try {
      expect((await page.goto(`${base}/`))?.status()).toBe(500)
      await waitForText(page.locator('h1'), '出错了')
      expect(await page.content()).not.toContain('connection to the database lost')
      await expectAccessible(page, '500')
      await screenshot(page, 'server-error-zh')
      await page.click('#language-toggle')
      await waitForText(page.locator('h1'), 'Something went wrong')
      await screenshot(page, 'server-error-en')
      // Trying again while the database still fails asks the server again (the page's server
      // components, Next's RSC request) and says the same.
      // (Its stream breaks off where the page failed: the request ends as failed.)
      const rsc = (r: Request) => r.headers()['rsc'] === '1'
      await Promise.all([Promise.race([page.waitForEvent('requestfinished', rsc), page.waitForEvent('requestfailed', rsc)]), page.click('#retry')])
      await waitForText(page.locator('h1'), 'Something went wrong')
    } finally {
      db.find = find
    }
    // The database is back: trying again shows the page, without leaving it.
    await page.click('#retry')
    await waitForText(page.locator('h1'), 'Open courses')
    await page.click('#language-toggle')
    await page.close()
  })

  it('brings the next page in the sign-in’s own response: Next.js fetches it from this server, not from localhost:3000', async () => {
    const { base } = app
    const page = await app.browser.context.newPage()
    // As a TLS proxy in front would say: Next must still fetch from this plain-HTTP port.
    await page.setExtraHTTPHeaders({ 'x-forwarded-proto': 'https' })
    await page.goto(`${base}/sign-in?next=${encodeURIComponent('/learning')}`)
    await page.fill('input[name=email]', 'student2@lianpei.demo')
    await page.fill('input[name=password]', DEMO_PASSWORD)
    const requests: string[] = []
    page.on('request', (r) => requests.push(`${r.method()} ${new URL(r.url()).pathname}`))
    try {
      const [action] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/sign-in'), page.click('#sign-in')])
      await page.waitForURL(`${base}/learning`)
      await waitForText(page.locator('h1'), '我的学习')
      // The action's answer carries the page it redirects to (Next's RSC stream), so the browser
      // asks for nothing more. When Next cannot fetch that page from itself, the answer is empty
      // and the browser then asks for /learning in a second request.
      expect(action.headers()['content-type'] ?? '').toContain('text/x-component')
      expect(requests.filter((r) => r.startsWith('GET /learning'))).toEqual([])
    } finally {
      // Signed out whatever happened, so that the next test starts as a visitor.
      await page.context().clearCookies({ name: 'payload-token' })
      await page.close()
    }
  })

  it('answers a failure of the portal’s frame itself (its layout) with a 500 in both languages', async () => {
    const { base, t } = app
    const page = await app.browser.context.newPage()
    await portalSignIn(page, base, 'student2@lianpei.demo')
    const db = t.payload.db
    const findOne = db.findOne
    // The signed-in user comes back in a shape the header cannot read (roles not a list): the
    // root layout fails before any page renders. (A user that cannot be read at all is no
    // failure: Payload's auth then treats the visitor as signed out.)
    db.findOne = async function (this: typeof db, args) {
      const user = await findOne.call(this, args)
      return args.collection === 'users' && user ? { ...user, roles: 'student' } : user
    } as typeof findOne
    try {
      expect((await page.goto(`${base}/`))?.status()).toBe(500)
      await waitForText(page.locator('h1'), '出错了')
      await waitForText(page.locator('h1'), 'Something went wrong')
      expect(await page.title()).toBe('出错了 · Something went wrong · 联培 LianPei')
      expect(await page.content()).not.toContain('is not a function')
      await expectAccessible(page, 'layout error')
      await screenshot(page, 'layout-error')
    } finally {
      db.findOne = findOne
    }
    try {
      // The user reads well again: trying again runs the layout on the server again.
      await page.click('#retry')
      await waitForText(page.locator('h1'), '在线开放课程')
    } finally {
      await page.context().clearCookies({ name: 'payload-token' })
      await page.close()
    }
  })

  it('renders what an author typed as text, never as markup', async () => {
    const { base, t } = app
    const org = (await t.payload.find({ collection: 'organizations', where: { code: { equals: '19001' } }, limit: 1, overrideAccess: true })).docs[0]
    const hostile = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'
    const course = await t.payload.create({
      collection: 'courses',
      data: { title: `脚本测试 ${hostile}`, code: 'XSS-1', summary: hostile, organization: org?.id, credits: 1, hours: 1, creditCategory: 'course', grading: { scheme: 'percentage' }, _status: 'published' } as never,
      overrideAccess: true,
    })
    const page = await app.browser.context.newPage()
    await page.goto(`${base}/courses/${course.id}`)
    await waitForText(page.locator('h1'), '<img src=x')
    await page.goto(`${base}/?q=${encodeURIComponent('脚本测试')}`)
    await waitForText(page.locator('#catalogue'), '<script>')
    expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined()
    expect(await page.locator('main img, main script').count()).toBe(0)
    await page.close()
  })

  it('names a new or renamed organisation on the catalogue page at once (its names are kept per process)', async () => {
    const { base, t } = app
    // The cards only: the provider filter lists every organisation.
    const cards = async (q: string) => {
      const html = await (await fetch(`${base}/?q=${encodeURIComponent(q)}`)).text()
      return html.slice(html.indexOf('id="catalogue"'))
    }
    expect(await cards('')).toContain('card')
    const provider = await createOrganization(t.payload, 'enterprise', '91441900MA51LP0099', '东莞精工模具有限公司')
    await createCourse(t.payload, provider.id, { title: '模具设计实训' })
    expect(await cards('模具设计实训')).toContain('东莞精工模具有限公司')
    await t.payload.update({ collection: 'organizations', id: provider.id, data: { name: '东莞精密模具有限公司' }, overrideAccess: true })
    const renamed = await cards('模具设计实训')
    expect(renamed).toContain('东莞精密模具有限公司')
    expect(renamed).not.toContain('东莞精工模具有限公司')
  })
})
