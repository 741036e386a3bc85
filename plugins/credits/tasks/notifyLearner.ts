import type { TaskConfig } from 'payload'
import { CORE } from '../../../collections/slugs'
import { CREDIT_SLUGS, CREDIT_TASKS } from '../constants'
import type { SanitizedCreditsOptions } from '../types'

type Doc = Record<string, any>
type Event = 'issued' | 'accepted' | 'rejected'

const SUBJECT: Record<Event, { zh: string; en: string }> = {
  issued: { zh: '学分已发放', en: 'Credits issued' },
  accepted: { zh: '学分已获学校认定', en: 'Credits recognised by your university' },
  rejected: { zh: '学分未获学校认定', en: 'Credits not recognised by your university' },
}

/** Emails the learner about a record, in their preferred language, through the jobs queue. */
export const notifyLearnerTask = (options: SanitizedCreditsOptions): TaskConfig<{ input: { recordId: string; event: string }; output: object }> => ({
  slug: CREDIT_TASKS.notifyLearner,
  label: 'Email a learner about a credit record',
  inputSchema: [
    { name: 'recordId', type: 'text', required: true },
    { name: 'event', type: 'text', required: true },
  ],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 5000 } },
  handler: async ({ input, req }) => {
    const { payload } = req
    const { recordId, event } = input as { recordId: string; event: Event }
    const record = (await payload.findByID({ collection: CREDIT_SLUGS.records as never, id: recordId, depth: 0, overrideAccess: true })) as Doc
    const learner = (await payload.findByID({ collection: CORE.users, id: record.learner, depth: 0, overrideAccess: true })) as Doc
    const en = learner.preferredLanguage === 'en'
    const title = en ? (record.sourceTitleEn ?? record.sourceTitle) : record.sourceTitle
    const lines = en
      ? [
          `Dear ${learner.name},`,
          '',
          `${title} (${record.sourceCode ?? ''}): ${record.credits} credits, grade ${record.grade ?? '—'}.`,
          event === 'issued' ? 'The record has been sent to your home university.' : `Your university ${event} it.${record.decisionReason ? ` Reason: ${record.decisionReason}` : ''}`,
          '',
          `${options.publicUrl}/api/credit-records/${record.id}/credential`,
        ]
      : [
          `${learner.name} 同学：`,
          '',
          `《${title}》（${record.sourceCode ?? ''}）：${record.credits} 学分，成绩 ${record.grade ?? '—'}。`,
          event === 'issued' ? '学分记录已发送至你的学籍高校。' : `学籍高校${event === 'accepted' ? '已认定' : '未认定'}该学分。${record.decisionReason ? `说明：${record.decisionReason}` : ''}`,
          '',
          `${options.publicUrl}/api/credit-records/${record.id}/credential`,
        ]
    await payload.sendEmail({ to: learner.email, subject: `${SUBJECT[event][en ? 'en' : 'zh']} · LianPei`, text: lines.join('\n') })
    return { output: {} }
  },
})
