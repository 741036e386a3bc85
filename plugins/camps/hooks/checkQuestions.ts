import type { CollectionBeforeChangeHook } from 'payload'
import { ValidationError } from 'payload'
import { say } from '../../../src/i18n/say'
import { CAMP_SLUGS } from '../constants'

type Doc = Record<string, any>

/** Every question can be answered right: one correct choice for single and true/false (of two), at least one for multiple. */
export const checkQuestions: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const next = { ...originalDoc, ...data }
  const errors: Array<{ path: string; message: string }> = []
  for (const [i, q] of ((next.questions ?? []) as Doc[]).entries()) {
    const correct = ((q.choices ?? []) as Doc[]).filter((c) => c.correct).length
    const n = i + 1
    if (q.kind === 'true-false' && (q.choices ?? []).length !== 2) errors.push({ path: `questions.${i}.choices`, message: say(req, `第 ${n} 题是判断题，须有两个选项`, `question ${n} is true/false and needs exactly two choices`) })
    if (q.kind !== 'multiple' && correct !== 1) errors.push({ path: `questions.${i}.choices`, message: say(req, `第 ${n} 题须恰有一个正确选项（现有 ${correct} 个）`, `question ${n} needs exactly one correct choice (has ${correct})`) })
    if (q.kind === 'multiple' && correct < 1) errors.push({ path: `questions.${i}.choices`, message: say(req, `第 ${n} 题须至少有一个正确选项`, `question ${n} needs at least one correct choice`) })
  }
  if (next.opensAt && next.closesAt && Date.parse(next.closesAt) <= Date.parse(next.opensAt)) errors.push({ path: 'closesAt', message: say(req, '截止时间须晚于开放时间', 'the contest must close after it opens') })
  if (errors.length) throw new ValidationError({ collection: CAMP_SLUGS.contests, errors })
  return data
}
