import type { PayloadRequest, TaskConfig } from 'payload'
import { idOf } from '../../../src/access'
import { clock } from '../../../src/clock'
import { isUniqueViolation } from '../../../src/errors'
import { withContext } from '../../../src/requestContext'
import { MENTOR_SLUGS, MENTOR_TASKS, REMINDER_DAYS } from '../constants'
import type { MentorContext } from '../hooks/guardMentorProfile'

type Doc = Record<string, any>
const DAY = 86_400_000

/**
 * What is due today: certifications past their end become expired (and their mentors, unless a
 * later one is still valid); certifications within 60, 30 or 7 days of their end get a reminder —
 * one reminder row per threshold, unique, queued for email only when this scan wrote it; when
 * several thresholds are due at once (a mentor first seen 5 days before expiry) only the nearest
 * is emailed. Reads only certifications ending within 60 days or already ended but still valid.
 */
export async function scanExpiries(req: PayloadRequest): Promise<{ expired: number; reminded: number }> {
  const { payload } = req
  const now = clock.now()
  const bookkeeping: MentorContext = { mentorBookkeeping: true }
  const { docs } = await payload.find({
    collection: MENTOR_SLUGS.certifications as never,
    where: { and: [{ status: { equals: 'valid' } }, { validUntil: { less_than_equal: new Date(now + Math.max(...REMINDER_DAYS) * DAY).toISOString() } }] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  let expired = 0
  let reminded = 0
  for (const cert of docs as Doc[]) {
    const ends = Date.parse(cert.validUntil)
    if (ends <= now) {
      await withContext(req, bookkeeping, () => payload.update({ collection: MENTOR_SLUGS.certifications as never, id: cert.id, data: { status: 'expired' } as never, overrideAccess: true, depth: 0, req }))
      const mentor = (await payload.findByID({ collection: MENTOR_SLUGS.mentors as never, id: idOf(cert.mentor) as never, depth: 0, overrideAccess: true, req })) as Doc
      if (mentor.status === 'certified' && (!mentor.certifiedUntil || Date.parse(mentor.certifiedUntil) <= now)) {
        await withContext(req, bookkeeping, () => payload.update({ collection: MENTOR_SLUGS.mentors as never, id: mentor.id, data: { status: 'expired' } as never, overrideAccess: true, depth: 0, req }))
      }
      expired++
      continue
    }
    // A mentor who has renewed already holds a later certification: nothing to remind them of.
    const mentor = (await payload.findByID({ collection: MENTOR_SLUGS.mentors as never, id: idOf(cert.mentor) as never, depth: 0, overrideAccess: true, req })) as Doc
    if (mentor.certifiedUntil && Date.parse(mentor.certifiedUntil) > ends) continue
    const due = REMINDER_DAYS.filter((days) => ends - now <= days * DAY)
    const nearest = Math.min(...due)
    for (const days of due) {
      try {
        await payload.create({ collection: MENTOR_SLUGS.reminders as never, data: { key: `${cert.id}:${days}`, certification: cert.id, days, sent: days === nearest } as never, overrideAccess: true, req })
      } catch (error) {
        if (isUniqueViolation(error, 'key')) continue
        throw error
      }
      if (days === nearest) {
        await payload.jobs.queue({ task: MENTOR_TASKS.sendReminder as never, input: { certificationId: String(cert.id), days } as never, req })
        reminded++
      }
    }
  }
  return { expired, reminded }
}

/** Daily at 02:00 (with JOBS_AUTORUN), and whenever an operator queues it. */
export const scanExpiriesTask: TaskConfig<{ input: object; output: { expired: number; reminded: number } }> = {
  slug: MENTOR_TASKS.scanExpiries,
  label: 'Expire mentor certifications and queue their reminders',
  schedule: [{ cron: '0 0 2 * * *', queue: 'default' }],
  handler: async ({ req }) => ({ output: await scanExpiries(req) }),
}
