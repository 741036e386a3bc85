import type { CollectionConfig } from 'payload'
import { or } from './combine'
import { hasRole, isAdmin } from './hasRole'
import { nobody } from './nobody'
import { self } from './self'

/**
 * Records the platform writes about a learner (xAPI statements, module progress): the learner reads
 * their own, administrators and organisers all; nobody writes them through the API.
 */
export const learnerRecordsAccess = (): NonNullable<CollectionConfig['access']> => ({
  read: or(isAdmin, hasRole('organizer'), self('learner')),
  create: nobody,
  update: nobody,
  delete: nobody,
})
