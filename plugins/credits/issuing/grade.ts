/** A score (0–100) expressed in the source's grading scheme. */
export type Grading = { scheme?: string | null; passMark?: number | null } | null | undefined

/** 五级制 bands, as Chinese universities record them. */
const FIVE_LEVEL: Array<[min: number, grade: string]> = [
  [90, '优'],
  [80, '良'],
  [70, '中'],
  [60, '及格'],
  [0, '不及格'],
]

export function gradeOf(score: number | null | undefined, grading: Grading): { grade: string | null; passed: boolean } {
  if (score === null || score === undefined) return { grade: null, passed: true }
  if (grading?.scheme === 'five-level') {
    const grade = FIVE_LEVEL.find(([min]) => score >= min)?.[1] ?? '不及格'
    return { grade, passed: score >= 60 }
  }
  return { grade: String(Math.round(score * 10) / 10), passed: score >= (grading?.passMark ?? 60) }
}
