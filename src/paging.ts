/**
 * The page numbers every list accepts, REST and portal alike: whole numbers from 1 to MAX_PAGE.
 * No list here has that many pages, and past it the database's OFFSET (page × limit) would
 * overflow into a 500 rather than an empty page.
 */
import type { Payload } from 'payload'

export const MAX_PAGE = 1_000_000
export const PAGE_RULE = `page must be a whole number from 1 to ${MAX_PAGE}`

/** `?page=` as a page number: absent is the first page; undefined when it is not a page number. */
export const pageParam = (value: string | null | undefined): number | undefined =>
  value === null || value === undefined || value === '' ? 1 : /^[1-9]\d{0,6}$/.test(value) && Number(value) <= MAX_PAGE ? Number(value) : undefined

type FindArgs = Parameters<Payload['find']>[0]
type FoundPage = Awaited<ReturnType<Payload['find']>>

/**
 * `payload.find` for one page of a list, with the count Payload's SQL adapters leave out: they
 * answer a page past the end of a query that joins another table (a has-many filter such as the
 * catalogue's organisation, or access through one) with `totalDocs: 0` and `page: 1`. Counted
 * again there, so that a list past its end still says how many rows it has and which page was
 * asked, as it does without a join and on MongoDB.
 */
export async function findPage(payload: Payload, args: FindArgs): Promise<FoundPage> {
  const found = await payload.find(args)
  const page = args.page ?? 1
  if (found.docs.length > 0 || found.totalDocs > 0 || page <= 1 || args.pagination === false) return found
  const { totalDocs } = await payload.count({ collection: args.collection, where: args.where, req: args.req, overrideAccess: args.overrideAccess, user: args.user, locale: args.locale } as Parameters<Payload['count']>[0])
  if (totalDocs === 0) return found
  const totalPages = Math.ceil(totalDocs / found.limit)
  return { ...found, totalDocs, totalPages, page, pagingCounter: (page - 1) * found.limit + 1, hasPrevPage: true, prevPage: page - 1, hasNextPage: false, nextPage: null }
}
