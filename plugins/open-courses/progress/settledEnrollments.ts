/**
 * Enrolments that ingest's raising cannot move, remembered in each process for a while: found
 * completed at 100 %, or met at 100 % with their completion queued. A learner goes on sending
 * statements after the last module; until the job runs and for as long as they go on, each batch
 * would otherwise read the enrolment and the course's module rows to find the same again.
 * Forgotten when the course's rule or modules, or the enrolment, change in this process; a change
 * made in another process is seen once SETTLED_FOR_MS has passed, as with the cached course
 * definitions.
 */
import type { Payload } from 'payload'
import { enrollmentKey } from './moduleProgressStore'

type Id = number | string
const SETTLED_FOR_MS = 30_000

type Memo = { at: Map<string, number>; swept: number }
const memos = new WeakMap<Payload, Memo>()

export function settledEnrollments(payload: Payload) {
  let memo = memos.get(payload)
  if (!memo) memos.set(payload, (memo = { at: new Map(), swept: Date.now() }))
  const { at } = memo
  const expired = (key: string, now: number) => now - (at.get(key) ?? 0) >= SETTLED_FOR_MS
  return {
    remember(key: string): void {
      const now = Date.now()
      at.set(key, now)
      // Learners who stop sending would otherwise stay for the life of the process.
      if (now - memo.swept >= SETTLED_FOR_MS) {
        memo.swept = now
        for (const k of at.keys()) if (expired(k, now)) at.delete(k)
      }
    },
    has: (key: string): boolean => at.has(key) && !expired(key, Date.now()),
    forget(key: string): void {
      at.delete(key)
    },
    forgetCourse(course: Id): void {
      const suffix = enrollmentKey('', course)
      for (const key of at.keys()) if (key.endsWith(suffix)) at.delete(key)
    },
  }
}
