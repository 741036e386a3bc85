/**
 * The home page: the catalogue of published courses with search (Chinese included), filters,
 * sort and paging; featured courses first. One query for the page of courses; the organisations'
 * names (kept per process) fill the provider filter and name each course's provider and partners.
 */
import { CREDIT_CATEGORIES, DISCIPLINES, DESIGNATIONS } from '../../../collections/Courses'
import { colon, fill, joinList, type Lang, localized, optionLabel, pick } from '../../../src/portal/i18n'
import { redirectPastLastPage } from '../../../src/portal/lastPage'
import { type OrganizationName, organizationNames } from '../../../src/portal/organizationNames'
import { Pager } from '../../../src/portal/Pager'
import { param, portalContext, portalRequest, type SearchParams } from '../../../src/portal/session'
import { type CatalogueQuery, findCatalogue, parseCatalogueQuery } from '../catalogue/catalogueQuery'
import { ENROLLMENT_MODES } from '../coreExtensions'
import { openCoursesLabels } from '../translations/portal'

type Doc = Record<string, any>
const LANGUAGES = [
  { value: 'zh', label: { zh: '中文', en: 'Chinese' } },
  { value: 'en', label: { zh: '英文', en: 'English' } },
  { value: 'bilingual', label: { zh: '双语', en: 'Bilingual' } },
]

export async function CataloguePage({ searchParams }: { searchParams: SearchParams }) {
  const { payload, lang } = await portalContext()
  const req = await portalRequest()
  const t = pick(openCoursesLabels, lang)
  const raw = await searchParams
  const params = new URLSearchParams()
  for (const key of ['q', 'discipline', 'category', 'language', 'organization', 'minCredits', 'maxCredits', 'featured', 'sort', 'page']) {
    const value = param(raw[key])
    if (value) params.set(key, value)
  }
  params.set('limit', '12')
  const parsed = parseCatalogueQuery(params)
  // A link with filters the catalogue refuses (edited by hand) shows every course, and says so in
  // the visitor's language; the form then shows no filter rather than the refused ones.
  if ('error' in parsed) for (const key of [...params.keys()]) if (key !== 'limit') params.delete(key)
  const query: CatalogueQuery = 'error' in parsed ? (parseCatalogueQuery(params) as { query: CatalogueQuery }).query : parsed.query
  const courses = await findCatalogue(payload, query, { req })
  const organizations = await organizationNames(payload, (courses.docs as Doc[]).flatMap((c) => [c.organization, ...(c.partners ?? [])]))
  const pageLink = (page: number) => {
    const p = new URLSearchParams(params)
    p.delete('limit')
    p.set('page', String(page))
    return `/?${p.toString()}`
  }
  redirectPastLastPage(courses, pageLink)
  const organizationsById = new Map(organizations.map((o) => [o.id, o]))
  const selected = (key: string) => params.get(key) ?? ''
  return (
    <>
      <h1>{t.catalogueTitle}</h1>
      <p className="muted">{t.catalogueIntro}</p>
      {'error' in parsed && (
        <p className="error" role="alert" id="catalogue-query-refused">
          {t.queryRefused}
        </p>
      )}
      <form className="filters panel" method="get" action="/" role="search">
        <label className="search">
          {t.search}
          <input type="search" name="q" defaultValue={selected('q')} placeholder={t.searchPlaceholder} />
        </label>
        <Select name="discipline" label={t.discipline} any={t.any} value={selected('discipline')} options={DISCIPLINES} lang={lang} />
        <Select name="category" label={t.category} any={t.any} value={selected('category')} options={CREDIT_CATEGORIES} lang={lang} />
        <Select name="language" label={t.language} any={t.any} value={selected('language')} options={LANGUAGES} lang={lang} />
        <Select
          name="organization"
          label={t.organization}
          any={t.any}
          value={selected('organization')}
          options={organizations.map((o) => ({ value: String(o.id), label: { zh: o.name, en: o.nameEn || o.name } }))}
          lang={lang}
        />
        <Select
          name="sort"
          label={t.sort}
          value={selected('sort') || 'featured'}
          options={[
            { value: 'featured', label: { zh: t.sortFeatured, en: t.sortFeatured } },
            { value: 'title', label: { zh: t.sortTitle, en: t.sortTitle } },
            { value: 'newest', label: { zh: t.sortNewest, en: t.sortNewest } },
            { value: 'credits', label: { zh: t.sortCredits, en: t.sortCredits } },
            { value: '-credits', label: { zh: t.sortCreditsDesc, en: t.sortCreditsDesc } },
            { value: 'code', label: { zh: t.sortCode, en: t.sortCode } },
          ]}
          lang={lang}
        />
        <label>
          {t.minCredits}
          <input type="number" name="minCredits" min={0} step={0.5} inputMode="decimal" defaultValue={selected('minCredits')} />
        </label>
        <label>
          {t.maxCredits}
          <input type="number" name="maxCredits" min={0} step={0.5} inputMode="decimal" defaultValue={selected('maxCredits')} />
        </label>
        <label>
          <span>
            <input type="checkbox" name="featured" value="true" defaultChecked={selected('featured') === 'true'} /> {t.featuredOnly}
          </span>
        </label>
        <button type="submit">{t.searchButton}</button>
      </form>
      <p role="status" id="catalogue-count">
        {fill(t.results, { count: courses.totalDocs })}
      </p>
      {courses.docs.length === 0 ? (
        <p>{t.noResults}</p>
      ) : (
        <ul className="cards" id="catalogue">
          {(courses.docs as Doc[]).map((course) => (
            <CourseCard key={course.id} course={course} organizations={organizationsById} lang={lang} />
          ))}
        </ul>
      )}
      <Pager page={courses.page ?? 1} totalPages={courses.totalPages} link={pageLink} lang={lang} />
    </>
  )
}

function Select({ name, label, any, value, options, lang }: { name: string; label: string; any?: string; value: string; options: ReadonlyArray<{ value: string; label: { zh: string; en: string } }>; lang: Lang }) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={value}>
        {any !== undefined && <option value="">{any}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label[lang]}
          </option>
        ))}
      </select>
    </label>
  )
}

export const organizationName = (org: Doc | string | number | null | undefined, lang: Lang) =>
  org && typeof org === 'object' ? localized(org.name, org.nameEn, lang) : ''

function CourseCard({ course, organizations, lang }: { course: Doc; organizations: Map<unknown, OrganizationName>; lang: Lang }) {
  const t = pick(openCoursesLabels, lang)
  const partners = ((course.partners ?? []) as unknown[]).map((id) => organizationName(organizations.get(id), lang)).filter(Boolean)
  const summary = localized(course.summary, course.summaryEn, lang)
  return (
    <li className="card">
      <h2>
        <a href={`/courses/${course.id}`}>{localized(course.title, course.titleEn, lang)}</a>
      </h2>
      <div className="actions">
        {course.featured && <span className="badge featured">{t.featured}</span>}
        {course.designation && <span className="badge designation">{optionLabel(DESIGNATIONS, course.designation, lang)}</span>}
        <span className="badge">{optionLabel(CREDIT_CATEGORIES, course.creditCategory, lang)}</span>
        <span className="badge">{optionLabel(ENROLLMENT_MODES, course.enrollment?.mode ?? 'open', lang)}</span>
      </div>
      <p className="muted">{fill(t.creditsHours, { credits: course.credits ?? 0, hours: course.hours ?? 0 })}</p>
      <p>
        {t.provider}
        {colon(lang)}
        {organizationName(organizations.get(course.organization), lang)}
        {partners.length > 0 && (
          <>
            <br />
            {t.partners}
            {colon(lang)}
            {joinList(partners, lang)}
          </>
        )}
      </p>
      {summary && <p>{summary.length > 90 ? `${summary.slice(0, 90)}…` : summary}</p>}
    </li>
  )
}
