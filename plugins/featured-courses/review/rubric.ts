/** The round's rubric and the scores a review gives on it. */
type Doc = Record<string, any>

export type Criterion = { key: string; label: string; labelEn?: string; weight: number }
export type Score = { criterion: string; score: number }

export const rubricOf = (round: Doc): Criterion[] => (round.rubric ?? []) as Criterion[]

/** The weighted score, 0–100, rounded to one decimal; undefined until every criterion is scored. */
export function weightedScore(rubric: Criterion[], scores: Score[]): number | undefined {
  const byKey = new Map(scores.map((s) => [s.criterion, s.score]))
  if (rubric.some((c) => typeof byKey.get(c.key) !== 'number')) return undefined
  const total = rubric.reduce((sum, c) => sum + c.weight, 0)
  return Math.round((rubric.reduce((sum, c) => sum + c.weight * (byKey.get(c.key) as number), 0) / total) * 10) / 10
}
