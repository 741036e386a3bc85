import path from 'node:path'
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionBeforeOperationHook, CollectionConfig } from 'payload'
import { APIError } from 'payload'
import { zhEn } from '../../../collections/i18n'
import { CORE } from '../../../collections/slugs'
import { isAdmin } from '../../../src/access'
import { say } from '../../../src/i18n/say'
import { OPEN_COURSE_SLUGS } from '../constants'
import { installLibraries, type LibraryAction, planInstall } from '../h5p/libraryRegistry'
import { H5PPackageError, type H5PPackage, readH5PPackage } from '../h5p/readPackage'
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

  const readTrustedPackage: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
    if (operation === 'update' || operation === 'updateByID') {
      if (req.file) throw new APIError(say(req, '安装记录不能替换文件，请重新安装', 'an install cannot be replaced; upload the package again'), 400)
      return args
    }
    if (operation !== 'create') return args
    if (!req.file?.data) throw new APIError(say(req, '请以 file 字段上传 .h5p 文件', 'attach the .h5p file as "file"'), 400)
    try {
      const pkg = await readH5PPackage(req.file.data, options.h5p)
      if (pkg.libraries.length === 0) throw new H5PPackageError('the package carries no libraries to install')
      req.context[PACKAGE] = pkg
    } catch (error) {
      if (error instanceof H5PPackageError) throw new APIError(say(req, `H5P 资源包无效：${error.message}`, `invalid H5P package: ${error.message}`), 400)
      throw error
    }
    req.file.mimetype = 'application/zip'
    return args
  }

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
