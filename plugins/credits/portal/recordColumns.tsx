/** The columns every table of credit records shows: what was earned, how much, how well, when. */
import { CREDIT_CATEGORIES } from '../../../collections/Courses'
import { formatDate, formatNumber, type Lang, localized, optionLabel, pick } from '../../../src/portal/i18n'
import { creditLabels } from '../translations/portal'

type Doc = Record<string, any>

export function RecordHeadings({ lang }: { lang: Lang }) {
  const t = pick(creditLabels, lang)
  return (
    <>
      <th scope="col">{t.course}</th>
      <th scope="col">{t.credits}</th>
      <th scope="col">{t.grade}</th>
      <th scope="col">{t.issuedAt}</th>
    </>
  )
}

export function RecordCells({ record: r, lang }: { record: Doc; lang: Lang }) {
  return (
    <>
      <td>
        {localized(r.sourceTitle, r.sourceTitleEn, lang)}
        <br />
        <span className="muted">
          {r.sourceCode} · {optionLabel(CREDIT_CATEGORIES, r.category, lang)}
        </span>
      </td>
      <td>{formatNumber(r.credits, lang)}</td>
      <td>{r.grade ?? formatNumber(r.score, lang)}</td>
      <td>{formatDate(r.issuedAt, lang)}</td>
    </>
  )
}
