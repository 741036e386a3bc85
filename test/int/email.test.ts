import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emailAdapter } from '../../src/email'
import { parseEnv } from '../../src/env'
import { type ReceivedMail, startSmtpServer } from '../helpers/smtp'
import { startTestApp, type TestApp } from '../helpers/testApp'

let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let received: ReceivedMail[]
let t: TestApp

beforeAll(async () => {
  smtp = await startSmtpServer()
  received = smtp.received
  t = await startTestApp({ env: { SMTP_URL: smtp.url, EMAIL_FROM: '联培平台 <noreply@lianpei.test>' } })
})
afterAll(async () => {
  await t?.stop()
  await smtp?.close()
})

describe('email', () => {
  it('sends through SMTP_URL with the configured sender, Chinese text intact', async () => {
    await t.payload.sendEmail({ to: 'student@lianpei.test', subject: '学分已发放', text: '您的学分记录已发放。' })
    expect(received).toHaveLength(1)
    expect(received[0].from).toBe('noreply@lianpei.test')
    expect(received[0].to).toEqual(['student@lianpei.test'])
    expect(received[0].raw).toMatch(/Subject: =\?UTF-8\?/)
  })

  it('writes to DATA_DIR/outbox when no SMTP_URL is set', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lianpei-outbox-'))
    const adapter = await emailAdapter(parseEnv({ DATA_DIR: dir }))
    const { sendEmail } = adapter({ payload: t.payload })
    await sendEmail({ to: 'mentor@lianpei.test', subject: 'Outbox', text: '企业导师培训通知' })
    const files = readdirSync(path.join(dir, 'outbox'))
    expect(files).toHaveLength(1)
    const eml = readFileSync(path.join(dir, 'outbox', files[0]), 'utf8')
    expect(eml).toContain('To: mentor@lianpei.test')
    expect(eml).toContain('Subject: Outbox')
  })
})
