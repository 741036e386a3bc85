/**
 * A mentor's own page: their certification and when it ends, their progress in each training
 * track, and the students assigned to them with their progress and credits. Read with the
 * mentor's own access: their profile, certifications and assignments, and the accounts, enrolments
 * and completions of the students they guide now (access.ts, studentsOfMentor).
 */
import { CORE } from '../../../collections/slugs'
import { idOf } from '../../../src/access'
import { clock } from '../../../src/clock'
import { fill, formatDate, formatNumber, localized, pick } from '../../../src/portal/i18n'
import { portalRequest, requireUser } from '../../../src/portal/session'
import { CERTIFICATION_STATUSES, MENTOR_SLUGS, MENTOR_STATUSES, TIERS } from '../constants'
import { latestCertification } from '../training/certify'
import { loadMentorRecord, progressInTrack } from '../training/trackProgress'
import { mentorLabels } from '../translations/portal'

type Doc = Record<string, any>
const DAY = 86_400_000

export async function MentorPage() {
  const { payload, user, lang } = await requireUser('/mentor')
  const req = await portalRequest()
  const t = pick(mentorLabels, lang)
  const i = lang === 'zh' ? 0 : 1
  const mine = { req, overrideAccess: false, depth: 0, pagination: false } as const
  const mentor = (await payload.find({ collection: MENTOR_SLUGS.mentors as never, where: { user: { equals: user.id } }, ...mine })).docs[0] as Doc | undefined
  if (!mentor) {
    return (
      <>
        <h1>{t.mentorTitle}</h1>
        <p>{t.notMentor}</p>
      </>
    )
  }
  const [certifications, enrolments, assignments] = await Promise.all([
    payload.find({ collection: MENTOR_SLUGS.certifications as never, where: { mentor: { equals: mentor.id } }, sort: '-validUntil', ...mine }),
    payload.find({ collection: CORE.enrollments, where: { and: [{ learner: { equals: user.id } }, { key: { like: `%:${MENTOR_SLUGS.tracks}:%` } }] }, ...mine, depth: 1 }),
    payload.find({ collection: MENTOR_SLUGS.assignments as never, where: { and: [{ mentor: { equals: mentor.id } }, { status: { equals: 'active' } }] }, ...mine, depth: 1 }),
  ])
  const latest = await latestCertification(req, mentor.id)
  // One record of the mentor and one read of course titles, for every track they are in.
  const record = await loadMentorRecord(req, mentor)
  const trackRows = (enrolments.docs as Doc[])
    .filter((e) => typeof e.source?.value === 'object')
    .map((e) => {
      const track = e.source.value as Doc
      return { enrolment: e, track, progress: progressInTrack(record, track, track.purpose === 'renewal' ? latest?.issuedAt : undefined) }
    })
  const courseIds = [...new Set(trackRows.flatMap((row) => [...row.progress.coursesDone, ...row.progress.coursesMissing]).map(String))]
  const courses = courseIds.length ? ((await payload.find({ collection: CORE.courses, where: { id: { in: courseIds } }, select: { title: true, titleEn: true }, ...mine })).docs as Doc[]) : []
  const tracks = trackRows.map((row) => ({ ...row, courses }))
  const guided = (assignments.docs as Doc[]).filter((a) => typeof a.student === 'object' && a.student)
  const students = guided.map((a) => a.student as Doc)
  const studentIds = students.map((s) => s.id)
  const [studentEnrolments, studentCompletions] = studentIds.length
    ? await Promise.all([
        payload.find({ collection: CORE.enrollments, where: { learner: { in: studentIds } }, ...mine }),
        payload.find({ collection: CORE.completions, where: { learner: { in: studentIds } }, ...mine, depth: 1 }),
      ])
    : [{ docs: [] }, { docs: [] }]
  const daysLeft = mentor.certifiedUntil ? Math.ceil((Date.parse(mentor.certifiedUntil) - clock.now()) / DAY) : null
  const courseTitle = (courses: Doc[], id: unknown) => {
    const c = courses.find((x) => String(x.id) === String(id))
    return c ? localized(c.title, c.titleEn, lang) : String(id)
  }
  return (
    <>
      <h1>{t.mentorTitle}</h1>
      <section className="panel" aria-labelledby="mentor-status">
        <h2 id="mentor-status">{mentor.name}</h2>
        <p>
          <span className="badge">{TIERS[mentor.tier]?.label[i]}</span> {t.status}
          {lang === 'zh' ? '：' : ': '}
          <strong id="mentor-status-value">{MENTOR_STATUSES[mentor.status as keyof typeof MENTOR_STATUSES]?.[i]}</strong>
          {mentor.certifiedUntil && <> · {fill(t.certifiedUntil, { date: formatDate(mentor.certifiedUntil, lang) })}</>}
        </p>
        {daysLeft !== null && daysLeft > 0 && daysLeft <= 60 && (
          <p className="error" role="status" id="expiry-warning">
            {fill(t.expiresSoon, { days: daysLeft })}
          </p>
        )}
      </section>

      <section aria-labelledby="certifications-heading">
        <h2 id="certifications-heading">{t.certifications}</h2>
        <ul>
          {(certifications.docs as Doc[]).map((c) => (
            <li key={c.id}>
              {formatDate(c.validFrom, lang)} – {formatDate(c.validUntil, lang)} · {CERTIFICATION_STATUSES[c.status as keyof typeof CERTIFICATION_STATUSES]?.[i]}
              {c.status !== 'revoked' && (
                <>
                  {' '}
                  · <a href={`/api/mentor-certifications/${c.id}/credential`}>{t.credential}</a>
                </>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="tracks-heading">
        <h2 id="tracks-heading">{t.tracks}</h2>
        {tracks.length === 0 && <p>{t.noTracks}</p>}
        <ul className="cards" id="tracks">
          {tracks.map(({ enrolment, track, progress, courses }) => (
            <li className="card" key={enrolment.id}>
              <h3>{localized(track.title, track.titleEn, lang)}</h3>
              {enrolment.status === 'completed' && <p className="badge featured">{t.finished}</p>}
              <p>
                {t.courses}
                {lang === 'zh' ? '：' : ': '}
                {progress.coursesDone.map((c) => `${courseTitle(courses, c)}（${t.done}）`).join(' ')} {progress.coursesMissing.map((c) => `${courseTitle(courses, c)}（${t.missing}）`).join(' ')}
              </p>
              <p>{fill(t.hours, { hours: formatNumber(progress.hours, lang), min: formatNumber(track.minHours ?? 0, lang) })}</p>
              {(track.offlineItems ?? []).length > 0 && (
                <p>
                  {t.offline}
                  {lang === 'zh' ? '：' : ': '}
                  {(track.offlineItems as Doc[]).map((item) => `${item.title}（${progress.offlineDone.includes(item.key) ? t.done : t.missing}）`).join(' ')}
                </p>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="students-heading">
        <h2 id="students-heading">{t.students}</h2>
        {students.length === 0 && <p>{t.noStudents}</p>}
        <ul className="cards" id="students">
          {guided.map((a) => {
            const s = a.student as Doc
            const enrolled = (studentEnrolments.docs as Doc[]).filter((e) => String(idOf(e.learner)) === String(s.id) && e.source?.relationTo === CORE.courses)
            const done = (studentCompletions.docs as Doc[]).filter((c) => String(idOf(c.learner)) === String(s.id) && c.source?.relationTo === CORE.courses)
            const credits = done.reduce((sum, c) => sum + (typeof c.source.value === 'object' ? (c.source.value.credits ?? 0) : 0), 0)
            return (
              <li className="card" key={a.id}>
                <h3>{s.name}</h3>
                <p className="muted">
                  {s.studentNumber ?? ''} · {fill(t.since, { date: formatDate(a.startedAt, lang) })}
                </p>
                <p>{fill(t.studentProgress, { active: enrolled.filter((e) => e.status === 'active').length, completed: done.length, credits: formatNumber(credits, lang) })}</p>
              </li>
            )
          })}
        </ul>
      </section>
    </>
  )
}
