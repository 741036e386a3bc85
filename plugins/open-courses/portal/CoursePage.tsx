/**
 * A course: summary and description, syllabus with the learner's done marks, credits, grading,
 * completion rule and providers; enrolment that follows the course's mode, and leaving it.
 */
import { RichText } from '@payloadcms/richtext-lexical/react'
import type { Metadata } from 'next'
import { CREDIT_CATEGORIES, GRADING_SCHEMES, DESIGNATIONS } from '../../../collections/Courses'
import { MODULE_KINDS } from '../../../collections/Modules'
import { colon, fill, formatDate, joinList, type Lang, localized, optionLabel, pick } from '../../../src/portal/i18n'
import { signedText } from '../../../src/portal/actionMessage'
import { pageTitle } from '../../../src/portal/pageTitle'
import { portalContext, portalRequest, type SearchParams } from '../../../src/portal/session'
import { ENROLLMENT_MODES, SCORE_POLICIES } from '../coreExtensions'
import { openCoursesLabels } from '../translations/portal'
import { enrol, rejoin, withdraw } from './actions'
import { organizationName } from './CataloguePage'
import { type CourseView, isStudying, loadCourseView, progressByModule } from './courseView'
import { type Refusal, refusalByRules } from '../enrollment/refusalByRules'
import { resumeModule } from './resumeModule'

type Doc = Record<string, any>

/** The course page's title: the course's own, from the page's cached read. */
export async function courseMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const context = await portalContext()
  const { course } = await loadCourseView(context, await portalRequest(), (await params).id)
  return pageTitle(localized(course.title, course.titleEn, context.lang))
}

export async function CoursePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const context = await portalContext()
  const { lang } = context
  const t = pick(openCoursesLabels, lang)
  const { id } = await params
  const query = await searchParams
  const view = await loadCourseView(context, await portalRequest(), id)
  const refusal = signedText(context.payload, `/courses/${encodeURIComponent(id)}`, query, 'error')
  const { course, modules } = view
  const done = progressByModule(view.progress)
  const partners = ((course.partners ?? []) as Doc[]).map((p) => organizationName(p, lang)).filter(Boolean)
  const summary = localized(course.summary, course.summaryEn, lang)
  return (
    <article>
      <h1>{localized(course.title, course.titleEn, lang)}</h1>
      <div className="actions">
        {course.featured && <span className="badge featured">{t.featured}</span>}
        {course.designation && <span className="badge designation">{optionLabel(DESIGNATIONS, course.designation, lang)}</span>}
        <span className="badge">{course.code}</span>
        <span className="badge">{optionLabel(CREDIT_CATEGORIES, course.creditCategory, lang)}</span>
      </div>
      {refusal && (
        <p className="error" role="alert" id="action-refusal">
          {refusal}
        </p>
      )}
      <section className="panel" aria-labelledby="enrolment-heading">
        <h2 id="enrolment-heading">{t.enrolmentMode}</h2>
        <Enrolment view={view} lang={lang} signedIn={Boolean(context.user)} />
      </section>
      <section className="panel">
        <dl className="facts">
          <dt>{t.credits}</dt>
          <dd>{course.credits ?? '—'}</dd>
          <dt>{t.hours}</dt>
          <dd>{course.hours ?? '—'}</dd>
          <dt>{t.grading}</dt>
          <dd>
            {optionLabel(GRADING_SCHEMES, course.grading?.scheme, lang)}
            {typeof course.grading?.passMark === 'number' && `, ${fill(t.passMark, { mark: course.grading.passMark })}`}
          </dd>
          <dt>{t.completionRule}</dt>
          <dd>{fill(t.completionRuleText, { min: course.completionRule?.minAverageScore ?? 0, policy: optionLabel(SCORE_POLICIES, course.completionRule?.scorePolicy ?? 'best', lang) })}</dd>
          <dt>{t.provider}</dt>
          <dd>{organizationName(course.organization, lang)}</dd>
          {partners.length > 0 && (
            <>
              <dt>{t.partners}</dt>
              <dd>{joinList(partners, lang)}</dd>
            </>
          )}
        </dl>
      </section>
      {(summary || course.body) && (
        <section className="panel">
          <h2>{t.summary}</h2>
          {summary && <p>{summary}</p>}
          {course.body && (
            <div className="rich-text">
              <RichText data={course.body} />
            </div>
          )}
        </section>
      )}
      <section className="panel">
        <h2>{t.syllabus}</h2>
        <ol className="syllabus" id="syllabus">
          {modules.map((m) => {
            const row = done.get(String(m.id))
            const title = localized(m.title, m.titleEn, lang)
            return (
              <li key={m.id}>
                {isStudying(view.enrollment) ? <a href={`/modules/${m.id}`}>{title}</a> : title}{' '}
                <span className="badge">{optionLabel(MODULE_KINDS, m.kind, lang)}</span> <span className="badge">{m.required === false ? t.optional : t.required}</span>{' '}
                {row && <span className="badge ok">{t.done}</span>}
                {row && typeof row.bestScore === 'number' && <span className="muted"> {fill(t.bestScore, { score: Math.round(row.bestScore) })}</span>}
              </li>
            )
          })}
        </ol>
      </section>
    </article>
  )
}

function Enrolment({ view, lang, signedIn }: { view: CourseView; lang: Lang; signedIn: boolean }) {
  const t = pick(openCoursesLabels, lang)
  const { course, enrollment, modules, progress } = view
  const rules = course.enrollment ?? {}
  const mode = rules.mode ?? 'open'
  const window = (rules.opensAt || rules.closesAt) && <p className="muted">{fill(t.window, { from: formatDate(rules.opensAt, lang), to: formatDate(rules.closesAt, lang) })}</p>
  const modeLine = (
    <p>
      {t.enrolmentMode}
      {colon(lang)}
      {optionLabel(ENROLLMENT_MODES, mode, lang)}
    </p>
  )
  // Why the learner may not take the course up now, as the rules will say when they try.
  const refusal = refusalText(refusalByRules(rules, Date.now(), { invited: view.invited, taken: view.taken }), lang)
  const refused = (
    <p className="notice" id="enrolment-refusal">
      {refusal}
    </p>
  )
  if (enrollment) {
    const resume = resumeModule(modules, progress)
    const studying = isStudying(enrollment)
    const message = { active: t.enrolled, pending: t.pending, completed: t.completed, withdrawn: t.withdrawn, rejected: t.rejectedEnrolment }[enrollment.status as string] ?? enrollment.status
    return (
      <>
        <p className={enrollment.status === 'rejected' ? 'error' : 'success'} role="status" id="enrolment-status">
          {message}
        </p>
        {enrollment.status === 'withdrawn' && (
          <>
            {modeLine}
            {window}
            {refusal && refused}
          </>
        )}
        {studying && (
          <>
            <label>
              {t.progress}
              <progress max={100} value={enrollment.progress ?? 0} aria-valuetext={fill(t.progressOf, { percent: Math.round(enrollment.progress ?? 0) })} />
            </label>
            <p>{fill(t.progressOf, { percent: Math.round(enrollment.progress ?? 0) })}</p>
          </>
        )}
        <div className="actions">
          {studying && resume && (
            <a className="button" href={`/modules/${resume.id}`} id="resume">
              {progress.length ? t.resume : t.startLearning}
            </a>
          )}
          {enrollment.status === 'withdrawn' && !refusal && (
            // Back by the course's rules as they are now: approval again, a free place.
            <form action={rejoin}>
              <input type="hidden" name="course" value={String(course.id)} />
              <input type="hidden" name="enrollment" value={String(enrollment.id)} />
              <button type="submit" id="rejoin">
                {mode === 'approval' ? t.rejoinApproval : t.rejoin}
              </button>
            </form>
          )}
          {(enrollment.status === 'active' || enrollment.status === 'pending') && (
            // Asked twice: a place given back may be gone when the learner wants it again (see withdrawConfirm).
            <details className="confirm">
              <summary className="button secondary" id="withdraw-start">
                {t.withdraw}
              </summary>
              <form action={withdraw} className="stack">
                <p>{t.withdrawConfirm}</p>
                <input type="hidden" name="course" value={String(course.id)} />
                <input type="hidden" name="enrollment" value={String(enrollment.id)} />
                <button type="submit" className="secondary" id="withdraw">
                  {t.withdrawConfirmButton}
                </button>
              </form>
            </details>
          )}
        </div>
      </>
    )
  }
  return (
    <>
      {modeLine}
      {window}
      {refusal ? (
        refused
      ) : signedIn ? (
        <form action={enrol}>
          <input type="hidden" name="course" value={String(course.id)} />
          <button type="submit" id="enrol">
            {mode === 'approval' ? t.enrolApproval : t.enrol}
          </button>
        </form>
      ) : (
        <a className="button" href={`/sign-in?next=${encodeURIComponent(`/courses/${course.id}`)}`}>
          {t.signInToEnrol}
        </a>
      )}
    </>
  )
}

/** A refusal of the course's rules as the course page words it, or null when there is none. */
function refusalText(refusal: Refusal | undefined, lang: Lang): string | null {
  const t = pick(openCoursesLabels, lang)
  switch (refusal?.reason) {
    case 'not-yet-open':
      return fill(t.notYetOpen, { date: formatDate(refusal.at, lang) })
    case 'closed':
      return fill(t.closed, { date: formatDate(refusal.at, lang) })
    case 'invite-only':
      return t.inviteOnly
    case 'full':
      return fill(t.full, { capacity: refusal.capacity })
    default:
      return null
  }
}
