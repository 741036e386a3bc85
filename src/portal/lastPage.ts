/**
 * A list asked for past its last page (a hand-edited link, or rows decided or withdrawn meanwhile)
 * goes to its last page, rather than showing "none found" under a count of results. Payload counts
 * an empty list as one page, and a page within the list always has rows, so only a page past the
 * end of a list with rows moves.
 */
import { redirect } from 'next/navigation'

export function redirectPastLastPage(list: { docs: unknown[]; totalDocs: number; totalPages: number }, link: (page: number) => string): void {
  if (list.docs.length === 0 && list.totalDocs > 0) redirect(link(list.totalPages))
}
