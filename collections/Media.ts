import type { CollectionConfig } from 'payload'
import { anyone, hasRole, isAdmin, or, ownOrganization } from '../src/access'
import { claimForOwnOrganization } from './hooks/claimForOwnOrganization'
import { zhEn } from './i18n'
import { CORE } from './slugs'

/** What authors may upload; anything else is refused with 400 before it is stored. */
export const MEDIA_MIME_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'video/mp4',
  'audio/mpeg',
]

export type MediaOptions = {
  /** Folder the files are stored in. */
  staticDir: string
}

export const createMediaCollection = ({ staticDir }: MediaOptions): CollectionConfig => ({
  slug: CORE.media,
  labels: { singular: zhEn('媒体文件', 'Media file'), plural: zhEn('媒体库', 'Media') },
  admin: { group: zhEn('课程', 'Courses'), defaultColumns: ['filename', 'alt', 'mimeType', 'filesize'] },
  // SVG is not on the list: it can carry script, and media is served from the platform's origin.
  upload: { staticDir, mimeTypes: MEDIA_MIME_TYPES },
  access: {
    read: anyone,
    create: or(isAdmin, hasRole('author')),
    update: or(isAdmin, ownOrganization('organization', 'author')),
    delete: or(isAdmin, ownOrganization('organization', 'author')),
  },
  hooks: { beforeChange: [claimForOwnOrganization('organization')] },
  fields: [
    { name: 'alt', type: 'text', label: zhEn('替代文本', 'Alternative text') },
    {
      name: 'organization',
      type: 'relationship',
      relationTo: CORE.organizations,
      label: zhEn('所属组织', 'Organisation'),
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
})
