import type { FieldAccess } from 'payload'

/** For fields only hooks write (through the Local API with overrideAccess): counters, keys, derived values. */
export const nobodyField: FieldAccess = () => false
