/**
 * The mentor pages in Chromium, on the seeded demo: a university looks up an enterprise mentor by
 * expertise without signing in; a mentor whose certification ends within 30 days sees the warning,
 * their training and their students. Accessible (axe), in Chinese and on a phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitForText } from '../helpers/browser'
import { type BrowserApp, startBrowserApp } from '../helpers/browserApp'
import { createUser } from '../helpers/fixtures'
import { expectAccessible, keepFailure, portalSignIn, screenshot } from '../helpers/portal'

let app: BrowserApp

beforeAll(async () => {
  app = await startBrowserApp({ next: true, seed: true, locale: 'zh-CN' })
})
afterAll(async () => app?.stop())

describe('mentor pages', () => {
  it('finds an enterprise mentor by expertise without signing in', async () => {
    const page = await app.browser.context.newPage()
    await keepFailure(page, 'mentors-registry', async () => {
      await page.goto(`${app.base}/mentors`)
      await page.fill('input[name=q]', '数字孪生')
      await page.selectOption('select[name=kind]', 'enterprise')
      await page.click('form[role=search] button[type=submit]')
      await waitForText(page.locator('#registry-count'), '共 1 位导师')
      await waitForText(page.locator('#registry'), '赵明远')
      expect(await page.locator('#registry').innerText()).toContain('产业教授')
      // Applicants and suspended mentors are not in the public registry.
      await page.goto(`${app.base}/mentors?q=${encodeURIComponent('光伏材料')}`)
      await waitForText(page.locator('#registry-count'), '共 0 位导师')
      await expectAccessible(page, 'mentor registry')
      await screenshot(page, 'mentors-registry')
    })
    await page.close()
  })

  it('pages a registry longer than a page, and explains a link it refuses in Chinese', async () => {
    const { payload } = app.t
    const enterprise = (await payload.find({ collection: 'organizations', where: { kind: { equals: 'enterprise' } }, limit: 1, overrideAccess: true, depth: 0 })).docs[0]!
    for (let i = 1; i <= 22; i++) {
      const user = await createUser(payload, ['mentor'], enterprise.id)
      // Stored as certified directly: through the Local API only finishing a track certifies.
      await payload.db.create({
        collection: 'mentors' as never,
        data: { user: user.id, name: `分页导师 ${String(i).padStart(2, '0')}`, kind: 'enterprise', tier: 'industry-mentor', organization: enterprise.id, maxStudents: 5, status: 'certified', certifiedUntil: new Date(Date.now() + 365 * 86_400_000).toISOString() },
      })
    }
    const page = await app.browser.context.newPage()
    await keepFailure(page, 'mentors-registry-pages', async () => {
      await page.goto(`${app.base}/mentors`)
      const total = Number((await page.locator('#registry-count').innerText()).match(/\d+/)![0])
      expect(total).toBeGreaterThan(22)
      expect(await page.locator('#registry li').count()).toBe(20)
      await waitForText(page.locator('#registry-pages'), `第 1 / ${Math.ceil(total / 20)} 页`)
      await page.click('#registry-pages a[rel=next]')
      await waitForText(page.locator('#registry-pages'), `第 2 / ${Math.ceil(total / 20)} 页`)
      expect(await page.locator('#registry li').count()).toBe(Math.min(20, total - 20))
      // A page past the end (a hand-edited link) is the last page, with its filters.
      await page.goto(`${app.base}/mentors?kind=enterprise&page=99`)
      await page.waitForURL((url) => url.searchParams.get('kind') === 'enterprise' && Number(url.searchParams.get('page')) > 1 && Number(url.searchParams.get('page')) < 99)
      expect(await page.locator('#registry li').count()).toBeGreaterThan(0)
      expect(await page.locator('#registry-pages a[rel=next]').count()).toBe(0)

      // A hand-edited link: said in Chinese (it was the API's English), every mentor shown, the form cleared.
      await page.goto(`${app.base}/mentors?tier=gold&q=${encodeURIComponent('数字孪生')}`)
      await waitForText(page.locator('#registry-query-refused'), '链接中的筛选条件无效')
      await waitForText(page.locator('#registry-count'), `共 ${total} 位导师`)
      expect(await page.locator('input[name=q]').inputValue()).toBe('')
      await expectAccessible(page, 'mentor registry refused link')
    })
    await page.close()
  })

  it('shows a mentor their expiring certification, training and students, on a phone', async () => {
    await app.browser.context.clearCookies()
    const page = await app.browser.context.newPage()
    await page.setViewportSize({ width: 390, height: 844 })
    await keepFailure(page, 'mentor-page', async () => {
      await portalSignIn(page, app.base, 'mentor4@lianpei.demo', '/mentor')
      await waitForText(page.locator('h1'), '我的导师工作')
      await waitForText(page.locator('#mentor-status-value'), '已认证')
      await waitForText(page.locator('#expiry-warning'), '天后到期')
      await waitForText(page.locator('#tracks'), '产业教授岗前培训')
      await waitForText(page.locator('#students'), '杨思雨')
      await expectAccessible(page, 'mentor page')
      await screenshot(page, 'mentor-page-phone')
    })
    await page.close()
  })
})
