/**
 * The page numbers every list accepts, REST and portal alike: whole numbers from 1 to MAX_PAGE.
 * No list here has that many pages, and past it the database's OFFSET (page × limit) would
 * overflow into a 500 rather than an empty page.
 */
export const MAX_PAGE = 1_000_000
export const PAGE_RULE = `page must be a whole number from 1 to ${MAX_PAGE}`

/** `?page=` as a page number: absent is the first page; undefined when it is not a page number. */
export const pageParam = (value: string | null | undefined): number | undefined =>
  value === null || value === undefined || value === '' ? 1 : /^[1-9]\d{0,6}$/.test(value) && Number(value) <= MAX_PAGE ? Number(value) : undefined
