/**
 * The learner portal's journey in Chromium, on the demo data: a student signs in, searches the
 * catalogue in Chinese, enrols, studies the lesson and plays the H5P module to the end, sees the
 * progress move and the course complete, and sees the credit record appear; the registrar accepts
 * it in bulk with a local course code; the student sees it accepted, downloads the credential and
 * the verify page confirms it. Once at desktop size, once at phone size (390 × 844), with axe-core
 * on every page and screenshots kept as artifacts.
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PLAYER_FRAME_SANDBOX } from '../../plugins/open-courses/h5p/contentIsolation'
import { waitForText } from '../helpers/browser'
import { type BrowserApp, startBrowserApp } from '../helpers/browserApp'
import { expectAccessible, expectTitle, keepFailure, portalSignIn, portalSignOut, runAllJobs, screenshot } from '../helpers/portal'

let app: BrowserApp

beforeAll(async () => {
  app = await startBrowserApp({ next: true, seed: true, locale: 'zh-CN' })
})
afterAll(async () => app?.stop())

const COURSE = '智能工厂安全生产基础'

async function studentJourney(page: Page, email: string, tag: string) {
  const { base, t } = app
  const check = async (name: string) => {
    await expectAccessible(page, `${tag} ${name}`)
    await screenshot(page, `${tag}-${name}`)
  }

  // A private page sends a signed-out visitor to sign in, and back.
  await page.context().clearCookies()
  await page.goto(`${base}/learning`)
  await page.waitForURL(/\/sign-in\?next=%2Flearning/)
  // Each page names itself in the window's title.
  await expectTitle(page, '登录联培 · 联培 LianPei')
  await check('sign-in')
  await page.fill('input[name=email]', email)
  await page.fill('input[name=password]', 'demo1234')
  await page.click('#sign-in')
  await page.waitForURL(`${base}/learning`)
  await check('learning-empty')

  // The catalogue, searched in Chinese.
  await page.goto(`${base}/`)
  await expectTitle(page, '在线开放课程 · 联培 LianPei')
  await check('catalogue')
  // The credit filters; a link whose filters the catalogue refuses says so in Chinese and shows every course.
  await page.fill('input[name=minCredits]', '100')
  await page.click('form[role=search] button[type=submit]')
  await waitForText(page.locator('#catalogue-count'), '共 0 门课程')
  await page.goto(`${base}/?sort=cheapest&q=${encodeURIComponent('安全生产')}`)
  await waitForText(page.locator('#catalogue-query-refused'), '链接中的筛选条件无效')
  expect(await page.locator('input[name=q]').inputValue()).toBe('')
  await page.fill('input[name=q]', '安全生产')
  await page.click('form[role=search] button[type=submit]')
  await waitForText(page.locator('#catalogue-count'), '共 1 门课程')
  // A page past the end (a hand-edited link) is the last page, with its filters: a search, and
  // an organisation (a filter that joins the course's partners, where Payload counts no rows).
  await page.goto(`${base}/?q=${encodeURIComponent('安全生产')}&page=7`)
  await page.waitForURL((url) => url.searchParams.get('page') === '1' && url.searchParams.get('q') === '安全生产')
  expect(await page.locator('#catalogue .card').count()).toBe(1)
  const partner = (await t.payload.find({ collection: 'organizations', where: { name: { equals: '松山湖智能装备有限公司' } }, limit: 1, overrideAccess: true, depth: 0 })).docs[0]!
  await page.goto(`${base}/?organization=${partner.id}&page=7`)
  await page.waitForURL((url) => url.searchParams.get('page') === '1' && url.searchParams.get('organization') === String(partner.id))
  await waitForText(page.locator('#catalogue'), COURSE)
  // A featured course out of the 2025 round, designated a school-level quality course with its award.
  await waitForText(page.locator('#catalogue .badge.designation'), '校级优质课程')
  // Its card names the provider and the enterprise partner.
  await waitForText(page.locator('#catalogue .card'), '开课单位：松山湖科技大学')
  await waitForText(page.locator('#catalogue .card'), '合作单位：松山湖智能装备有限公司')
  await page.locator('#catalogue a', { hasText: COURSE }).click()

  // The course page: enrol.
  await waitForText(page.locator('h1'), COURSE)
  await expectTitle(page, `${COURSE} · 联培 LianPei`)
  await waitForText(page.locator('.badge.designation'), '校级优质课程')
  await waitForText(page.locator('#syllabus'), '互动练习：安全知识判断题')
  await check('course')
  await page.click('#enrol')
  await waitForText(page.locator('#enrolment-status'), '你已选修本课程')
  await check('course-enrolled')

  // The lesson counts once opened; the progress moves to half.
  await page.click('#resume')
  await waitForText(page.locator('h1'), '安全生产法规概述')
  await expectTitle(page, '安全生产法规概述 · 联培 LianPei')
  await page.locator('#xapi-status:not(:empty)').waitFor({ timeout: 30_000 })
  expect(await page.locator('#xapi-status').textContent()).toContain('已记录学习进度')
  await waitForText(page.locator('#course-progress-text'), '已完成 50%')
  await check('lesson')

  // The H5P module, played in its sandboxed frame to the end: the right answer is False.
  await page.click('#next-module')
  await waitForText(page.locator('h1'), '互动练习')
  const frame = page.frameLocator('iframe#h5p-player')
  await frame.getByText('False', { exact: true }).click({ timeout: 60_000 })
  await frame.getByRole('button', { name: 'Check' }).click()
  await waitForText(page.locator('#course-progress-text'), '已完成 100%')
  await check('h5p')
  // The content runs without the portal's origin: no allow-same-origin in its sandbox.
  expect(await page.locator('iframe#h5p-player').getAttribute('sandbox')).toBe(PLAYER_FRAME_SANDBOX)
  expect(PLAYER_FRAME_SANDBOX).not.toContain('allow-same-origin')

  // Completion and the credit record are queued work; the job runner does them.
  await runAllJobs(t.payload)
  await page.goto(`${base}/learning`)
  await waitForText(page.locator('#completed-courses'), COURSE)
  await waitForText(page.locator('#completed-courses'), '完成于')
  await check('learning-completed')
  await page.goto(`${base}/credits`)
  await waitForText(page.locator('#credit-records'), COURSE)
  await check('credits-issued')
}

const WEBHOOK_URL = 'https://registrar.example.edu.cn/lianpei'

/**
 * A paused endpoint of the registrar's university with a failed and then a successful delivery
 * (written as stored: no receiver here); added by whichever journey reaches the registrar first.
 */
async function addWebhookWithDeliveries() {
  const { payload } = app.t
  if ((await payload.count({ collection: 'credit-webhooks', where: { url: { equals: WEBHOOK_URL } }, overrideAccess: true })).totalDocs > 0) return
  const registrar = (await payload.find({ collection: 'users', where: { email: { equals: 'registrar@lianpei.demo' } }, overrideAccess: true, depth: 0 })).docs[0] as { organization: number | string }
  const university = registrar.organization
  const record = (await payload.find({ collection: 'credit-records', where: { homeUniversity: { equals: university } }, limit: 1, overrideAccess: true, depth: 0 })).docs[0]
  const hook = await payload.db.create({ collection: 'credit-webhooks', data: { university, url: WEBHOOK_URL, secret: 'a'.repeat(24), active: false } })
  for (const [attempt, succeeded, httpStatus, at] of [[1, false, 503, '2026-11-01T08:00:00.000Z'], [2, true, 200, '2026-11-01T08:05:00.000Z']] as const) {
    await payload.db.create({ collection: 'credit-webhook-deliveries', data: { record: record.id, webhook: hook.id, university, attempt, succeeded, httpStatus, createdAt: at, updatedAt: at } })
  }
}

async function registrarAccepts(page: Page, tag: string) {
  const { base } = app
  await addWebhookWithDeliveries()
  await portalSignIn(page, base, 'registrar@lianpei.demo', '/registrar')
  await waitForText(page.locator('#waiting-records'), COURSE)
  await expectAccessible(page, `${tag} registrar`)
  await screenshot(page, `${tag}-registrar`)
  // The download holds the new records, from the first one not yet received; then there are none.
  const download = await page.locator('#download-csv').getAttribute('href')
  const csv = await page.request.get(`${base}${download}`)
  expect(csv.status()).toBe(200)
  expect(csv.headers()['content-type']).toContain('text/csv')
  expect(await csv.text()).toContain(COURSE)
  await page.reload()
  await waitForText(page.locator('#no-new-records'), '没有尚未接收的新记录')
  // Each webhook endpoint with its state, its last delivery and its recent failures.
  const endpoint = page.locator('#webhook-endpoints tbody tr', { hasText: 'registrar.example.edu.cn' })
  expect((await endpoint.locator('td').allInnerTexts()).map((c) => c.trim())).toEqual([WEBHOOK_URL, '已停用', expect.stringContaining('#2 · 成功 200'), '1'])
  const rows = page.locator('#waiting-records tbody tr', { hasText: COURSE })
  const count = await rows.count()
  for (let i = 0; i < count; i++) await rows.nth(i).locator('input[type=checkbox]').check()
  // Enter in a text box decides nothing: the form's first button would accept every selected record.
  await page.fill('input[name=reason]', '学分转换待核')
  await page.press('input[name=reason]', 'Enter')
  await page.waitForTimeout(1500)
  expect(page.url()).not.toContain('decided=')
  expect(page.url()).not.toContain('problem=')
  expect(await rows.count()).toBe(count)
  await page.fill('input[name=reason]', '')
  await page.fill('input[name=localCourseCode]', 'GS085599')
  await page.click('#accept-selected')
  await waitForText(page.locator('#decision-outcome'), `已处理 ${count} 条记录`)
  await waitForText(page.locator('#recent-decisions'), COURSE)
  await screenshot(page, `${tag}-registrar-decided`)
  await portalSignOut(page)
}

async function studentVerifies(page: Page, email: string, tag: string) {
  const { base } = app
  await portalSignIn(page, base, email, '/credits')
  const row = page.locator('#credit-records tbody tr', { hasText: COURSE })
  await waitForText(row, '已认定')
  await waitForText(row, 'GS085599')
  await screenshot(page, `${tag}-credits-accepted`)
  const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link').click()])
  const credential = readFileSync((await download.path())!, 'utf8')
  expect(credential.split('.')).toHaveLength(3)

  await page.goto(`${base}/verify`)
  await page.fill('#credential', credential)
  await page.click('#verify')
  await waitForText(page.locator('#verify-result'), '签名有效')
  await waitForText(page.locator('#verify-result'), '未被撤销')
  await waitForText(page.locator('#verify-result'), COURSE)
  await waitForText(page.locator('#verify-result'), '学号 2024')
  await expectAccessible(page, `${tag} verify`)
  await screenshot(page, `${tag}-verify`)

  // A credential changed by one character does not verify.
  const tampered = credential.slice(0, -4) + (credential.endsWith('AAAA') ? 'BBBB' : 'AAAA')
  await page.fill('#credential', tampered)
  await page.click('#verify')
  await waitForText(page.locator('#verify-result'), '验证失败：签名与本平台的公钥不符')
  // Why, in Chinese: jose's errors are read by their code.
  await page.fill('#credential', 'not-a-credential')
  await page.click('#verify')
  await waitForText(page.locator('#verify-result'), '验证失败：这不是一份完整的证书')
}

describe('the learner portal', () => {
  it('takes a student from the catalogue to an accepted, verified credit (desktop)', async () => {
    const page = await app.browser.context.newPage()
    await keepFailure(page, 'desktop', async () => {
      await studentJourney(page, 'student2@lianpei.demo', 'desktop')
      await portalSignOut(page)
      await registrarAccepts(page, 'desktop')
      await studentVerifies(page, 'student2@lianpei.demo', 'desktop')

      // The language toggle changes the page and is remembered.
      await page.click('#language-toggle')
      await page.waitForURL(`${app.base}/verify`)
      await waitForText(page.locator('h1'), 'Verify a credit credential')
      expect(await page.locator('html').getAttribute('lang')).toBe('en')
      await page.goto(`${app.base}/credits`)
      await waitForText(page.locator('h1'), 'My credits')
      await expectTitle(page, 'My credits · 联培 LianPei')
      await waitForText(page.locator('#credit-records'), 'Recognised')
      await expectAccessible(page, 'desktop credits (en)')
      await screenshot(page, 'desktop-credits-en')
      await page.click('#language-toggle')
      await waitForText(page.locator('h1'), '我的学分')
      await portalSignOut(page)
    })
    await page.close()
  })

  it('takes a student through the same journey on a phone-sized screen', async () => {
    const page = await app.browser.context.newPage()
    await page.setViewportSize({ width: 390, height: 844 })
    await keepFailure(page, 'phone', async () => {
      await studentJourney(page, 'student@lianpei.demo', 'phone')
      // Nothing is wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
      expect(await page.locator('meta[name="viewport"]').evaluateAll((tags) => tags.map((t) => t.getAttribute('content')))).toEqual(['width=device-width, initial-scale=1'])
      await portalSignOut(page)
      await registrarAccepts(page, 'phone')
      await studentVerifies(page, 'student@lianpei.demo', 'phone')
      await portalSignOut(page)
    })
    await page.close()
  })
})
