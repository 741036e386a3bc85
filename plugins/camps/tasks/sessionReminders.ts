import type { PayloadRequest, TaskConfig } from 'payload'
import { CORE } from '../../../collections/slugs'
import { type Id, idFromText, idOf } from '../../../src/access'
import { clock } from '../../../src/clock'
import { isUniqueViolation } from '../../../src/errors'
import { CAMP_SLUGS, CAMP_TASKS } from '../constants'
import type { SanitizedCampsOptions } from '../types'

type Doc = Record<string, any>

/** Queues one reminder job per session starting within the next `reminderHours`. */
export async function scanSessionReminders(req: PayloadRequest, options: SanitizedCampsOptions): Promise<number> {
  const now = clock.now()
  const { docs } = await req.payload.find({
    collection: CAMP_SLUGS.sessions as never,
    where: { and: [{ startsAt: { greater_than: new Date(now).toISOString() } }, { startsAt: { less_than_equal: new Date(now + options.reminderHours * 3_600_000).toISOString() } }] },
    select: { id: true } as never,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  for (const s of docs as Doc[]) await req.payload.jobs.queue({ task: CAMP_TASKS.sendReminder as never, input: { sessionId: String(s.id) } as never, req })
  return docs.length
}

/** Every 15 minutes with JOBS_AUTORUN, and whenever an operator queues it. */
export const scanSessionRemindersTask = (options: SanitizedCampsOptions): TaskConfig<{ input: object; output: { sessions: number } }> => ({
  slug: CAMP_TASKS.scanReminders,
  label: 'Queue reminders of sessions starting soon',
  schedule: [{ cron: '0 */15 * * * *', queue: 'default' }],
  handler: async ({ req }) => ({ output: { sessions: await scanSessionReminders(req, options) } }),
})

/**
 * Emails each learner enrolled in the session's programme, once: a unique session × learner row is
 * written before each email, so a rerun of the scan or a retry of this job skips whoever was reminded.
 */
export const sendSessionReminderTask = (options: SanitizedCampsOptions): TaskConfig<{ input: { sessionId: string }; output: { sent: number } }> => ({
  slug: CAMP_TASKS.sendReminder,
  label: 'Email the learners of a session that starts soon',
  inputSchema: [{ name: 'sessionId', type: 'text', required: true }],
  retries: { attempts: 3, backoff: { type: 'exponential', delay: 10_000 } },
  handler: async ({ input, req }) => {
    const { payload } = req
    const session = (await payload.findByID({ collection: CAMP_SLUGS.sessions as never, id: idFromText(input.sessionId) as never, depth: 1, overrideAccess: true, req })) as Doc
    const camp = session.camp as Doc
    const { docs: enrolments } = await payload.find({ collection: CORE.enrollments, where: { and: [{ key: { like: `%:${CAMP_SLUGS.camps}:${camp.id}` } }, { status: { equals: 'active' } }] }, select: { learner: true } as never, depth: 0, pagination: false, overrideAccess: true, req })
    let sent = 0
    for (const e of enrolments as Doc[]) {
      const learner = idOf(e.learner) as Id
      try {
        await payload.create({ collection: CAMP_SLUGS.reminders as never, data: { key: `${session.id}:${learner}`, session: session.id, learner } as never, overrideAccess: true, req })
      } catch (error) {
        if (isUniqueViolation(error, 'key')) continue
        throw error
      }
      const user = (await payload.findByID({ collection: CORE.users, id: learner as never, depth: 0, overrideAccess: true, req })) as Doc
      const en = user.preferredLanguage === 'en'
      const where = session.place ?? session.onlineLink ?? ''
      const text = en
        ? [`Dear ${user.name},`, '', `${camp.title}: "${session.title}" starts at ${session.startsAt}${where ? `, ${where}` : ''}.`, 'Check in with the code shown there.', '', `${options.publicUrl}/camps`]
        : [`${user.name}：`, '', `${camp.title}：“${session.title}”将于 ${session.startsAt} 开始${where ? `，地点：${where}` : ''}。`, '请到场后扫描或输入现场签到码。', '', `${options.publicUrl}/camps`]
      await payload.sendEmail({ to: user.email, subject: en ? `Starts soon: ${session.title} · LianPei` : `活动提醒：${session.title} · 联培`, text: text.join('\n') })
      sent++
    }
    return { output: { sent } }
  },
})
