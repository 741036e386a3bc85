/**
 * The open course library (在线开放课程资源库): the catalogue, enrolment rules and bulk enrolment;
 * H5P (a library registry that administrators install from trusted packages, authors' packages
 * validated against it, content served isolated, a sandboxed player frame); xAPI statements
 * (validated, bound to the learner, stored by group commit); progress and the completion rule.
 */
import path from 'node:path'
import type { Config } from 'payload'
import { addPortalPlugin } from '../../src/portal/plugins'
import { addStaticRoute } from '../../src/staticRoutes'
import { createH5PLibrariesCollection } from './collections/H5PLibraries'
import { createH5PLibraryInstallsCollection } from './collections/H5PLibraryInstalls'
import { createH5PPackagesCollection } from './collections/H5PPackages'
import { createModuleProgressCollection } from './collections/ModuleProgress'
import { createXapiStatementsCollection } from './collections/XapiStatements'
import { completeCourseTask } from './tasks/completeCourse'
import { reevaluateCourseProgressTask } from './tasks/reevaluateCourseProgress'
import { catalogueEndpoint } from './endpoints/catalogue'
import { getStatementsEndpoint, postStatementsEndpoint } from './endpoints/statements'
import { addCourseFields, addEnrollmentRules, addModuleFields } from './coreExtensions'
import { CORE } from '../../collections/slugs'
import { H5P_ROUTES } from './constants'
import { isolateServedFile } from './h5p/contentIsolation'
import { type OpenCoursesPluginOptions, sanitizeOptions } from './types'

export { H5P_ROUTES, OPEN_COURSE_SLUGS, OPEN_COURSE_TASKS } from './constants'
export type { OpenCoursesPluginOptions } from './types'

export const openCoursesPlugin =
  (pluginOptions: OpenCoursesPluginOptions = {}) =>
  (incoming: Config): Config => {
    const options = sanitizeOptions(pluginOptions)
    if (!options.enabled) return incoming
    const collections = (incoming.collections ?? []).map((c) =>
      c.slug === CORE.courses ? addCourseFields(c) : c.slug === CORE.modules ? addModuleFields(c, options) : c.slug === CORE.enrollments ? addEnrollmentRules(c) : c,
    )
    let config: Config = {
      ...incoming,
      collections: [
        ...collections,
        createH5PLibraryInstallsCollection(options),
        createH5PLibrariesCollection(),
        createH5PPackagesCollection(options),
        createXapiStatementsCollection(),
        createModuleProgressCollection(),
      ],
      endpoints: [...(incoming.endpoints ?? []), catalogueEndpoint, postStatementsEndpoint, getStatementsEndpoint],
      jobs: { ...incoming.jobs, tasks: [...(incoming.jobs?.tasks ?? []), reevaluateCourseProgressTask, completeCourseTask] },
    }
    config = addStaticRoute(config, { path: H5P_ROUTES.content, dir: path.resolve(options.dataDir, 'h5p'), setHeaders: isolateServedFile })
    config = addStaticRoute(config, { path: H5P_ROUTES.libraries, dir: path.resolve(options.dataDir, 'h5p-libraries'), setHeaders: isolateServedFile })
    config = addStaticRoute(config, { path: H5P_ROUTES.player, dir: path.resolve('node_modules/h5p-standalone/dist'), setHeaders: isolateServedFile })
    // The portal's pages (portal/, routed from src/app/(portal)/) and where they load the player frame from.
    config = addPortalPlugin(config, 'open-courses')
    config = { ...config, custom: { ...config.custom, openCoursesPortal: { h5pContentOrigin: options.h5p.contentOrigin ?? '' } } }
    return config
  }
