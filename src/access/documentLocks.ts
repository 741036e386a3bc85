/**
 * Access to Payload's own `payload-locked-documents`: the admin panel's note of who is editing
 * which document. Payload lets any signed-in user read, create, change and delete these through
 * the API, so a student could list what staff are editing, lock a course in an author's name, or
 * drop an editor's lock. Payload adds the collection while it sanitises the config, after every
 * plugin has run, so its access is set on the sanitised config.
 *
 * - read and delete: people who work in the admin panel (its list views and "leave document");
 * - update: the same, and only to put the lock in their own name ("take over"): every change
 *   names the caller as its holder;
 * - create: nobody through the API; the admin panel writes locks through the database adapter.
 */
import type { Access, SanitizedConfig } from 'payload'
import { nobody } from './nobody'
import { STAFF_ROLES, userHasRole } from './roles'

const LOCKS = 'payload-locked-documents'

const worksInAdminPanel: Access = ({ req }) => userHasRole(req.user, ...STAFF_ROLES)

const takesOverOnly: Access = ({ req, data }) => {
  if (!userHasRole(req.user, ...STAFF_ROLES)) return false
  // Asked without data, the admin panel learns whether it may take a lock over at all.
  if (data === undefined) return true
  // Every change names the new holder, the caller: a lock cannot be moved to another document, or kept alive, in somebody else's name.
  const holder = (data as { user?: unknown }).user
  const id = holder !== null && typeof holder === 'object' ? (holder as { value?: unknown }).value : holder
  return id !== null && id !== undefined && String(id) === String(req.user?.id)
}

export function staffOnlyDocumentLocks(config: SanitizedConfig): SanitizedConfig {
  const locks = config.collections.find((c) => c.slug === LOCKS)
  if (locks) Object.assign(locks.access, { read: worksInAdminPanel, delete: worksInAdminPanel, update: takesOverOnly, create: nobody })
  return config
}
