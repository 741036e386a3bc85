/**
 * Which statements count towards a module (the rule the README documents): a lesson or video
 * counts once experienced or completed; an H5P activity or quiz once completed, passed,
 * successful, or answered (unless it says it is not complete). A sub-question's statement (it
 * has a parent activity) never counts on its own.
 */
export const VERBS = {
  experienced: 'http://adlnet.gov/expapi/verbs/experienced',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
} as const

export type CountableStatement = { verb: string; subStatement: boolean; success: boolean | null; completion: boolean | null }

export function countsForModule(kind: string, s: CountableStatement): boolean {
  if (s.subStatement) return false
  if (kind === 'lesson' || kind === 'video') return s.verb === VERBS.experienced || s.verb === VERBS.completed
  return s.verb === VERBS.completed || s.verb === VERBS.passed || (s.verb === VERBS.answered && s.completion !== false) || s.success === true
}

/** A statement's score on the course's scale, 0–100 (a negative scaled score counts as 0). */
export const percentOf = (scaled: number | null | undefined): number | null => (typeof scaled === 'number' && Number.isFinite(scaled) ? Math.max(0, scaled) * 100 : null)

/**
 * When an attempt happened, for ordering attempts ("last"): the statement's own timestamp, but
 * never later than when it was stored, so that no statement can claim to be the last for ever.
 */
export const attemptTime = (timestamp: string, stored: string): string => (timestamp < stored ? timestamp : stored)
