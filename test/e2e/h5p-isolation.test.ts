/**
 * Issue 9's attack, in a real browser: an author's package carries script (an XHTML file in
 * content/, and HTML with an event handler in its question text). Opened by a signed-in
 * administrator, or played by a signed-in learner, that script must not read or change anything of
 * the platform. Each probe tries what an attacker would: create an organisation through /api with
 * the victim's cookie, read the platform page's DOM, and report back what it could see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserApp, startBrowserApp } from '../helpers/browserApp'
import { createCourse, createOrganization, createUser, PASSWORD } from '../helpers/fixtures'
import { createPackage, editJson, installLibraries, repack } from '../helpers/h5p'

let app: BrowserApp

beforeAll(async () => {
  app = await startBrowserApp()
  await installLibraries(app.t.payload)
})
afterAll(async () => app?.stop())

/** What the attacker's script runs; `code` names the organisation it tries to create. */
const attack = (code: string) => `
  window.__probe = 'ran';
  fetch('/api/organizations', { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ kind: 'university', code: '${code}', name: 'pwned' }) })
    .then(function (r) { window.__probe = 'api:' + r.status }, function (e) { window.__probe = 'api-blocked' });
  try { window.__parent = parent.document.title; parent.document.title = 'pwned' } catch (e) { window.__parent = 'blocked' }
  parent.postMessage({ type: 'lianpei:xapi', statement: { actor: { mbox: 'mailto:x@y' }, verb: { id: 'http://adlnet.gov/expapi/verbs/passed' },
    object: { id: 'forged' }, result: { success: true, completion: true, score: { scaled: 1 } } } }, '*');
`

const orgExists = async (code: string) =>
  (await app.t.payload.count({ collection: 'organizations', where: { code: { equals: code } }, overrideAccess: true })).totalDocs > 0

describe('H5P content cannot act for the signed-in user', () => {
  it('an XHTML file in an author’s package runs no script with the platform’s origin', async () => {
    const { base, browser, t } = app
    const org = await createOrganization(t.payload, 'university', '10901')
    const admin = await createUser(t.payload, ['admin'], org.id)
    const evil = `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>evil</title></head><body><p>点击</p>
<script>${attack('66601')}</script></body></html>`
    const pkg = await createPackage(t.payload, 'evil.h5p', await repack('true-false.h5p', { add: { 'content/evil.xml': evil } }))

    const page = await browser.context.newPage()
    expect((await page.request.post(`${base}/api/users/login`, { data: { email: admin.email, password: PASSWORD } })).status()).toBe(200)
    // The cookie is there: the same request from the platform's own origin would succeed.
    expect((await page.request.get(`${base}/api/users/me`)).status()).toBe(200)
    const response = await page.goto(`${base}/h5p/content/${pkg.id}/content/evil.xml`)
    expect(response?.status()).toBe(200)
    // It is rendered as the XHTML document it is, so its script would have run but for the sandbox.
    expect(await page.title()).toBe('evil')
    await page.waitForTimeout(1_500)
    expect(await page.evaluate(() => (window as any).__probe ?? 'did not run')).toBe('did not run')
    expect(await orgExists('66601')).toBe(false)
    await page.close()
  })

  it('script in a package’s content does not run in the player frame, nor reaches the platform, nor speaks for the learner', async () => {
    const { base, browser, t } = app
    const org = await createOrganization(t.payload, 'university', '10902')
    const student = await createUser(t.payload, ['student', 'admin'], org.id, { homeUniversity: org.id })
    const data = await repack('true-false.h5p', {
      edit: editJson('content/content.json', (c) => {
        c.question = `<p>Is this false?</p><img src="x" onerror="${attack('66602').replace(/\n/g, ' ').replace(/"/g, '&quot;')}">`
      }),
    })
    const pkg = await createPackage(t.payload, 'xss.h5p', data)
    const course = await createCourse(t.payload, org.id, { completionRule: { minAverageScore: 0, scorePolicy: 'best' } })
    const module = await t.payload.create({ collection: 'modules', data: { course: course.id, title: '判断题', order: 1, kind: 'h5p', h5pPackage: pkg.id } as never, overrideAccess: true })

    const page = await browser.context.newPage()
    const blocked: string[] = []
    page.on('console', (m) => m.text().includes('Content Security Policy') && blocked.push(m.text()))
    expect((await page.request.post(`${base}/api/users/login`, { data: { email: student.email, password: PASSWORD } })).status()).toBe(200)
    await page.goto(`${base}/api/modules/${module.id}/play`)
    const title = await page.title()
    const frame = page.frameLocator('iframe#h5p-player')
    // The question renders, with its image, but the frame's CSP refuses the inline handler.
    await frame.getByText('Is this false?').waitFor({ timeout: 60_000 })
    const h5pFrame = page.frames().find((f) => f.url().includes('/embed'))
    expect(h5pFrame).toBeDefined()
    await page.waitForTimeout(1_500)
    expect(await h5pFrame!.evaluate(() => (window as any).__probe ?? 'did not run')).toBe('did not run')
    expect(blocked.length).toBeGreaterThan(0)
    expect(await page.title()).toBe(title)
    expect(await orgExists('66602')).toBe(false)
    const forged = await t.payload.count({ collection: 'xapi-statements', where: { verb: { equals: 'http://adlnet.gov/expapi/verbs/passed' } }, overrideAccess: true })
    expect(forged.totalDocs).toBe(0)
    // The frame itself is isolated all the same: script that does run there cannot reach the page.
    expect(await h5pFrame!.evaluate(() => { try { return parent.document.title } catch { return 'blocked' } })).toBe('blocked')
    // And the player still works: the answer is recorded for the learner.
    await frame.getByText('True', { exact: true }).click()
    await frame.getByRole('button', { name: 'Check' }).click()
    await page.locator('#xapi-status').filter({ hasText: 'recorded: answered' }).waitFor({ timeout: 30_000 })
    await page.close()
  })
})
