/**
 * The open course library (在线开放课程资源库): so far H5P packages — upload, validation,
 * extraction and serving for h5p-standalone. Catalogue, enrolment rules, xAPI statements and
 * completion rules come next (see the open issue).
 */
import path from 'node:path'
import type { Config } from 'payload'
import { addStaticRoute } from '../../src/staticRoutes'
import { createH5PPackagesCollection } from './collections/H5PPackages'
import { H5P_ROUTES } from './constants'
import { type OpenCoursesPluginOptions, sanitizeOptions } from './types'

export { H5P_ROUTES, OPEN_COURSE_SLUGS } from './constants'
export type { OpenCoursesPluginOptions } from './types'

/** Served SVG may not run script even if one slipped past validation. */
const lockDownSvg = (res: import('node:http').ServerResponse, file: string) => {
  if (file.toLowerCase().endsWith('.svg')) res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
}

export const openCoursesPlugin =
  (pluginOptions: OpenCoursesPluginOptions = {}) =>
  (incoming: Config): Config => {
    const options = sanitizeOptions(pluginOptions)
    if (!options.enabled) return incoming
    let config: Config = { ...incoming, collections: [...(incoming.collections ?? []), createH5PPackagesCollection(options)] }
    config = addStaticRoute(config, { path: H5P_ROUTES.content, dir: path.resolve(options.dataDir, 'h5p'), setHeaders: lockDownSvg })
    config = addStaticRoute(config, { path: H5P_ROUTES.player, dir: path.resolve('node_modules/h5p-standalone/dist') })
    return config
  }
