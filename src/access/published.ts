import type { Access, Where } from 'payload'

/** The published documents of a collection with drafts (`field` reaches through a relation). */
export const published =
  (field = '_status'): Access =>
  () =>
    ({ [field]: { equals: 'published' } }) as Where
