import type { CollectionConfig } from 'payload'
import { zhEn } from '../../../collections/i18n'
import { CORE } from '../../../collections/slugs'
import { nobody, or } from '../../../src/access'
import { isCampStaff, ownRows } from '../access'
import { CAMP_SLUGS } from '../constants'

/**
 * One attempt at a contest: started (the server's clock), its deadline, and once submitted the
 * answers, the score and the time taken. Written by the contest endpoints only; `contest:learner:n`
 * is unique, so a learner cannot start more attempts than allowed by starting twice at once.
 */
export const createContestAttemptsCollection = (): CollectionConfig => ({
  slug: CAMP_SLUGS.attempts,
  labels: { singular: zhEn('竞赛作答', 'Contest attempt'), plural: zhEn('竞赛作答', 'Contest attempts') },
  admin: { group: zhEn('思政与训练营', 'Programmes and camps'), defaultColumns: ['contest', 'learner', 'score', 'timeTakenSeconds', 'submittedAt'] },
  access: { read: or(isCampStaff, ownRows), create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, admin: { hidden: true } },
    { name: 'contest', type: 'relationship', relationTo: CAMP_SLUGS.contests, required: true, index: true, label: zhEn('竞赛', 'Contest') },
    { name: 'learner', type: 'relationship', relationTo: CORE.users, required: true, index: true, label: zhEn('学员', 'Learner') },
    { name: 'startedAt', type: 'date', required: true, label: zhEn('开始', 'Started') },
    { name: 'deadline', type: 'date', required: true, label: zhEn('截止', 'Deadline') },
    { name: 'submittedAt', type: 'date', label: zhEn('提交', 'Submitted') },
    { name: 'answers', type: 'json', label: zhEn('作答', 'Answers') },
    { name: 'score', type: 'number', index: true, label: zhEn('得分', 'Score') },
    { name: 'timeTakenSeconds', type: 'number', label: zhEn('用时（秒）', 'Time taken (s)') },
  ],
})
