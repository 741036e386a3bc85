import path from 'node:path'

/**
 * The project folder. Commands run from it (npm scripts do); compiled code lives in dist/, so
 * paths are not derived from a module's own location.
 */
export const PROJECT_ROOT = path.resolve(process.env.LIANPEI_ROOT ?? process.cwd())
