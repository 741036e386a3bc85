/**
 * Enterprise-mentor training (企业导师培训体系): the mentor registry (导师库) with tiers, training
 * tracks per tier that mentors enrol in like courses, certification when a track is finished (a
 * verifiable credential signed with the platform's keys), expiry and renewal with reminders, the
 * dual-mentor system (双导师制) of joint training, and yearly evaluations.
 *
 * Reads top-down: options → collections → what it adds to enrolments and completions → jobs.
 */
import type { CollectionConfig, Config } from 'payload'
import { addLearningSource } from '../../collections/learningSources'
import { CORE } from '../../collections/slugs'
import { or } from '../../src/access'
import { credentialIssuer, credentialKeys } from '../../src/credentials/keys'
import { addPortalPlugin } from '../../src/portal/plugins'
import { createMentorActivitiesCollection } from './collections/MentorActivities'
import { createMentorAssignmentsCollection } from './collections/MentorAssignments'
import { createMentorCertificationsCollection } from './collections/MentorCertifications'
import { createMentorEvaluationsCollection } from './collections/MentorEvaluations'
import { createMentorRemindersCollection } from './collections/MentorReminders'
import { createMentorsCollection } from './collections/Mentors'
import { createMentorTracksCollection } from './collections/MentorTracks'
import { studentsOfMentor } from './access'
import { MENTOR_SLUGS } from './constants'
import { applyTrackEnrolmentRules } from './hooks/applyTrackEnrolmentRules'
import { certifyOnCourseCompletion, startTrainingOnEnrolment } from './hooks/certifyOnRequirement'
import { scanExpiriesTask } from './tasks/scanExpiries'
import { sendReminderTask } from './tasks/sendReminder'
import { type MentorTrainingPluginOptions, sanitizeOptions } from './types'

export { MENTOR_SLUGS, MENTOR_TASKS } from './constants'
export { scanExpiries } from './tasks/scanExpiries'
export type { MentorTrainingPluginOptions } from './types'

export const mentorTrainingPlugin =
  (pluginOptions: MentorTrainingPluginOptions = {}) =>
  (incoming: Config): Config => {
    const options = sanitizeOptions(pluginOptions)
    if (!options.enabled) return incoming
    const keys = credentialKeys(incoming)
    const issuer = credentialIssuer(incoming)
    // A mentor reads the accounts, enrolments and completions of the students they guide (their portal page).
    const readableByMentors = (c: CollectionConfig, field: 'id' | 'learner'): CollectionConfig['access'] => ({ ...c.access, read: or(c.access?.read ?? (() => false), studentsOfMentor(field)) })
    const collections = (incoming.collections ?? []).map((c) => {
      if (c.slug === CORE.users) return { ...c, access: readableByMentors(c, 'id') }
      if (c.slug === CORE.enrollments) {
        return { ...c, access: readableByMentors(c, 'learner'), hooks: { ...c.hooks, beforeValidate: [...(c.hooks?.beforeValidate ?? []), applyTrackEnrolmentRules], afterChange: [...(c.hooks?.afterChange ?? []), startTrainingOnEnrolment(options)] } }
      }
      if (c.slug === CORE.completions) return { ...c, access: readableByMentors(c, 'learner'), hooks: { ...c.hooks, afterChange: [...(c.hooks?.afterChange ?? []), certifyOnCourseCompletion(options)] } }
      return c
    })
    const config: Config = {
      ...incoming,
      collections: [
        ...collections,
        createMentorsCollection(options),
        createMentorTracksCollection(issuer),
        createMentorActivitiesCollection(options),
        createMentorCertificationsCollection(issuer, keys),
        createMentorAssignmentsCollection(),
        createMentorEvaluationsCollection(),
        createMentorRemindersCollection(),
      ],
      jobs: { ...incoming.jobs, tasks: [...(incoming.jobs?.tasks ?? []), scanExpiriesTask, sendReminderTask(options)] },
    }
    // Mentors enrol in tracks like in courses; finishing one writes a completion the credits plugin may turn into credits.
    return addPortalPlugin(addLearningSource(config, MENTOR_SLUGS.tracks), 'mentor-training')
  }
