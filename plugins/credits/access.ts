import type { CollectionConfig } from 'payload'
import { isAdmin, or, ownOrganization } from '../../src/access'

/** Administrators, and a university's registrar for its own university's rows (`university`). */
export const universityRegistrarAccess = (): NonNullable<CollectionConfig['access']> => {
  const rule = or(isAdmin, ownOrganization('university', 'registrar'))
  return { read: rule, create: rule, update: rule, delete: rule }
}
