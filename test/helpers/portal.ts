/**
 * What every portal test does to a page: axe-core in the page (no serious or critical
 * violation), a screenshot kept as an artifact (test-results/portal/, ignored by git), and
 * signing in through the portal's own form.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { DEMO_PASSWORD } from '../../seed/data/users'

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
export const ARTIFACTS = path.resolve('test-results', 'portal')

type Violation = { id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }

/** Runs axe-core (WCAG 2 A and AA rules) and fails on any serious or critical violation. */
export async function expectAccessible(page: Page, label: string) {
  // After a server action's redirect Next.js sets the title a moment after the body; check the settled page.
  await page.waitForFunction(() => document.title.length > 0, undefined, { timeout: 10_000 }).catch(() => {})
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE })
  const violations = (await page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    return result.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n: any) => ({ target: n.target })) }))
  })) as Violation[]
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${label}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

/** Waits for the window's title: after a client-side navigation Next.js sets it a moment after the page's body. */
export async function expectTitle(page: Page, title: string, timeout = 10_000) {
  const settled = await page.waitForFunction((expected) => document.title === expected, title, { timeout }).then(() => true, () => false)
  if (!settled) expect(await page.title()).toBe(title)
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true })
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true })
}

/** Signs in through /sign-in and waits to be back on `next`. */
export async function portalSignIn(page: Page, base: string, email: string, next = '/', password = DEMO_PASSWORD) {
  await page.goto(`${base}/sign-in?next=${encodeURIComponent(next)}`)
  if ((await page.locator('input[name=email]').count()) === 0) throw new Error(`no sign-in form at /sign-in: ${(await page.locator('main').textContent())?.slice(0, 300)}`)
  await page.fill('input[name=email]', email)
  await page.fill('input[name=password]', password)
  await page.click('#sign-in')
  await page.waitForURL(`${base}${next}`)
}

/** Runs queued jobs until none is left (completion → credit record → notification), as the job runner would. */
export async function runAllJobs(payload: import('payload').Payload) {
  for (let i = 0; i < 20; i++) {
    const result = (await payload.jobs.run({ limit: 100 })) as { noJobsRemaining?: boolean }
    if (result?.noJobsRemaining) return
  }
}

/** Signs out through the header's button and waits until the portal shows the visitor signed out. */
export async function portalSignOut(page: Page) {
  await page.click('#sign-out')
  await page.locator('#sign-in-link').waitFor()
}

/** Runs `steps`; when they fail, keeps a screenshot and the page's address beside the error. */
export async function keepFailure<T>(page: Page, name: string, steps: () => Promise<T>): Promise<T> {
  try {
    return await steps()
  } catch (error) {
    await screenshot(page, `FAILED-${name}`).catch(() => {})
    throw new Error(`${(error as Error).message}\n(at ${page.url()}; screenshot test-results/portal/FAILED-${name}.png)`, { cause: error })
  }
}
