/** A contest's questions as a learner sees them, and the scoring of their answers. */
import type { PayloadRequest } from 'payload'
import { say } from '../../../src/i18n/say'

type Doc = Record<string, any>

export type Answer = { question: string; choices: string[] }

/** The questions without which choices are correct: what a learner gets when they start. */
export const questionsForLearner = (contest: Doc) =>
  ((contest.questions ?? []) as Doc[]).map((q) => ({ id: q.id, text: q.text, kind: q.kind, points: q.points, choices: ((q.choices ?? []) as Doc[]).map((c) => ({ id: c.id, text: c.text })) }))

/** What is wrong with a set of answers, in the request's language, or null: unknown questions or choices, repeats, several choices for a single-choice question. */
export function answersProblem(req: PayloadRequest, contest: Doc, answers: Answer[]): string | null {
  const questions = new Map(((contest.questions ?? []) as Doc[]).map((q) => [String(q.id), q]))
  const seen = new Set<string>()
  for (const a of answers) {
    const q = questions.get(a.question)
    if (!q) return say(req, `题目 ${a.question} 不在本竞赛中`, `question ${a.question} is not in this contest`)
    if (seen.has(a.question)) return say(req, `题目 ${a.question} 答了两次`, `question ${a.question} is answered twice`)
    seen.add(a.question)
    const choices = new Set(((q.choices ?? []) as Doc[]).map((c) => String(c.id)))
    const unknown = a.choices.find((c) => !choices.has(c))
    if (unknown) return say(req, `选项 ${unknown} 不属于题目 ${a.question}`, `choice ${unknown} is not a choice of question ${a.question}`)
    if (new Set(a.choices).size !== a.choices.length) return say(req, `题目 ${a.question} 重复选择了同一选项`, `question ${a.question} names a choice twice`)
    if (q.kind !== 'multiple' && a.choices.length > 1) return say(req, `题目 ${a.question} 只能选一个选项`, `question ${a.question} takes one choice`)
  }
  return null
}

/** Full points for exactly the correct choices, none otherwise; the score is out of 100. */
export function score(contest: Doc, answers: Answer[]): { score: number; correct: string[] } {
  const byQuestion = new Map(answers.map((a) => [a.question, new Set(a.choices)]))
  let earned = 0
  let total = 0
  const correct: string[] = []
  for (const q of (contest.questions ?? []) as Doc[]) {
    total += q.points
    const right = ((q.choices ?? []) as Doc[]).filter((c) => c.correct).map((c) => String(c.id))
    const chosen = byQuestion.get(String(q.id)) ?? new Set<string>()
    if (chosen.size === right.length && right.every((c) => chosen.has(c))) {
      earned += q.points
      correct.push(String(q.id))
    }
  }
  return { score: total ? Math.round((earned / total) * 1000) / 10 : 0, correct }
}
