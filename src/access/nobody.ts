import type { Access } from 'payload'

/** Through any API; the Local API with overrideAccess still writes (that is how plugins append). */
export const nobody: Access = () => false
