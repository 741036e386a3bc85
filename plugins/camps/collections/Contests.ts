import type { CollectionConfig } from 'payload'
import { options, zhEn } from '../../../collections/i18n'
import { or } from '../../../src/access'
import { campStaffField, isCampStaff, ofMyProgrammes } from '../access'
import { CAMP_SLUGS, QUESTION_KINDS } from '../constants'
import { leaderboardEndpoint, startContestEndpoint, submitContestEndpoint } from '../endpoints/contest'
import { checkQuestions } from '../hooks/checkQuestions'
import type { SanitizedCampsOptions } from '../types'

/**
 * A knowledge contest (知识竞赛): a timed set of single-choice, multiple-choice and true/false
 * questions. Learners of the programme see the contest but not its questions: they get those,
 * without the answers, when they start an attempt (which starts the server's clock), and their
 * score when they submit.
 */
export const createContestsCollection = (options_: SanitizedCampsOptions): CollectionConfig => ({
  slug: CAMP_SLUGS.contests,
  labels: { singular: zhEn('知识竞赛', 'Knowledge contest'), plural: zhEn('知识竞赛', 'Knowledge contests') },
  admin: { useAsTitle: 'title', group: zhEn('思政与训练营', 'Programmes and camps'), defaultColumns: ['title', 'camp', 'timeLimitSeconds', 'attemptsAllowed'] },
  access: { read: or(isCampStaff, ofMyProgrammes), create: isCampStaff, update: isCampStaff, delete: isCampStaff },
  hooks: { beforeChange: [checkQuestions] },
  endpoints: [startContestEndpoint, submitContestEndpoint(options_), leaderboardEndpoint],
  fields: [
    { name: 'title', type: 'text', required: true, label: zhEn('名称', 'Title') },
    { name: 'camp', type: 'relationship', relationTo: CAMP_SLUGS.camps, required: true, index: true, label: zhEn('所属项目', 'Programme') },
    {
      type: 'row',
      fields: [
        { name: 'opensAt', type: 'date', required: true, label: zhEn('开放', 'Opens'), admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'closesAt', type: 'date', required: true, label: zhEn('截止', 'Closes'), admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'timeLimitSeconds', type: 'number', required: true, min: 30, defaultValue: 600, label: zhEn('限时（秒）', 'Time limit (s)') },
        { name: 'attemptsAllowed', type: 'number', required: true, min: 1, defaultValue: 1, label: zhEn('可作答次数', 'Attempts') },
      ],
    },
    {
      name: 'questions',
      type: 'array',
      required: true,
      minRows: 1,
      label: zhEn('题目', 'Questions'),
      // Learners see the contest (title, times, limit) but never its questions through the API: they get them, without answers, when they start.
      access: { read: campStaffField },
      fields: [
        { name: 'text', type: 'textarea', required: true, label: zhEn('题干', 'Question') },
        { type: 'row', fields: [{ name: 'kind', type: 'select', required: true, defaultValue: 'single', options: options(QUESTION_KINDS as never), label: zhEn('题型', 'Kind') }, { name: 'points', type: 'number', required: true, defaultValue: 1, min: 1, label: zhEn('分值', 'Points') }] },
        { name: 'choices', type: 'array', required: true, minRows: 2, label: zhEn('选项', 'Choices'), fields: [{ type: 'row', fields: [{ name: 'text', type: 'text', required: true, label: zhEn('选项', 'Choice') }, { name: 'correct', type: 'checkbox', defaultValue: false, label: zhEn('正确', 'Correct') }] }] },
      ],
    },
  ],
})
