/**
 * My credits: every credit record of the learner with its status at the home university (the
 * local course code once accepted, the reason when rejected or revoked), totals by category, and
 * downloads of each record's credential and of the whole CLR transcript. One query.
 */
import { CREDIT_CATEGORIES } from '../../../collections/Courses'
import { fill, formatNumber, optionLabel, pick } from '../../../src/portal/i18n'
import { portalRequest, requireUser } from '../../../src/portal/session'
import { CREDIT_SLUGS } from '../constants'
import { creditLabels } from '../translations/portal'
import { RecordCells, RecordHeadings } from './recordColumns'
import { RecordStatus } from './recordStatus'

type Doc = Record<string, any>

export async function MyCreditsPage() {
  const { payload, user, lang } = await requireUser('/credits')
  const req = await portalRequest()
  const t = pick(creditLabels, lang)
  const records = (await payload.find({ collection: CREDIT_SLUGS.records as never, where: { learner: { equals: user.id } }, sort: '-issuedAt', pagination: false, depth: 0, req, overrideAccess: false })).docs as Doc[]
  const counted = records.filter((r) => r.status !== 'revoked' && !r.supersededBy)
  const byCategory = new Map<string, number>()
  for (const r of counted) byCategory.set(r.category ?? 'course', (byCategory.get(r.category ?? 'course') ?? 0) + (r.credits ?? 0))
  const sum = (rs: Doc[]) => rs.reduce((total, r) => total + (r.credits ?? 0), 0)
  return (
    <>
      <h1>{t.creditsTitle}</h1>
      <p className="muted">{t.creditsIntro}</p>
      {records.length === 0 ? (
        <p>{t.noRecords}</p>
      ) : (
        <>
          <section className="panel" aria-labelledby="totals-heading">
            <h2 id="totals-heading">{t.totals}</h2>
            <p>
              {fill(t.totalAll, { credits: formatNumber(sum(counted), lang) })}
              <br />
              {fill(t.accepted, { credits: formatNumber(sum(counted.filter((r) => r.status === 'accepted')), lang) })}
            </p>
            <dl className="facts" id="credit-totals">
              {[...byCategory].map(([category, credits]) => (
                <div key={category} style={{ display: 'contents' }}>
                  <dt>{optionLabel(CREDIT_CATEGORIES, category, lang)}</dt>
                  <dd>{formatNumber(credits, lang)}</dd>
                </div>
              ))}
            </dl>
            <p>
              <a href="/api/credit-records/transcript" download="lianpei-transcript.jwt">
                {t.downloadTranscript}
              </a>
            </p>
          </section>
          <div className="table-wrap">
            <table id="credit-records">
              <caption className="muted">{t.creditsTitle}</caption>
              <thead>
                <tr>
                  <RecordHeadings lang={lang} />
                  <th scope="col">{t.status}</th>
                  <th scope="col">{t.credential}</th>
                </tr>
              </thead>
              <tbody>
                {records.map((r) => (
                  <tr key={r.id} data-record={r.id}>
                    <RecordCells record={r} lang={lang} />
                    <td>
                      <RecordStatus status={r.status} lang={lang} />
                      {r.status === 'accepted' && r.localCourseCode && <div className="muted">{fill(t.localCode, { code: r.localCourseCode })}</div>}
                      {r.status === 'rejected' && r.decisionReason && <div>{fill(t.reason, { reason: r.decisionReason })}</div>}
                      {r.status === 'revoked' && r.revocationReason && <div>{fill(t.reason, { reason: r.revocationReason })}</div>}
                    </td>
                    <td>
                      <a href={`/api/credit-records/${r.id}/credential`} download={`lianpei-credit-${r.id}.jwt`}>
                        {t.downloadCredential}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  )
}
