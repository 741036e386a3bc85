/**
 * The open course library (在线开放课程资源库). So far: H5P packages (upload, validation,
 * extraction, serving for h5p-standalone), xAPI statements (validated, bound to the learner,
 * stored by group commit), progress and the completion rule. Catalogue search, enrolment rules,
 * bulk enrolment and the player page come next (see the open issue).
 */
import path from 'node:path'
import type { Config } from 'payload'
import { addStaticRoute } from '../../src/staticRoutes'
import { createH5PPackagesCollection } from './collections/H5PPackages'
import { createXapiStatementsCollection } from './collections/XapiStatements'
import { catalogueEndpoint } from './endpoints/catalogue'
import { getStatementsEndpoint, postStatementsEndpoint } from './endpoints/statements'
import { addCourseFields, addEnrollmentRules, addModuleFields } from './coreExtensions'
import { CORE } from '../../collections/slugs'
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
    const collections = (incoming.collections ?? []).map((c) =>
      c.slug === CORE.courses ? addCourseFields(c) : c.slug === CORE.modules ? addModuleFields(c) : c.slug === CORE.enrollments ? addEnrollmentRules(c) : c,
    )
    let config: Config = {
      ...incoming,
      collections: [...collections, createH5PPackagesCollection(options), createXapiStatementsCollection()],
      endpoints: [...(incoming.endpoints ?? []), catalogueEndpoint, postStatementsEndpoint, getStatementsEndpoint],
    }
    config = addStaticRoute(config, { path: H5P_ROUTES.content, dir: path.resolve(options.dataDir, 'h5p'), setHeaders: lockDownSvg })
    config = addStaticRoute(config, { path: H5P_ROUTES.player, dir: path.resolve('node_modules/h5p-standalone/dist') })
    return config
  }
