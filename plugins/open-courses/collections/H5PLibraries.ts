import type { CollectionConfig } from 'payload'
import { zhEn } from '../../../collections/i18n'
import { anyone, isAdmin, nobody } from '../../../src/access'
import { H5P_ROUTES, OPEN_COURSE_SLUGS } from '../constants'

/**
 * The registry of installed H5P libraries (h5p/libraryRegistry.ts): one row per
 * machineName-major.minor, written only by an administrator's install of a trusted package
 * (`h5p-library-installs`). Authors read it to see what their packages may use.
 */
export const createH5PLibrariesCollection = (): CollectionConfig => ({
  slug: OPEN_COURSE_SLUGS.h5pLibraries,
  labels: { singular: zhEn('H5P 库', 'H5P library'), plural: zhEn('H5P 库', 'H5P libraries') },
  admin: { group: zhEn('课程', 'Courses'), useAsTitle: 'key', defaultColumns: ['key', 'title', 'patchVersion', 'runnable', 'updatedAt'] },
  defaultSort: 'key',
  access: { read: anyone, create: nobody, update: nobody, delete: isAdmin },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true, label: zhEn('库', 'Library'), admin: { readOnly: true } },
    { name: 'machineName', type: 'text', required: true, label: zhEn('机器名', 'Machine name'), admin: { readOnly: true } },
    {
      type: 'row',
      fields: [
        { name: 'majorVersion', type: 'number', required: true, label: zhEn('主版本', 'Major'), admin: { readOnly: true } },
        { name: 'minorVersion', type: 'number', required: true, label: zhEn('次版本', 'Minor'), admin: { readOnly: true } },
        { name: 'patchVersion', type: 'number', required: true, label: zhEn('修订版', 'Patch'), admin: { readOnly: true } },
      ],
    },
    { name: 'title', type: 'text', label: zhEn('名称', 'Title'), admin: { readOnly: true } },
    { name: 'runnable', type: 'checkbox', label: zhEn('可作为内容类型', 'Content type'), admin: { readOnly: true } },
    { name: 'dependencies', type: 'json', label: zhEn('依赖', 'Dependencies'), admin: { readOnly: true } },
    { name: 'installedFrom', type: 'relationship', relationTo: OPEN_COURSE_SLUGS.h5pLibraryInstalls as never, label: zhEn('安装来源', 'Installed from'), admin: { readOnly: true } },
    {
      name: 'url',
      type: 'text',
      virtual: true,
      admin: { hidden: true },
      hooks: { afterRead: [({ data }) => (data?.key ? `${H5P_ROUTES.libraries}/${data.key}` : undefined)] },
    },
  ],
})
