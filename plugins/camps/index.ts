/**
 * Political-education programmes (思政教育) and training camps (专题训练营, 职业训练营) run as
 * cohorts: sessions, attendance by a rotating check-in code or by an organiser, timed knowledge
 * contests (知识竞赛) scored on the server, reminders before sessions, and completion — the
 * attendance rate and, when asked, a contest score — written as a completion, so credits follow.
 *
 * Reads top-down: options → collections → what it adds to enrolments → jobs.
 */
import type { Config } from 'payload'
import { addLearningSource } from '../../collections/learningSources'
import { CORE } from '../../collections/slugs'
import { addPortalPlugin } from '../../src/portal/plugins'
import { createAttendanceCollection } from './collections/Attendance'
import { createCampSessionsCollection } from './collections/CampSessions'
import { createCampsCollection } from './collections/Camps'
import { createContestAttemptsCollection } from './collections/ContestAttempts'
import { createContestsCollection } from './collections/Contests'
import { createSessionRemindersCollection } from './collections/SessionReminders'
import { CAMP_SLUGS } from './constants'
import { applyCampEnrolmentRules } from './hooks/applyCampEnrolmentRules'
import { scanSessionRemindersTask, sendSessionReminderTask } from './tasks/sessionReminders'
import { type CampsPluginOptions, sanitizeOptions } from './types'

export { CAMP_SLUGS, CAMP_TASKS } from './constants'
export { currentCode } from './attendance/checkInCode'
export { scanSessionReminders } from './tasks/sessionReminders'
export type { CampsPluginOptions } from './types'

export const campsPlugin =
  (pluginOptions: CampsPluginOptions = {}) =>
  (incoming: Config): Config => {
    const options = sanitizeOptions(pluginOptions)
    if (!options.enabled) return incoming
    const collections = (incoming.collections ?? []).map((c) =>
      c.slug === CORE.enrollments ? { ...c, hooks: { ...c.hooks, beforeValidate: [...(c.hooks?.beforeValidate ?? []), applyCampEnrolmentRules] } } : c,
    )
    const config: Config = {
      ...incoming,
      collections: [
        ...collections,
        createCampsCollection(),
        createCampSessionsCollection(options),
        createAttendanceCollection(),
        createContestsCollection(options),
        createContestAttemptsCollection(),
        createSessionRemindersCollection(),
      ],
      jobs: { ...incoming.jobs, tasks: [...(incoming.jobs?.tasks ?? []), scanSessionRemindersTask(options), sendSessionReminderTask(options)] },
    }
    // Its portal pages read the options from the config (check-in rules, the QR code's link).
    return addPortalPlugin(addLearningSource({ ...config, custom: { ...config.custom, campsOptions: options } }, CAMP_SLUGS.camps), 'camps')
  }
