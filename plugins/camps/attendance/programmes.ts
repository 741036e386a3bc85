/**
 * What a check-in reads of its session and programme (the session's window and secret, the
 * programme's completion rule and how many sessions it has), cached in this process for a few
 * seconds so that a lecture hall checking in at once does not read them a thousand times. An
 * entry is dropped when its programme or one of its sessions changes in this process (the
 * collections' hooks); other processes see a change within TTL_MS.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload, PayloadRequest } from 'payload'
import { type Id, idOf } from '../../../src/access'
import { CAMP_SLUGS } from '../constants'

type Doc = Record<string, any>
export type Programme = { camp: Doc; sessions: number }

const TTL_MS = 10_000
const sessions = new Map<string, { at: number; doc: Doc | null }>()
const programmes = new Map<string, { at: number; programme: Programme | null }>()
const fresh = (entry: { at: number } | undefined) => entry !== undefined && Date.now() - entry.at < TTL_MS

/** `req`: read in its transaction, where it has one (a PostgreSQL request must not wait for a second connection). */
export async function sessionOf(payload: Payload, id: Id, req?: PayloadRequest): Promise<Doc | null> {
  const cached = sessions.get(String(id))
  if (fresh(cached)) return cached!.doc
  const doc = (await payload.findByID({ collection: CAMP_SLUGS.sessions as never, id: id as never, depth: 0, overrideAccess: true, disableErrors: true, req })) as Doc | null
  sessions.set(String(id), { at: Date.now(), doc })
  return doc
}

export async function programmeOf(payload: Payload, id: Id, req?: PayloadRequest): Promise<Programme | null> {
  const cached = programmes.get(String(id))
  if (fresh(cached)) return cached!.programme
  const camp = (await payload.findByID({ collection: CAMP_SLUGS.camps as never, id: id as never, depth: 0, overrideAccess: true, disableErrors: true, req })) as Doc | null
  const count = camp ? (await payload.count({ collection: CAMP_SLUGS.sessions as never, where: { camp: { equals: camp.id } }, overrideAccess: true, req })).totalDocs : 0
  const programme = camp ? { camp, sessions: count } : null
  programmes.set(String(id), { at: Date.now(), programme })
  return programme
}

/** On camps and camp-sessions: drop what a change made stale. */
export const forgetProgramme: CollectionAfterChangeHook & CollectionAfterDeleteHook = ({ doc, collection }: { doc: Doc; collection: { slug: string } }) => {
  if (collection.slug === CAMP_SLUGS.sessions) {
    sessions.delete(String(doc.id))
    programmes.delete(String(idOf(doc.camp)))
  } else programmes.delete(String(doc.id))
  return doc
}
