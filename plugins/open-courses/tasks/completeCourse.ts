import type { TaskConfig } from 'payload'
import { idFromText } from '../../../src/access'
import { OPEN_COURSE_TASKS } from '../constants'
import { completeCourseOf } from '../progress/applyProgress'

type Enrollment = { learner: string; course: string }
/** Jobs queued before a batch's completions shared one job carry a single learner × course. */
type Input = { enrollments: Enrollment[] } | Enrollment

/**
 * Queued by ingest with the enrolments whose rule a batch of statements met; see
 * progress/applyProgress.ts. Each enrolment is completed on its own (the job has no transaction),
 * so one that fails does not hold back the others; the job then fails and is retried, and those
 * already completed are found completed.
 */
export const completeCourseTask: TaskConfig<{ input: { enrollments: Enrollment[] }; output: { completed: number } }> = {
  slug: OPEN_COURSE_TASKS.completeCourse,
  label: 'Complete the learners’ courses whose rule their progress meets',
  inputSchema: [
    {
      name: 'enrollments',
      type: 'array',
      required: true,
      fields: [
        { name: 'learner', type: 'text', required: true },
        { name: 'course', type: 'text', required: true },
      ],
    },
  ],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 1000 } },
  handler: async ({ input, req }) => {
    const given = input as Input
    const enrollments = 'enrollments' in given ? given.enrollments : [given]
    let completed = 0
    let failed = 0
    for (const { learner, course } of enrollments) {
      try {
        if (await completeCourseOf(req.payload, idFromText(learner), idFromText(course), req)) completed++
      } catch (error) {
        failed++
        req.payload.logger.error({ err: error, learner, course }, 'could not complete a course')
      }
    }
    if (failed > 0) throw new Error(`${failed} of ${enrollments.length} courses could not be completed; retrying`)
    return { output: { completed } }
  },
}
