/**
 * Every organisation's name, for portal pages that name providers and partners or filter by
 * them (the catalogue). Kept per process: reading them through Payload's pipeline on every view
 * cost 12 ms with 200 organisations, more than the rest of the catalogue page, and grew with
 * every organisation registered. Read as an anonymous visitor, so it holds only what anyone may
 * see. Dropped when an organisation changes in this process (hooks in
 * collections/Organizations.ts); a page that meets an organisation it does not know (made
 * through another process) reads them again, and a rename made elsewhere shows within TTL_MS.
 */
import type { Payload } from 'payload'
import { CORE } from '../../collections/slugs'

export type OrganizationName = { id: number | string; name: string; nameEn?: string | null }

const TTL_MS = 30_000
// However many unknown IDs pages meet (one naming a deleted organisation), the names are read at most this often.
const REREAD_MS = 1_000
type Entry = { at: number; names: Promise<OrganizationName[]> }
type Store = WeakMap<Payload, Entry>
// One store per process: Next.js bundles its own copy of this module for the catalogue page, and the hooks that drop it run in the server's.
const cached: Store = ((globalThis as { [key: symbol]: Store })[Symbol.for('lianpei.organizationNames')] ??= new WeakMap())

function read(payload: Payload): Entry {
  const names = payload
    .find({ collection: CORE.organizations, overrideAccess: false, pagination: false, depth: 0, sort: 'name', select: { name: true, nameEn: true } })
    .then(({ docs }) => docs.map((o) => ({ id: o.id, name: o.name, nameEn: o.nameEn })))
  const entry = { at: Date.now(), names }
  cached.set(payload, entry)
  // A failed read is not kept: the next view tries again.
  names.catch(() => cached.get(payload) === entry && cached.delete(payload))
  return entry
}

/** Sorted by name; `including`: the IDs the page will name. Concurrent views share one read. */
export async function organizationNames(payload: Payload, including: ReadonlyArray<unknown> = []): Promise<OrganizationName[]> {
  let entry = cached.get(payload)
  if (!entry || Date.now() - entry.at >= TTL_MS) entry = read(payload)
  const names = await entry.names
  const known = new Set(names.map((o) => String(o.id)))
  if (including.every((id) => id === null || id === undefined || known.has(String(id))) || Date.now() - entry.at < REREAD_MS) return names
  const latest = cached.get(payload)
  return (latest && latest !== entry ? latest : read(payload)).names
}

export function forgetOrganizationNames(payload: Payload): void {
  cached.delete(payload)
}
