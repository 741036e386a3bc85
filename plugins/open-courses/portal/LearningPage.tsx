/**
 * My learning: the learner's course enrolments with progress and status, a link to resume where
 * they left off, and completed courses with their date and score. Four queries in all.
 */
import { ENROLLMENT_STATUSES } from '../../../collections/Enrollments'
import { CORE } from '../../../collections/slugs'
import { idOf } from '../../../src/access'
import { fill, formatDate, formatNumber, localized, optionLabel, pick } from '../../../src/portal/i18n'
import { portalRequest, requireUser } from '../../../src/portal/session'
import { OPEN_COURSE_SLUGS } from '../constants'
import { openCoursesLabels } from '../translations/portal'
import { resumeModule } from './resumeModule'

type Doc = Record<string, any>
/** The same document, whether each side is an id or a populated document. */
const same = (a: unknown, b: unknown) => String(idOf(a)) === String(idOf(b))

export async function LearningPage() {
  const { payload, user, lang } = await requireUser('/learning')
  const req = await portalRequest()
  const t = pick(openCoursesLabels, lang)
  const enrollments = (
    await payload.find({ collection: CORE.enrollments, where: { learner: { equals: user.id } }, sort: '-enrolledAt', pagination: false, depth: 1, req, overrideAccess: false })
  ).docs.filter((e) => (e.source as Doc)?.relationTo === CORE.courses && typeof (e.source as Doc).value === 'object') as Doc[]
  const courseIds = enrollments.map((e) => e.source.value.id)
  const [modules, progress, completions] = await Promise.all([
    courseIds.length
      ? payload.find({ collection: CORE.modules, where: { course: { in: courseIds } }, sort: 'order', pagination: false, depth: 0, req, overrideAccess: false, select: { course: true, order: true } })
      : null,
    payload.find({ collection: OPEN_COURSE_SLUGS.moduleProgress, where: { learner: { equals: user.id } }, pagination: false, depth: 0, req, overrideAccess: false }),
    payload.find({ collection: CORE.completions, where: { learner: { equals: user.id } }, pagination: false, depth: 0, req, overrideAccess: false }),
  ])
  const modulesOf = (courseId: unknown) => ((modules?.docs ?? []) as Doc[]).filter((m) => same(m.course, courseId)) as Array<Doc & { id: string | number }>
  const progressOf = (courseId: unknown) => (progress.docs as Doc[]).filter((p) => same(p.course, courseId))
  const completionOf = (courseId: unknown) =>
    (completions.docs as Doc[]).find((c) => c.source?.relationTo === CORE.courses && same(c.source.value, courseId))

  const current = enrollments.filter((e) => e.status === 'active' || e.status === 'pending')
  const completed = enrollments.filter((e) => e.status === 'completed')
  const other = enrollments.filter((e) => e.status === 'withdrawn' || e.status === 'rejected')
  const title = (e: Doc) => localized(e.source.value.title, e.source.value.titleEn, lang)
  return (
    <>
      <h1>{t.learningTitle}</h1>
      {enrollments.length === 0 && (
        <p>
          {t.noEnrolments} <a href="/">{t.browse}</a>
        </p>
      )}
      {current.length > 0 && (
        <section>
          <h2>{t.currentCourses}</h2>
          <ul className="cards" id="current-courses">
            {current.map((e) => {
              const course = e.source.value
              const resume = resumeModule(modulesOf(course.id), progressOf(course.id))
              const percent = Math.round(e.progress ?? 0)
              return (
                <li className="card" key={e.id}>
                  <h3>
                    <a href={`/courses/${course.id}`}>{title(e)}</a>
                  </h3>
                  <span className="badge">{optionLabel(ENROLLMENT_STATUSES, e.status, lang)}</span>
                  <progress max={100} value={percent} aria-label={`${t.progress} ${title(e)}`} />
                  <span>{fill(t.progressOf, { percent })}</span>
                  {e.status === 'active' && resume && (
                    <a className="button" href={`/modules/${resume.id}`}>
                      {progressOf(course.id).length ? t.resume : t.startLearning}
                    </a>
                  )}
                </li>
              )
            })}
          </ul>
        </section>
      )}
      {completed.length > 0 && (
        <section>
          <h2>{t.completedCourses}</h2>
          <ul className="cards" id="completed-courses">
            {completed.map((e) => {
              const completion = completionOf(e.source.value.id)
              return (
                <li className="card" key={e.id}>
                  <h3>
                    <a href={`/courses/${e.source.value.id}`}>{title(e)}</a>
                  </h3>
                  <span className="badge ok">{optionLabel(ENROLLMENT_STATUSES, e.status, lang)}</span>
                  <span>{fill(t.completedOn, { date: formatDate(completion?.completedAt ?? e.completedAt, lang) })}</span>
                  {typeof completion?.score === 'number' && <span>{fill(t.score, { score: formatNumber(completion.score, lang) })}</span>}
                </li>
              )
            })}
          </ul>
        </section>
      )}
      {other.length > 0 && (
        <section>
          <h2>{t.otherEnrolments}</h2>
          <ul>
            {other.map((e) => (
              <li key={e.id}>
                <a href={`/courses/${e.source.value.id}`}>{title(e)}</a> <span className="badge">{optionLabel(ENROLLMENT_STATUSES, e.status, lang)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  )
}
