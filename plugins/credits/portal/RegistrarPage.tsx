/**
 * The registrar's page: their university's records awaiting a decision (filterable, decided in
 * bulk), the CSV download of the feed, course mappings, webhook endpoints with their recent
 * deliveries, and charts of credits by course, category and month. Everything is read as the
 * registrar, so only their university's rows appear; a fixed number of queries.
 */
import type { Where } from 'payload'
import { CREDIT_CATEGORIES } from '../../../collections/Courses'
import { idOf, userHasRole } from '../../../src/access'
import { fill, formatDate, formatNumber, type Lang, localized, optionLabel, pick } from '../../../src/portal/i18n'
import { signedText } from '../../../src/portal/actionMessage'
import { findPage, pageParam } from '../../../src/paging'
import { redirectPastLastPage } from '../../../src/portal/lastPage'
import { Pager } from '../../../src/portal/Pager'
import { param, pathWithQuery, portalRequest, requireUser, type SearchParams } from '../../../src/portal/session'
import { CREDIT_SLUGS } from '../constants'
import { encodeCursor } from '../feed/cursor'
import { creditsOptions } from './options'
import { REGISTRAR_PATH } from './paths'
import { creditLabels } from '../translations/portal'
import { decideRecords } from './actions'
import { type ChartSeries, CreditCharts } from './CreditCharts'
import { RecordCells, RecordHeadings } from './recordColumns'
import { RecordStatus } from './recordStatus'
import { SelectAll } from './SelectAll'

type Doc = Record<string, any>
const RECENT_DELIVERIES = 50
const WAITING_PER_PAGE = 50

export async function RegistrarPage({ searchParams }: { searchParams: SearchParams }) {
  const { payload, user, lang } = await requireUser(REGISTRAR_PATH)
  const t = pick(creditLabels, lang)
  if (!userHasRole(user, 'registrar', 'admin')) {
    return (
      <section className="narrow">
        <h1>{t.registrarTitle}</h1>
        <p className="error">{t.notRegistrar}</p>
      </section>
    )
  }
  const req = await portalRequest()
  const university = idOf(user.organization)
  const query = await searchParams
  const q = param(query.q)?.trim()
  const page = pageParam(param(query.page)) ?? 1
  const waitingPage = (n: number) => `${REGISTRAR_PATH}?${new URLSearchParams({ ...(q ? { q } : {}), page: String(n) }).toString()}`
  const waitingWhere: Where = {
    and: [{ status: { in: ['issued', 'delivered'] } }, ...(q ? [{ or: [{ studentNumber: { like: q } }, { learnerName: { like: q } }, { sourceCode: { like: q } }, { sourceTitle: { like: q } }] }] : [])],
  }
  const read = { req, overrideAccess: false, depth: 0 } as const
  const [waiting, recent, all, mappings, webhooks, deliveries, fresh] = await Promise.all([
    findPage(payload, { collection: CREDIT_SLUGS.records as never, where: waitingWhere, sort: 'sequence', limit: WAITING_PER_PAGE, page, ...read }),
    payload.find({ collection: CREDIT_SLUGS.records as never, where: { status: { in: ['accepted', 'rejected'] } }, sort: '-decidedAt', limit: 10, ...read }),
    payload.find({
      collection: CREDIT_SLUGS.records as never,
      // The last twelve months: a dashboard's window, and a read that does not grow with the ledger.
      where: { and: [{ status: { not_equals: 'revoked' } }, { supersededBy: { exists: false } }, { issuedAt: { greater_than_equal: yearAgo() } }] },
      pagination: false,
      ...read,
      select: { credits: true, sourceTitle: true, sourceTitleEn: true, category: true, issuedAt: true } as never,
    }),
    payload.find({ collection: CREDIT_SLUGS.courseMappings as never, pagination: false, ...read, depth: 1 }),
    payload.find({ collection: CREDIT_SLUGS.webhooks as never, pagination: false, ...read }),
    // Enough recent deliveries for each endpoint's last one and its recent failures: one read.
    payload.find({ collection: CREDIT_SLUGS.deliveries as never, sort: '-createdAt', limit: RECENT_DELIVERIES, ...read }),
    // The university's records not yet received: where the download starts, and how many there are.
    university === undefined
      ? { docs: [], totalDocs: 0 }
      : payload.find({ collection: CREDIT_SLUGS.records as never, where: { and: [{ homeUniversity: { equals: university } }, { status: { equals: 'issued' } }] }, sort: 'sequence', limit: 1, ...read, select: { sequence: true } as never }),
  ])
  redirectPastLastPage(waiting, (last) => pathWithQuery(REGISTRAR_PATH, { ...query, page: String(last) }))
  const { maxLimit } = creditsOptions(payload.config).feed
  const firstNew = (fresh.docs[0] as Doc | undefined)?.sequence as number | undefined
  // The feed from just before the first new record, as much as one pull may take: a fixed
  // `?format=csv` link started at the ledger's beginning, and so gave the same first page forever.
  const download =
    userHasRole(user, 'registrar') && university !== undefined && firstNew !== undefined
      ? `/api/credit-feed?${new URLSearchParams({ format: 'csv', limit: String(maxLimit), since: encodeCursor(payload.secret, university, firstNew - 1) }).toString()}`
      : undefined
  const problem = param(query.problem)
  // Counts only: a link could otherwise put its own words in the page's alerts.
  const count = (value: string | undefined) => (value && /^\d{1,6}$/.test(value) ? value : undefined)
  const decided = count(param(query.decided))
  const failed = count(param(query.failed))
  return (
    <>
      <h1>{t.registrarTitle}</h1>
      <p className="muted">{t.registrarIntro}</p>
      {problem && (
        <p className="error" role="alert">
          {problem === 'reason-required' ? t.reasonRequired : problem === 'no-decision' ? t.noDecision : t.noneSelected}
        </p>
      )}
      {decided && (
        <p className="success" role="status" id="decision-outcome">
          {fill(t.decided, { count: decided })}
        </p>
      )}
      {failed && (
        <p className="error" role="alert">
          {fill(t.decideFailed, { count: failed, reasons: signedText(payload, REGISTRAR_PATH, query, 'reasons') ?? '' })}
        </p>
      )}
      <section aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">
          {t.waiting} ({waiting.totalDocs})
        </h2>
        <form method="get" action="/registrar" className="filters" role="search">
          <label className="search">
            {t.filter}
            <input type="search" name="q" defaultValue={q ?? ''} placeholder={t.filterText} />
          </label>
          <button type="submit" className="secondary">
            {t.filterButton}
          </button>
        </form>
        {waiting.docs.length === 0 ? (
          <p>{t.noneWaiting}</p>
        ) : (
          <form action={decideRecords} className="stack">
            {q && <input type="hidden" name="q" value={q} />}
            <input type="hidden" name="page" value={String(waiting.page ?? page)} />
            <div className="table-wrap">
              <table id="waiting-records">
                <thead>
                  <tr>
                    <th scope="col">
                      <SelectAll label={t.selectAll} />
                    </th>
                    <th scope="col">{t.learner}</th>
                    <RecordHeadings lang={lang} />
                    <th scope="col">{t.status}</th>
                  </tr>
                </thead>
                <tbody>
                  {(waiting.docs as Doc[]).map((r) => (
                    <tr key={r.id}>
                      <td>
                        <input type="checkbox" name="record" value={String(r.id)} aria-label={fill(t.select, { name: `${r.learnerName ?? ''} ${r.sourceCode ?? ''}` })} />
                      </td>
                      <td>
                        {r.learnerName}
                        <br />
                        <span className="muted">{r.studentNumber}</span>
                      </td>
                      <RecordCells record={r} lang={lang} />
                      <td>
                        <RecordStatus status={r.status} lang={lang} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager page={waiting.page ?? page} totalPages={waiting.totalPages} link={waitingPage} lang={lang} id="waiting-pages" />
            <fieldset className="panel stack">
              <legend>{t.decision}</legend>
              <label>
                {t.localCourseCode}
                <input type="text" name="localCourseCode" maxLength={64} />
              </label>
              <label>
                {t.rejectReason}
                <input type="text" name="reason" maxLength={1000} />
              </label>
              <div className="actions">
                {/* The form's default button, disabled: Enter in a text box (a reason typed for a
                    rejection) submits with the first submit button, which would accept. */}
                <button type="submit" disabled hidden aria-hidden="true" tabIndex={-1} />
                <button type="submit" name="decision" value="accepted" id="accept-selected">
                  {t.accept}
                </button>
                <button type="submit" name="decision" value="rejected" className="secondary" id="reject-selected">
                  {t.reject}
                </button>
              </div>
            </fieldset>
          </form>
        )}
      </section>
      <section className="panel">
        <h2>{t.feed}</h2>
        {download ? (
          <>
            <p>
              <a href={download} download="lianpei-credit-feed.csv" id="download-csv">
                {fill(t.downloadCsv, { count: fresh.totalDocs })}
              </a>
            </p>
            <p className="muted">
              {fill(t.downloadCsvNote, { first: firstNew ?? '', limit: maxLimit })}
            </p>
          </>
        ) : (
          <p className="muted" id="no-new-records">
            {userHasRole(user, 'registrar') ? t.noNewRecords : t.feedForRegistrars}
          </p>
        )}
      </section>
      {recent.docs.length > 0 && (
        <section>
          <h2>{t.recent}</h2>
          <ul id="recent-decisions">
            {(recent.docs as Doc[]).map((r) => (
              <li key={r.id}>
                {r.learnerName} · {localized(r.sourceTitle, r.sourceTitleEn, lang)} <RecordStatus status={r.status} lang={lang} />{' '}
                {r.localCourseCode && <span className="muted">{fill(t.localCode, { code: r.localCourseCode })}</span>}
                {r.status === 'rejected' && r.decisionReason && <span> {fill(t.reason, { reason: r.decisionReason })}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h2>{t.charts}</h2>
        <CreditCharts charts={chartsOf(all.docs as Doc[], lang, t)} />
      </section>
      <section className="panel">
        <h2>{t.mappings}</h2>
        {mappings.docs.length === 0 ? (
          <p>{t.noMappings}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.platformCourse}</th>
                  <th scope="col">{t.localCourse}</th>
                  <th scope="col">{t.factor}</th>
                </tr>
              </thead>
              <tbody>
                {(mappings.docs as Doc[]).map((m) => (
                  <tr key={m.id}>
                    <td>{typeof m.course === 'object' ? `${localized(m.course.title, m.course.titleEn, lang)} (${m.course.code})` : m.course}</td>
                    <td>
                      {m.localCourseCode} {m.localCourseName}
                    </td>
                    <td>{formatNumber(m.creditFactor, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="panel">
        <h2>{t.webhooks}</h2>
        {webhooks.docs.length === 0 ? (
          <p>{t.noWebhooks}</p>
        ) : (
          <>
            {/* Wider than a phone: it scrolls, so it takes the keyboard's focus to be scrolled. */}
            <div className="table-wrap" tabIndex={0} role="region" aria-label={t.webhooks}>
              <table id="webhook-endpoints">
                <thead>
                  <tr>
                    <th scope="col">{t.endpoint}</th>
                    <th scope="col">{t.endpointState}</th>
                    <th scope="col">{t.lastDelivery}</th>
                    <th scope="col">{t.recentFailures}</th>
                  </tr>
                </thead>
                <tbody>
                  {(webhooks.docs as Doc[]).map((w) => {
                    const own = (deliveries.docs as Doc[]).filter((d) => String(idOf(d.webhook)) === String(w.id))
                    return (
                      <tr key={w.id}>
                        <td>
                          <code>{w.url}</code>
                        </td>
                        <td>{w.active === false ? t.endpointPaused : t.endpointActive}</td>
                        <td>{own[0] ? <Delivery delivery={own[0]} lang={lang} /> : fill(t.neverDelivered, { count: RECENT_DELIVERIES })}</td>
                        <td>{formatNumber(own.filter((d) => !d.succeeded).length, lang)}</td>
                      </tr>
                    )
                  })}
                </tbody>
              </table>
            </div>
            <p className="muted">{fill(t.recentFailuresNote, { count: RECENT_DELIVERIES })}</p>
          </>
        )}
        {deliveries.docs.length > 0 && (
          <>
            <h3>{t.lastDeliveries}</h3>
            <ul id="webhook-deliveries">
              {(deliveries.docs as Doc[]).slice(0, 10).map((d) => (
                <li key={d.id}>
                  <code>{(webhooks.docs as Doc[]).find((w) => String(w.id) === String(idOf(d.webhook)))?.url ?? ''}</code> · <Delivery delivery={d} lang={lang} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  )
}

const yearAgo = () => new Date(Date.now() - 365 * 24 * 60 * 60 * 1000).toISOString()

/** Sums of credits by course (the ten largest), by category and by month of issue. */
function chartsOf(records: Doc[], lang: 'zh' | 'en', t: Record<string, string>): ChartSeries[] {
  const sum = (key: (r: Doc) => string) => {
    const totals = new Map<string, number>()
    for (const r of records) totals.set(key(r), (totals.get(key(r)) ?? 0) + (r.credits ?? 0))
    return totals
  }
  const byCourse = [...sum((r) => localized(r.sourceTitle, r.sourceTitleEn, lang))].sort((a, b) => b[1] - a[1]).slice(0, 10)
  const byCategory = [...sum((r) => optionLabel(CREDIT_CATEGORIES, r.category, lang))]
  const byMonth = [...sum((r) => String(r.issuedAt ?? '').slice(0, 7))].sort((a, b) => a[0].localeCompare(b[0]))
  const series = (title: string, kind: ChartSeries['kind'], entries: Array<[string, number]>): ChartSeries => ({ title, kind, labels: entries.map((e) => e[0]), values: entries.map((e) => e[1]) })
  return [series(t.byCourse, 'bar', byCourse), series(t.byCategory, 'pie', byCategory), series(t.byMonth, 'line', byMonth)]
}

/** One delivery attempt: when, which attempt, and how it ended. */
function Delivery({ delivery: d, lang }: { delivery: Doc; lang: Lang }) {
  const t = pick(creditLabels, lang)
  return (
    <>
      {formatDate(d.createdAt, lang)} · #{d.attempt} · <span className={d.succeeded ? 'badge ok' : 'badge bad'}>{d.succeeded ? t.succeeded : t.failed}</span> {d.httpStatus ?? ''} {d.error ?? ''}
    </>
  )
}
