import type { TaskConfig } from 'payload'
import { CORE } from '../../../collections/slugs'
import { idFromText, idOf } from '../../../src/access'
import { MENTOR_SLUGS, MENTOR_TASKS } from '../constants'
import type { SanitizedMentorTrainingOptions } from '../types'

type Doc = Record<string, any>

/** Emails a mentor that their certification ends in `days` days, in their language. */
export const sendReminderTask = (options: SanitizedMentorTrainingOptions): TaskConfig<{ input: { certificationId: string; days: number }; output: object }> => ({
  slug: MENTOR_TASKS.sendReminder,
  label: 'Email a mentor that their certification is about to expire',
  inputSchema: [
    { name: 'certificationId', type: 'text', required: true },
    { name: 'days', type: 'number', required: true },
  ],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 5000 } },
  handler: async ({ input, req }) => {
    const { payload } = req
    const cert = (await payload.findByID({ collection: MENTOR_SLUGS.certifications as never, id: idFromText(input.certificationId) as never, depth: 1, overrideAccess: true, req })) as Doc
    const user = (await payload.findByID({ collection: CORE.users, id: idOf(cert.mentorUser) as never, depth: 0, overrideAccess: true, req })) as Doc
    const until = String(cert.validUntil).slice(0, 10)
    const en = user.preferredLanguage === 'en'
    const link = `${options.publicUrl}/mentor`
    const text = en
      ? [`Dear ${user.name},`, '', `Your mentor certification (${cert.track?.title ?? ''}) expires on ${until}, in ${input.days} days.`, 'Finish the renewal track to keep mentoring students.', '', link]
      : [`${user.name}：`, '', `你的导师认证（${cert.track?.title ?? ''}）将于 ${until} 到期，还有 ${input.days} 天。`, '请完成续期培训，以便继续指导学生。', '', link]
    await payload.sendEmail({ to: user.email, subject: en ? `Your mentor certification expires in ${input.days} days · LianPei` : `导师认证将在 ${input.days} 天后到期 · 联培`, text: text.join('\n') })
    return { output: {} }
  },
})
