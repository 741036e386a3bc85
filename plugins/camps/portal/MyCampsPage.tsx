/**
 * My programmes and camps: each programme the learner is enrolled in, with their attendance rate
 * against the completion rule, the sessions coming up (with a check-in link), and its contests.
 * Organisers also find today's sessions here, each with a link to its check-in screen.
 */
import { CORE } from '../../../collections/slugs'
import { idOf, userHasRole } from '../../../src/access'
import { clock } from '../../../src/clock'
import { fill, formatDate, formatNumber, formatTime, localized, pick } from '../../../src/portal/i18n'
import { portalRequest, requireUser } from '../../../src/portal/session'
import { ATTENDED, CAMP_SLUGS } from '../constants'
import { campLabels } from '../translations/portal'

type Doc = Record<string, any>

export async function MyCampsPage() {
  const { payload, user, lang } = await requireUser('/camps')
  const req = await portalRequest()
  const t = pick(campLabels, lang)
  const mine = { req, overrideAccess: false, depth: 0, pagination: false } as const
  const enrolments = (await payload.find({ collection: CORE.enrollments, where: { and: [{ learner: { equals: user.id } }, { key: { like: `%:${CAMP_SLUGS.camps}:%` } }] }, ...mine, depth: 1 })).docs.filter((e) => typeof (e.source as Doc)?.value === 'object') as Doc[]
  const campIds = enrolments.map((e) => e.source.value.id)
  const [sessions, attendance, contests] = campIds.length
    ? await Promise.all([
        payload.find({ collection: CAMP_SLUGS.sessions as never, where: { camp: { in: campIds } }, sort: 'startsAt', ...mine }),
        payload.find({ collection: CAMP_SLUGS.attendance as never, where: { learner: { equals: user.id } }, ...mine }),
        payload.find({ collection: CAMP_SLUGS.contests as never, where: { camp: { in: campIds } }, sort: 'opensAt', ...mine }),
      ])
    : [{ docs: [] }, { docs: [] }, { docs: [] }]
  const of = (rows: { docs: unknown[] }, campId: unknown) => (rows.docs as Doc[]).filter((r) => String(idOf(r.camp)) === String(campId))
  const now = clock.now()
  const organiser = userHasRole(user, 'admin', 'organizer')
  const today = organiser
    ? ((await payload.find({ collection: CAMP_SLUGS.sessions as never, where: { and: [{ startsAt: { less_than: new Date(now + 86_400_000).toISOString() } }, { endsAt: { greater_than: new Date(now - 3_600_000).toISOString() } }] }, sort: 'startsAt', ...mine, depth: 1 })).docs as Doc[])
    : []
  return (
    <>
      <h1>{t.myCamps}</h1>
      {organiser && (
        <section className="panel" aria-labelledby="today-heading">
          <h2 id="today-heading">{t.todaysSessions}</h2>
          {today.length === 0 && <p>{t.noUpcoming}</p>}
          <ul id="todays-sessions">
            {today.map((s) => (
              <li key={s.id}>
                {s.camp?.title} · {s.title} · <a href={`/camps/sessions/${s.id}/screen`}>{t.openScreen}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {enrolments.length === 0 && !organiser && <p>{t.noCamps}</p>}
      <ul className="cards" id="my-camps">
        {enrolments.map((e) => {
          const camp = e.source.value as Doc
          const all = of(sessions, camp.id)
          const attended = of(attendance, camp.id).filter((a) => ATTENDED.includes(a.status)).length
          const rate = all.length ? Math.round((attended / all.length) * 1000) / 10 : 0
          const upcoming = all.filter((s) => Date.parse(s.endsAt) >= now).slice(0, 3)
          return (
            <li className="card" key={e.id}>
              <h2>{localized(camp.title, camp.titleEn, lang)}</h2>
              {e.status === 'completed' && <span className="badge featured">{t.completed}</span>}
              <p className="attendance-rate">{fill(t.attendance, { rate: formatNumber(rate, lang), attended, sessions: all.length })}</p>
              <p className="muted">{fill(t.rule, { rate: camp.completionRule?.minAttendanceRate ?? 0 })}</p>
              <h3>{t.upcoming}</h3>
              {upcoming.length === 0 && <p>{t.noUpcoming}</p>}
              <ul>
                {upcoming.map((s) => (
                  <li key={s.id}>
                    {formatDate(s.startsAt, lang)} {formatTime(s.startsAt, lang)} · {s.title}
                    {s.place ? ` · ${s.place}` : ''} · <a href={`/camps/check-in?session=${s.id}`}>{t.checkIn}</a>
                  </li>
                ))}
              </ul>
              {of(contests, camp.id).length > 0 && (
                <>
                  <h3>{t.contests}</h3>
                  <ul>
                    {of(contests, camp.id).map((k) => (
                      <li key={k.id}>
                        {k.title} · <a href={`/camps/contests/${k.id}`}>{t.takeContest}</a> · <a href={`/camps/contests/${k.id}/leaderboard`}>{t.leaderboard}</a>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          )
        })}
      </ul>
    </>
  )
}
