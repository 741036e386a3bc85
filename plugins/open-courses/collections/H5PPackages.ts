import { rm } from 'node:fs/promises'
import path from 'node:path'
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import { APIError } from 'payload'
import { claimForOwnOrganization } from '../../../collections/hooks/claimForOwnOrganization'
import { zhEn } from '../../../collections/i18n'
import { CORE } from '../../../collections/slugs'
import { anyone, hasRole, isAdmin, or, ownOrganization } from '../../../src/access'
import { say } from '../../../src/i18n/say'
import { H5P_ROUTES, OPEN_COURSE_SLUGS } from '../constants'
import { embedPackageEndpoint } from '../endpoints/embedPackage'
import { forgetDefinitionsOnPackageChange } from '../hooks/reevaluateProgressOnRuleChange'
import { extractPackage } from '../h5p/extractPackage'
import { contentFilesOf, describeUnavailable, unavailableLibraries } from '../h5p/libraryRegistry'
import type { H5PPackage } from '../h5p/readPackage'
import { readUploadedPackage } from '../h5p/readUploadedPackage'
import type { SanitizedOpenCoursesOptions } from '../types'

const CONTEXT_KEY = 'h5pPackage'

/**
 * An H5P package: the uploaded .h5p file, validated before anything is stored; it may use only
 * libraries an administrator installed (h5p/libraryRegistry.ts), and only its h5p.json and
 * content/ are extracted for h5p-standalone to play. Packages are immutable: upload a new one.
 */
export const createH5PPackagesCollection = (options: SanitizedOpenCoursesOptions): CollectionConfig => {
  const extractedRoot = path.resolve(options.dataDir, 'h5p')

  const validateUpload = readUploadedPackage(CONTEXT_KEY, options.h5p, async (pkg, req) => {
    const unavailable = await unavailableLibraries(req.payload, pkg, req)
    if (unavailable.length === 0) return
    throw new APIError(
      say(
        req,
        `H5P 资源包使用了平台未安装的库：${describeUnavailable(unavailable, 'zh')}。请管理员先从可信来源安装或升级这些库（H5P 库安装）`,
        `the package uses H5P libraries this platform has not installed: ${describeUnavailable(unavailable, 'en')}. An administrator must install or upgrade them from a trusted package first (H5P library installs)`,
      ),
      400,
    )
  })

  const describePackage: CollectionBeforeChangeHook = ({ context, data, operation }) => {
    if (operation !== 'create') return data
    const pkg = context[CONTEXT_KEY] as H5PPackage
    const main = pkg.h5p.preloadedDependencies.find((d) => d.machineName === pkg.h5p.mainLibrary)
    return {
      ...data,
      title: data.title || pkg.h5p.title,
      mainLibrary: `${main?.machineName} ${main?.majorVersion}.${main?.minorVersion}`,
      h5pJson: pkg.h5p,
    }
  }

  const extractOnCreate: CollectionAfterChangeHook = async ({ context, doc, operation }) => {
    if (operation !== 'create') return doc
    // Only the content is served from the package; its libraries come from the registry.
    await extractPackage(contentFilesOf(context[CONTEXT_KEY] as H5PPackage), extractedRoot, doc.id)
    return doc
  }

  const removeExtracted: CollectionAfterDeleteHook = async ({ doc }) => {
    await rm(path.join(extractedRoot, String(doc.id)), { recursive: true, force: true })
  }

  return {
    slug: OPEN_COURSE_SLUGS.h5pPackages,
    labels: { singular: zhEn('H5P 互动资源', 'H5P package'), plural: zhEn('H5P 互动资源', 'H5P packages') },
    admin: { group: zhEn('课程', 'Courses'), useAsTitle: 'title', defaultColumns: ['title', 'mainLibrary', 'organization', 'createdAt'] },
    upload: { staticDir: path.resolve(options.dataDir, 'h5p-packages'), mimeTypes: ['application/zip'] },
    endpoints: [embedPackageEndpoint(options)],
    access: {
      read: anyone,
      create: or(isAdmin, hasRole('author')),
      update: or(isAdmin, ownOrganization('organization', 'author')),
      delete: or(isAdmin, ownOrganization('organization', 'author')),
    },
    hooks: {
      beforeOperation: [validateUpload],
      beforeChange: [claimForOwnOrganization('organization'), describePackage],
      afterChange: [extractOnCreate, forgetDefinitionsOnPackageChange],
      afterDelete: [removeExtracted],
    },
    fields: [
      { name: 'title', type: 'text', label: zhEn('标题', 'Title') },
      { name: 'mainLibrary', type: 'text', label: zhEn('主库', 'Main library'), admin: { readOnly: true } },
      {
        name: 'contentUrl',
        type: 'text',
        virtual: true,
        label: zhEn('内容地址', 'Content URL'),
        admin: { readOnly: true },
        hooks: { afterRead: [({ data }) => (data?.id === undefined ? undefined : `${H5P_ROUTES.content}/${data.id}`)] },
      },
      {
        name: 'maxScore',
        type: 'number',
        min: 0,
        label: zhEn('满分', 'Maximum score'),
        admin: { description: zhEn('填写后，超过满分的作答记录将被拒绝', 'When set, statements scoring above it are refused') },
      },
      { name: 'h5pJson', type: 'json', label: 'h5p.json', admin: { readOnly: true } },
      { name: 'organization', type: 'relationship', relationTo: CORE.organizations, label: zhEn('所属组织', 'Organisation'), admin: { position: 'sidebar', readOnly: true } },
    ],
  }
}
