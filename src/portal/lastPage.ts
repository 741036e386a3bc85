/**
 * A list asked for past its last page (a hand-edited link, or rows decided or withdrawn meanwhile)
 * goes to its last page, rather than showing "none found" under a count of results. A page within
 * the list always has rows, and an empty list stays where it is. The list must come from
 * `findPage` (src/paging.ts), which counts where Payload's SQL adapters do not.
 */
import { redirect } from 'next/navigation'

export function redirectPastLastPage(list: { docs: unknown[]; totalDocs: number; totalPages: number }, link: (page: number) => string): void {
  if (list.docs.length === 0 && list.totalDocs > 0) redirect(link(list.totalPages))
}
