import type { TaskConfig } from 'payload'
import { CORE, CORE_TASKS } from '../slugs'

const SUBJECT = { zh: '重置联培密码', en: 'Reset your LianPei password' }

/**
 * The portal's "forgot password" email, through the jobs queue so that the request answers at
 * once and a mail server that is down is retried. Payload makes the token; the link opens the
 * portal's reset page. An unknown address sends nothing, and the portal says the same either way.
 */
export const sendPasswordResetTask = (publicUrl: string): TaskConfig<{ input: { email: string; lang: string }; output: object }> => ({
  slug: CORE_TASKS.sendPasswordReset,
  label: 'Email a password-reset link',
  inputSchema: [
    { name: 'email', type: 'text', required: true },
    { name: 'lang', type: 'text' },
  ],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 5000 } },
  handler: async ({ input, req }) => {
    const { payload } = req
    const token = await payload.forgotPassword({ collection: CORE.users, data: { email: input.email }, disableEmail: true, overrideAccess: true })
    if (!token) return { output: {} }
    const link = `${publicUrl}/reset-password?token=${encodeURIComponent(token)}`
    const en = input.lang === 'en'
    const text = en
      ? ['Someone asked to reset the password of your LianPei account.', '', `Open this link within an hour to choose a new one: ${link}`, '', 'If it was not you, ignore this email; your password stays as it is.']
      : ['有人申请重置您的联培账号密码。', '', `请在一小时内打开以下链接设置新密码：${link}`, '', '如果不是您本人操作，请忽略此邮件，您的密码不会改变。']
    await payload.sendEmail({ to: input.email, subject: `${SUBJECT[en ? 'en' : 'zh']} · LianPei`, text: text.join('\n') })
    return { output: {} }
  },
})
