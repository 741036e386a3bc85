/**
 * The programme pages in Chromium, on the seeded demo: the organiser's check-in screen shows the
 * rotating code and its QR code and counts arrivals; a student on a phone checks in by typing the
 * code, sees their attendance rate, takes the contest against the server's clock and finds
 * themself on the leaderboard. Accessible (axe), in Chinese.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, waitForText } from '../helpers/browser'
import { type BrowserApp, startBrowserApp } from '../helpers/browserApp'
import { expectAccessible, keepFailure, portalSignIn, screenshot } from '../helpers/portal'

let app: BrowserApp
type Doc = Record<string, any>

beforeAll(async () => {
  app = await startBrowserApp({ next: true, seed: true, locale: 'zh-CN' })
})
afterAll(async () => app?.stop())

describe('programme pages', () => {
  it('checks a student in with the code the organiser’s screen shows, and counts the arrival', async () => {
    const { t, base } = app
    // A session of the vocational camp happening now.
    const [camp] = (await t.payload.find({ collection: 'camps' as never, where: { kind: { equals: 'vocational-camp' } }, overrideAccess: true })).docs as Doc[]
    const now = Date.now()
    const session = (await t.payload.create({ collection: 'camp-sessions' as never, data: { camp: camp.id, title: '机器人安全联锁实操', kind: 'activity', startsAt: new Date(now - 60_000).toISOString(), endsAt: new Date(now + 3_600_000).toISOString(), place: '实训中心' } as never, overrideAccess: true })) as Doc

    const screen = await app.browser.context.newPage()
    await keepFailure(screen, 'camps-screen', async () => {
      // The organiser finds today's session on their programmes page and opens its screen.
      await portalSignIn(screen, base, 'organizer@lianpei.demo', '/camps')
      await screen.locator('#todays-sessions li', { hasText: '机器人安全联锁实操' }).locator('a').click()
      await screen.waitForURL(`${base}/camps/sessions/${session.id}/screen`)
      await screen.locator('#check-in-code').waitFor()
      await screen.locator('.qr svg').waitFor()
      await waitForText(screen.locator('#arrivals'), '已到 0 / 2 人')
      await expectAccessible(screen, 'check-in screen')
      await screenshot(screen, 'camps-check-in-screen')
    })
    const code = (await screen.locator('#check-in-code').innerText()).trim()
    expect(code).toMatch(/^\d{6}$/)

    // The student's phone: a browser of its own, so the organiser's screen stays signed in.
    const phoneBrowser = await launchBrowser({ locale: 'zh-CN' })
    const phone = await phoneBrowser.context.newPage()
    await phone.setViewportSize({ width: 390, height: 844 })
    await keepFailure(phone, 'camps-phone', async () => {
      await portalSignIn(phone, base, 'student2@lianpei.demo', `/camps/check-in?session=${session.id}`)
      await phone.fill('input[name=code]', code)
      await phone.click('#check-in-button')
      await waitForText(phone.locator('#check-in-result'), '签到成功')
      await expectAccessible(phone, 'check-in page')
      await screenshot(phone, 'camps-check-in-phone')
      await phone.goto(`${base}/camps`)
      await waitForText(phone.locator('#my-camps'), '智能制造职业训练营')
      expect(await phone.locator('#my-camps').innerText()).toMatch(/出勤率/)
      await expectAccessible(phone, 'my camps')
      await screenshot(phone, 'camps-mine-phone')
    })
    await waitForText(screen.locator('#arrivals'), '已到 1 / 2 人')
    await phoneBrowser.close()
    await screen.close()
  })

  it('takes a contest against the server’s clock and shows the leaderboard', async () => {
    const { t, base } = app
    const [contest] = (await t.payload.find({ collection: 'contests' as never, overrideAccess: true })).docs as Doc[]
    await app.browser.context.clearCookies()
    const page = await app.browser.context.newPage()
    await keepFailure(page, 'camps-contest', async () => {
      await portalSignIn(page, base, 'student4@lianpei.demo', `/camps/contests/${contest.id}`)
      await page.click('#start-contest')
      await waitForText(page.locator('#time-left'), '剩余时间')
      // Nothing in the page says which choice is right before submitting.
      expect(await page.content()).not.toMatch(/"correct"/)
      for (const question of await page.locator('.questions > li').all()) await question.locator('input').first().check()
      await expectAccessible(page, 'contest')
      await page.click('#submit-contest')
      await waitForText(page.locator('#contest-score'), '得分')
      await page.goto(`${base}/camps/contests/${contest.id}/leaderboard`)
      await waitForText(page.locator('#leaderboard'), '乌云娜')
      await expectAccessible(page, 'leaderboard')
      await screenshot(page, 'camps-leaderboard')
    })
    await page.close()
  })
})
