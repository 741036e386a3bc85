/**
 * Every organisation's name, for portal pages that name providers and partners or filter by
 * them (the catalogue). Kept per process: reading them through Payload's pipeline on every view
 * cost 12 ms with 200 organisations, more than the rest of the catalogue page, and grew with
 * every organisation registered. Read as an anonymous visitor, so it holds only what anyone may
 * see. Dropped when an organisation changes in this process (hooks in
 * collections/Organizations.ts); other processes see a change within TTL_MS.
 */
import type { Payload } from 'payload'
import { CORE } from '../../collections/slugs'

export type OrganizationName = { id: number | string; name: string; nameEn?: string | null }

const TTL_MS = 30_000
const cached = new WeakMap<Payload, { at: number; names: Promise<OrganizationName[]> }>()

/** Sorted by name. Concurrent first views share one read. */
export function organizationNames(payload: Payload): Promise<OrganizationName[]> {
  const entry = cached.get(payload)
  if (entry && Date.now() - entry.at < TTL_MS) return entry.names
  const names = payload
    .find({ collection: CORE.organizations, overrideAccess: false, pagination: false, depth: 0, sort: 'name', select: { name: true, nameEn: true } })
    .then(({ docs }) => docs.map((o) => ({ id: o.id, name: o.name, nameEn: o.nameEn })))
  const fresh = { at: Date.now(), names }
  cached.set(payload, fresh)
  // A failed read is not kept: the next view tries again.
  names.catch(() => cached.get(payload) === fresh && cached.delete(payload))
  return names
}

export function forgetOrganizationNames(payload: Payload): void {
  cached.delete(payload)
}
