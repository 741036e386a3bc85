import path from 'node:path'
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import { APIError } from 'payload'
import { zhEn } from '../../../collections/i18n'
import { CORE } from '../../../collections/slugs'
import { isAdmin } from '../../../src/access'
import { say } from '../../../src/i18n/say'
import { OPEN_COURSE_SLUGS } from '../constants'
import { installLibraries, type LibraryAction, planInstall } from '../h5p/libraryRegistry'
import type { H5PPackage } from '../h5p/readPackage'
import { readUploadedPackage } from '../h5p/readUploadedPackage'
import type { SanitizedOpenCoursesOptions } from '../types'

const PACKAGE = 'h5pLibraryPackage'
const PLAN = 'h5pLibraryPlan'

/**
 * An administrator installs or upgrades H5P libraries by uploading a package they trust (from the
 * H5P hub, or exported from a host they run). Every library it carries enters the registry unless
 * the same or a newer patch is installed; the document keeps what was done, by whom and when.
 */
export const createH5PLibraryInstallsCollection = (options: SanitizedOpenCoursesOptions): CollectionConfig => {
  const librariesRoot = path.resolve(options.dataDir, 'h5p-libraries')

  const readTrustedPackage = readUploadedPackage(PACKAGE, options.h5p, async (pkg, req) => {
    if (pkg.libraries.length === 0) throw new APIError(say(req, 'H5P 资源包中没有可安装的库', 'the package carries no libraries to install'), 400)
  })

  const recordPlan: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
    if (operation !== 'create') return data
    const plan = await planInstall(req.payload, req.context[PACKAGE] as H5PPackage, req)
    req.context[PLAN] = plan
    return { ...data, installedBy: req.user?.id, libraries: plan }
  }

  const install: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
    if (operation !== 'create') return doc
    await installLibraries(req.payload, req.context[PACKAGE] as H5PPackage, req.context[PLAN] as LibraryAction[], librariesRoot, doc.id, req)
    return doc
  }

  return {
    slug: OPEN_COURSE_SLUGS.h5pLibraryInstalls,
    labels: { singular: zhEn('H5P 库安装', 'H5P library install'), plural: zhEn('H5P 库安装', 'H5P library installs') },
    admin: {
      group: zhEn('课程', 'Courses'),
      defaultColumns: ['filename', 'installedBy', 'createdAt'],
      description: zhEn('上传可信的 .h5p 资源包，安装或升级其中的 H5P 库（仅管理员）', 'Upload a trusted .h5p package to install or upgrade the H5P libraries it carries (administrators only)'),
    },
    upload: { staticDir: path.resolve(options.dataDir, 'h5p-library-installs'), mimeTypes: ['application/zip'] },
    access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
    hooks: { beforeOperation: [readTrustedPackage], beforeChange: [recordPlan], afterChange: [install] },
    fields: [
      { name: 'note', type: 'textarea', label: zhEn('来源说明', 'Where it came from') },
      { name: 'installedBy', type: 'relationship', relationTo: CORE.users, label: zhEn('安装人', 'Installed by'), admin: { readOnly: true } },
      { name: 'libraries', type: 'json', label: zhEn('安装结果', 'What was installed'), admin: { readOnly: true } },
    ],
  }
}
