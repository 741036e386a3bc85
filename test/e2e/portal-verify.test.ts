/**
 * The verify page on a CLR transcript, in Chromium: the transcript's one signature covers the
 * records it holds, and each of them can be revoked or corrected after the transcript was
 * downloaded, so the page reads each record's status and says which no longer stand, and which
 * it could not check.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../seed/data/users'
import { credentialKeys } from '../../src/credentials/keys'
import { signCredential } from '../../src/credentials/signCredential'
import { waitForText } from '../helpers/browser'
import { type BrowserApp, startBrowserApp } from '../helpers/browserApp'
import { expectAccessible, keepFailure, screenshot } from '../helpers/portal'

let app: BrowserApp

beforeAll(async () => {
  app = await startBrowserApp({ next: true, seed: true, locale: 'zh-CN' })
})
afterAll(async () => app?.stop())

// The demo student's two records (seed/data/completions.ts).
const ETHICS = '研究生学术规范与科研伦理'
const ROBOTS = '工业机器人系统集成'

async function signIn(email: string) {
  const res = await fetch(`${app.base}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) })
  const body = (await res.json()) as { token: string; user: { id: number | string } }
  return { auth: { authorization: `JWT ${body.token}` }, id: body.user.id }
}

async function verify(page: Page, credential: string) {
  await page.fill('#credential', credential)
  await page.click('#verify')
  await waitForText(page.locator('#verify-result'), '签名有效')
}

const transcriptRows = async (page: Page) =>
  Object.fromEntries(
    await Promise.all(
      (await page.locator('#transcript-records tbody tr').all()).map(async (row) => {
        const [achievement, state] = (await row.locator('td').allInnerTexts()).map((c) => c.trim())
        return [achievement!.split(' (')[0]!, state!]
      }),
    ),
  )

describe('the verify page on a transcript', () => {
  it('says which of its records were revoked or corrected since it was issued', async () => {
    const student = await signIn('student@lianpei.demo')
    const admin = await signIn('admin@lianpei.demo')
    const transcript = await (await fetch(`${app.base}/api/credit-records/transcript`, { headers: student.auth })).text()
    const { docs: records } = await app.t.payload.find({ collection: 'credit-records' as never, where: { learner: { equals: student.id } }, overrideAccess: true, depth: 0, sort: 'sequence' })
    const recordOf = (title: string) => (records as Array<Record<string, any>>).find((r) => r.sourceTitle === title)!
    const page = await app.browser.context.newPage()
    await keepFailure(page, 'verify-transcript', async () => {
      await page.goto(`${app.base}/verify`)
      await verify(page, transcript)
      await waitForText(page.locator('#verify-result'), '成绩单中的记录均未被撤销（共 2 条）')
      expect(await transcriptRows(page)).toEqual({ [ETHICS]: '未撤销（已发放，待学校接收）', [ROBOTS]: '未撤销（已发放，待学校接收）' })
      await waitForText(page.locator('#verify-result'), '学号 ')

      // The status lists cannot be read (the network or the issuer's server fails): no record is
      // said to stand that was not checked.
      const lists = '**/api/credit-records/status-lists/**'
      await page.route(lists, (route) => route.abort())
      await verify(page, transcript)
      await waitForText(page.locator('#verify-result'), '无法确认状态的记录：2 条，见下表。')
      expect(await transcriptRows(page)).toEqual({ [ETHICS]: '无法查询', [ROBOTS]: '无法查询' })
      await page.unroute(lists)

      // A transcript may hold its records as compact JWTs (CLR 2.0 allows either): each must
      // verify on its own. One with another record's signature is said not to.
      const jwtOf = async (title: string) => (await fetch(`${app.base}/api/credit-records/${recordOf(title).id}/credential`, { headers: student.auth })).text()
      const [ethics, robots] = [await jwtOf(ETHICS), await jwtOf(ROBOTS)]
      const forged = `${robots.split('.').slice(0, 2).join('.')}.${ethics.split('.')[2]}`
      const clr = JSON.parse(Buffer.from(transcript.split('.')[1]!, 'base64url').toString()).vc
      clr.credentialSubject.verifiableCredential = [ethics, forged]
      await verify(page, await signCredential(await credentialKeys(app.t.payload.config)(), clr))
      await waitForText(page.locator('#verify-result'), '无法确认状态的记录：1 条，见下表。')
      expect(await transcriptRows(page)).toEqual({ [ETHICS]: '未撤销（已发放，待学校接收）', '—': '此记录的签名未通过验证' })

      // One record revoked after the transcript was downloaded: the transcript still verifies, and says so.
      const revoked = await fetch(`${app.base}/api/credit-records/${recordOf(ETHICS).id}`, { method: 'PATCH', headers: { ...admin.auth, 'content-type': 'application/json' }, body: JSON.stringify({ status: 'revoked', revocationReason: '成绩录入错误' }) })
      expect(revoked.status).toBe(200)
      await verify(page, transcript)
      await waitForText(page.locator('#verify-result'), '自签发以来已被撤销或更正的记录：1 条')
      const rows = await transcriptRows(page)
      expect(rows[ETHICS]).toMatch(/^已于 \d{4}年\d{1,2}月\d{1,2}日 撤销：成绩录入错误$/)
      expect(rows[ROBOTS]).toBe('未撤销（已发放，待学校接收）')
      await expectAccessible(page, 'verify transcript')
      await screenshot(page, 'verify-transcript-revoked')

      // The other corrected: the record the transcript holds is replaced by a new one.
      const corrected = await fetch(`${app.base}/api/credit-records/${recordOf(ROBOTS).id}/correct`, { method: 'POST', headers: { ...admin.auth, 'content-type': 'application/json' }, body: JSON.stringify({ reason: '学分应为 3', credits: 3 }) })
      expect(corrected.status).toBe(201)
      await verify(page, transcript)
      await waitForText(page.locator('#verify-result'), '自签发以来已被撤销或更正的记录：2 条')
      expect((await transcriptRows(page))[ROBOTS]).toBe('已被更正后的记录取代')

      // The corrected record's own credential says so too, and not that it was revoked with no reason.
      const credential = await (await fetch(`${app.base}/api/credit-records/${recordOf(ROBOTS).id}/credential`, { headers: student.auth })).text()
      await verify(page, credential)
      await waitForText(page.locator('#verify-result'), '该证书已被更正，由新的证书取代，不再有效。')
    })
    await page.close()
  })
})

describe('the verify page on a mentor certification', () => {
  it('says whether it is in force: its period, its status, and a revocation made after it was downloaded', async () => {
    const admin = await signIn('admin@lianpei.demo')
    const credentialOf = async (email: string) => {
      const mentor = await signIn(email)
      const { docs } = await app.t.payload.find({ collection: 'mentor-certifications' as never, where: { mentorUser: { equals: mentor.id } }, sort: '-issuedAt', limit: 1, overrideAccess: true, depth: 0 })
      const certification = docs[0] as Record<string, any>
      const res = await fetch(`${app.base}/api/mentor-certifications/${certification.id}/credential`, { headers: mentor.auth })
      expect(res.status).toBe(200)
      return { certification, jwt: await res.text() }
    }
    const page = await app.browser.context.newPage()
    await keepFailure(page, 'verify-certification', async () => {
      await page.goto(`${app.base}/verify`)
      // A demo mentor certified a month ago (seed/data/mentors.ts).
      const current = await credentialOf('mentor@lianpei.demo')
      await verify(page, current.jwt)
      await waitForText(page.locator('#verify-result'), '该证书未被撤销（当前状态：认证有效）。')
      await waitForText(page.locator('#verify-result'), '有效期至')
      expect(await page.locator('#verify-lapsed').count()).toBe(0)
      await expectAccessible(page, 'verify certification')
      await screenshot(page, 'verify-certification')

      // One trained 37 months ago, whose certification has ended: the signature holds, the period does not.
      const ended = await credentialOf('mentor8@lianpei.demo')
      await verify(page, ended.jwt)
      await waitForText(page.locator('#verify-lapsed'), '该证书的有效期已于')
      await waitForText(page.locator('#verify-result'), '认证已过期')

      // Revoked after the mentor downloaded it.
      const revoked = await fetch(`${app.base}/api/mentor-certifications/${current.certification.id}`, { method: 'PATCH', headers: { ...admin.auth, 'content-type': 'application/json' }, body: JSON.stringify({ status: 'revoked', revocationReason: '培训记录不实' }) })
      expect(revoked.status).toBe(200)
      await verify(page, current.jwt)
      await waitForText(page.locator('#verify-result'), '该证书已被撤销。')
      expect(await page.locator('#verify-result').innerText()).not.toContain('培训记录不实')
    })
    await page.close()
  })
})
