/**
 * A list asked for past its last page (a hand-edited link, or rows decided or withdrawn meanwhile)
 * goes to its last page, rather than showing "none found" under a count of results. A page within
 * the list always has rows, and an empty list stays where it is.
 */
import { redirect } from 'next/navigation'

export async function redirectPastLastPage(list: { docs: unknown[]; totalDocs: number }, page: number, limit: number, link: (page: number) => string, count: () => Promise<number>): Promise<void> {
  if (list.docs.length > 0 || page <= 1) return
  // Payload's SQL adapters answer a page past the end of a query that joins another table (a
  // has-many filter, or access through one) with no count at all (totalDocs 0): counted again.
  const total = list.totalDocs || (await count())
  if (total > 0) redirect(link(Math.ceil(total / limit)))
}
