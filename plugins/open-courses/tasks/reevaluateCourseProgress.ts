import type { TaskConfig } from 'payload'
import { idFromText } from '../../../src/access'
import { OPEN_COURSE_TASKS } from '../constants'
import { reevaluateCourse } from '../progress/reevaluateCourse'

/** Queued when a course's completion rule or its modules change; see progress/reevaluateCourse.ts. */
export const reevaluateCourseProgressTask: TaskConfig<{ input: { course: string }; output: { enrollments: number } }> = {
  slug: OPEN_COURSE_TASKS.reevaluateCourse,
  label: 'Re-evaluate the progress of every enrolment in a course',
  inputSchema: [{ name: 'course', type: 'text', required: true }],
  retries: { attempts: 3, backoff: { type: 'exponential', delay: 2000 } },
  handler: async ({ input, req }) => {
    const course = idFromText((input as { course: string }).course)
    return { output: { enrollments: await reevaluateCourse(req.payload, course, { req }) } }
  },
}
