/**
 * A learner's progress in a course from their per-module rows alone: O(modules of the course),
 * whatever their history. Progress is the share of required modules done; the course is complete
 * when every required module is done and the average of their scores (best, last or average
 * attempt, as the course says) reaches the course's minimum. Modules without a score do not
 * enter the average; with no score at all, only a minimum of 0 is met.
 */
import type { CourseDefinition } from './courseDefinitions'

export type ModuleState = {
  module: string
  attempts: number
  scoredAttempts: number
  bestScore: number | null
  lastScore: number | null
  scoreSum: number | null
}

export type CourseEvaluation = {
  progress: number
  completed: boolean
  average: number | null
  modules: Array<{ module: string; score: number | null }>
}

const round1 = (n: number) => Math.round(n * 10) / 10

export function evaluateCourseProgress(course: CourseDefinition, states: Map<string, ModuleState>): CourseEvaluation {
  const perModule = course.required.map((module) => {
    const state = states.get(module)
    if (!state) return { module, done: false, score: null as number | null }
    const score =
      state.scoredAttempts === 0
        ? null
        : course.scorePolicy === 'last'
          ? state.lastScore
          : course.scorePolicy === 'average'
            ? (state.scoreSum ?? 0) / state.scoredAttempts
            : state.bestScore
    return { module, done: true, score }
  })
  const done = perModule.filter((m) => m.done).length
  const total = course.required.length
  const scores = perModule.map((m) => m.score).filter((s): s is number => s !== null)
  const average = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null
  const completed = total > 0 && done === total && (average === null ? course.minAverageScore === 0 : average >= course.minAverageScore)
  return {
    progress: total === 0 ? 0 : Math.round((done / total) * 100),
    completed,
    average: average === null ? null : round1(average),
    modules: perModule.map((m) => ({ module: m.module, score: m.score === null ? null : round1(m.score) })),
  }
}
