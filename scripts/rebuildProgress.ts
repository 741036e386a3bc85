/**
 * `npm run progress:rebuild -- [--course <id>]`: builds the learners' per-module progress again
 * from the stored xAPI statements (one course, or every course) and re-evaluates the enrolments,
 * printing how far it got. Run it while no statements arrive (maintenance window, or the xAPI
 * endpoint held off at the proxy): a statement ingested between the clear and the read of its
 * page would be counted twice.
 */
import { getPayload } from 'payload'
import config from '../payload.config'
import { idFromText } from '../src/access'
import { rebuildProgress } from '../plugins/open-courses/progress/rebuildProgress'

const at = process.argv.indexOf('--course')
const raw = at === -1 ? undefined : process.argv[at + 1]
if (at !== -1 && !raw) {
  process.stderr.write('usage: npm run progress:rebuild -- [--course <id>]\n')
  process.exit(2)
}
const payload = await getPayload({ config })
const course = raw === undefined ? undefined : idFromText(raw)
if (course !== undefined && !(await payload.findByID({ collection: 'courses', id: course, depth: 0, overrideAccess: true, disableErrors: true }))) {
  process.stderr.write(`no course ${raw}\n`)
  process.exit(2)
}
process.stdout.write(`rebuilding progress of ${course === undefined ? 'every course' : `course ${course}`}\n`)
const started = Date.now()
const result = await rebuildProgress(payload, { course, log: (line) => process.stdout.write(`${line}\n`) })
process.stdout.write(`done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.statements} statements, ${result.modules} learner × module rows, ${result.enrollments} enrolments evaluated\n`)
await payload.destroy()
process.exit(0)
