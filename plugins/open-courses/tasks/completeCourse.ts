import type { TaskConfig } from 'payload'
import { idFromText } from '../../../src/access'
import { OPEN_COURSE_TASKS } from '../constants'
import { completeCourseOf } from '../progress/applyProgress'

/** Queued by ingest when a learner's statements meet their course's rule; see progress/applyProgress.ts. */
export const completeCourseTask: TaskConfig<{ input: { learner: string; course: string }; output: { completed: boolean } }> = {
  slug: OPEN_COURSE_TASKS.completeCourse,
  label: 'Complete a learner’s course whose rule their progress meets',
  inputSchema: [
    { name: 'learner', type: 'text', required: true },
    { name: 'course', type: 'text', required: true },
  ],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 1000 } },
  handler: async ({ input, req }) => {
    const { learner, course } = input as { learner: string; course: string }
    return { output: { completed: await completeCourseOf(req.payload, idFromText(learner), idFromText(course), req) } }
  },
}
