/** Paging for any of the portal's lists: previous and next around "page n of m" (a page past the end is redirected: lastPage.ts). */
import { fill, type Lang, pick } from './i18n'
import { portalLabels } from './translations'

export function Pager({ page, totalPages, link, lang, id }: { page: number; totalPages: number; link: (page: number) => string; lang: Lang; id?: string }) {
  if (totalPages <= 1) return null
  const t = pick(portalLabels, lang)
  return (
    <nav className="pager" aria-label={t.pages} id={id}>
      {page > 1 && (
        <a href={link(page - 1)} rel="prev">
          {t.previous}
        </a>
      )}
      <span>{fill(t.pageOf, { page, pages: totalPages })}</span>
      {page < totalPages && (
        <a href={link(page + 1)} rel="next">
          {t.next}
        </a>
      )}
    </nav>
  )
}
