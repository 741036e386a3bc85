/**
 * Why a course's rules refuse a learner now, before any place is sought: the enrolment window,
 * the invitation list, and the capacity given the places already taken. One reading of the rules
 * for admitToCourse (which throws it, in the learner's language) and the course page (which shows
 * it beside the button, so that a learner is not offered what would be refused).
 */
type Rules = { mode?: string | null; opensAt?: string | null; closesAt?: string | null; capacity?: number | null }

export type Refusal = { reason: 'not-yet-open'; at: string } | { reason: 'closed'; at: string } | { reason: 'invite-only' } | { reason: 'full'; capacity: number }

/** `taken`: the places taken, when known; without it the capacity is left to the place itself (freePlace). */
export function refusalByRules(rules: Rules, now: number, learner: { invited: boolean; taken?: number }): Refusal | undefined {
  if (rules.opensAt && now < Date.parse(rules.opensAt)) return { reason: 'not-yet-open', at: rules.opensAt }
  if (rules.closesAt && now > Date.parse(rules.closesAt)) return { reason: 'closed', at: rules.closesAt }
  if (rules.mode === 'invite' && !learner.invited) return { reason: 'invite-only' }
  if (typeof rules.capacity === 'number' && learner.taken !== undefined && learner.taken >= rules.capacity) return { reason: 'full', capacity: rules.capacity }
  return undefined
}
