/**
 * The public mentor registry: search certified mentors by expertise (Chinese or English words),
 * kind and tier, as a university looks for an enterprise mentor or the reverse. One query for the
 * page of mentors, one for their organisations, one for their places.
 */
import { fill, formatDate, joinList, localized, pick } from '../../../src/portal/i18n'
import { redirectPastLastPage } from '../../../src/portal/lastPage'
import { Pager } from '../../../src/portal/Pager'
import { portalContext, param, type SearchParams } from '../../../src/portal/session'
import { MENTOR_KINDS, TIERS } from '../constants'
import { searchRegistry } from '../registry/searchRegistry'
import { mentorLabels } from '../translations/portal'

export async function RegistryPage({ searchParams }: { searchParams: SearchParams }) {
  const { payload, lang } = await portalContext()
  const t = pick(mentorLabels, lang)
  const query = await searchParams
  const params = new URLSearchParams()
  for (const key of ['q', 'kind', 'tier', 'page']) {
    const value = param(query[key])
    if (value) params.set(key, value)
  }
  // A link with filters the registry refuses (edited by hand) shows every mentor, and says so in
  // the visitor's language; the form then shows no filter rather than the refused ones.
  const found = await searchRegistry(payload, params)
  const refused = 'error' in found
  if (refused) for (const key of ['q', 'kind', 'tier', 'page']) params.delete(key)
  // With no parameters the query cannot be refused.
  const result = refused ? ((await searchRegistry(payload, params)) as Exclude<typeof found, { error: string }>) : found
  const selected = (key: string) => params.get(key) ?? ''
  const pageLink = (page: number) => {
    const p = new URLSearchParams(params)
    p.set('page', String(page))
    return `/mentors?${p.toString()}`
  }
  redirectPastLastPage(result, pageLink)
  const i = lang === 'zh' ? 0 : 1
  return (
    <>
      <h1>{t.registryTitle}</h1>
      <p>{t.registryIntro}</p>
      <form role="search" method="get" className="filters">
        <label>
          {t.search}
          <input type="search" name="q" defaultValue={selected('q')} />
        </label>
        <label>
          {t.kind}
          <select name="kind" defaultValue={selected('kind')}>
            <option value="">{t.any}</option>
            {Object.entries(MENTOR_KINDS).map(([value, label]) => (
              <option key={value} value={value}>
                {label[i]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.tier}
          <select name="tier" defaultValue={selected('tier')}>
            <option value="">{t.any}</option>
            {Object.entries(TIERS).map(([value, tier]) => (
              <option key={value} value={value}>
                {tier.label[i]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t.searchButton}</button>
      </form>
      {refused && (
        <p className="error" role="alert" id="registry-query-refused">
          {t.queryRefused}
        </p>
      )}
      <p id="registry-count" aria-live="polite">
        {fill(t.results, { count: result.totalDocs })}
      </p>
      {result.docs.length === 0 && <p>{t.noResults}</p>}
      <ul className="cards" id="registry">
        {result.docs.map((m) => (
          <li className="card" key={String(m.id)}>
            <h2>{m.name}</h2>
            <div className="actions">
              <span className="badge">{TIERS[m.tier]?.label[i]}</span>
              <span className="badge">{MENTOR_KINDS[m.kind as keyof typeof MENTOR_KINDS]?.[i]}</span>
            </div>
            <p>{m.organization ? localized(m.organization.name, m.organization.nameEn, lang) : ''}</p>
            {m.expertise.length > 0 && (
              <p>
                {t.expertise}
                {lang === 'zh' ? '：' : ': '}
                {joinList(m.expertise as string[], lang)}
              </p>
            )}
            <p className="muted">
              {m.places > 0 ? fill(t.places, { count: m.places }) : t.full} · {fill(t.certifiedUntil, { date: formatDate(m.certifiedUntil, lang) })}
            </p>
          </li>
        ))}
      </ul>
      <Pager page={result.page ?? 1} totalPages={result.totalPages} link={pageLink} lang={lang} id="registry-pages" />
    </>
  )
}
