/**
 * What a check-in reads of its session and programme (the session's window and secret, the
 * programme's completion rule and how many sessions it has), cached in this process for a few
 * seconds so that a lecture hall checking in at once does not read them a thousand times. An
 * entry is dropped when its programme or one of its sessions changes in this process (the
 * collections' hooks, before that change commits: a read in between may keep the old one until
 * TTL_MS, as other processes do). A completion is written only after an uncached count of the
 * programme's sessions (completeCamp), so a stale count never issues a credit.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload, PayloadRequest } from 'payload'
import { type Id, idOf } from '../../../src/access'
import { CAMP_SLUGS } from '../constants'

type Doc = Record<string, any>
export type Programme = { camp: Doc; sessions: number }

const TTL_MS = 10_000
const MAX_ENTRIES = 10_000
type Caches = { sessions: Map<string, { at: number; doc: Doc }>; programmes: Map<string, { at: number; programme: Programme }> }
// One store per process: Next.js bundles its own copy of this module for the portal's check-in page.
const { sessions, programmes }: Caches = ((globalThis as { [key: symbol]: Caches })[Symbol.for('lianpei.campProgrammes')] ??= { sessions: new Map(), programmes: new Map() })
const fresh = (entry: { at: number } | undefined) => entry !== undefined && Date.now() - entry.at < TTL_MS
/** Only what exists is kept (an id that names nothing is read again), and never more than MAX_ENTRIES. */
function keep<V>(map: Map<string, V>, id: Id, value: V) {
  if (map.size >= MAX_ENTRIES) map.clear()
  map.set(String(id), value)
}

/** `req`: read in its transaction, where it has one (a PostgreSQL request must not wait for a second connection). */
export async function sessionOf(payload: Payload, id: Id, req?: PayloadRequest): Promise<Doc | null> {
  const cached = sessions.get(String(id))
  if (fresh(cached)) return cached!.doc
  const doc = (await payload.findByID({ collection: CAMP_SLUGS.sessions as never, id: id as never, depth: 0, overrideAccess: true, disableErrors: true, req })) as Doc | null
  if (doc) keep(sessions, id, { at: Date.now(), doc })
  return doc
}

export async function programmeOf(payload: Payload, id: Id, req?: PayloadRequest): Promise<Programme | null> {
  const cached = programmes.get(String(id))
  if (fresh(cached)) return cached!.programme
  const camp = (await payload.findByID({ collection: CAMP_SLUGS.camps as never, id: id as never, depth: 0, overrideAccess: true, disableErrors: true, req })) as Doc | null
  const count = camp ? (await payload.count({ collection: CAMP_SLUGS.sessions as never, where: { camp: { equals: camp.id } }, overrideAccess: true, req })).totalDocs : 0
  if (!camp) return null
  const programme = { camp, sessions: count }
  keep(programmes, id, { at: Date.now(), programme })
  return programme
}

/** On camps and camp-sessions: drop what a change made stale. */
export const forgetProgramme: CollectionAfterChangeHook & CollectionAfterDeleteHook = ({ doc, previousDoc, collection }: { doc: Doc; previousDoc?: Doc; collection: { slug: string } }) => {
  if (collection.slug === CAMP_SLUGS.sessions) {
    sessions.delete(String(doc.id))
    // A session moved to another programme changes both programmes' counts.
    for (const camp of [doc.camp, previousDoc?.camp]) if (camp !== undefined) programmes.delete(String(idOf(camp)))
  } else programmes.delete(String(doc.id))
  return doc
}
