import type { CollectionConfig } from 'payload'
import { hasRole, isAdmin, or, ownOrganization, published } from '../src/access'
import { requireOwnCourse } from './hooks/requireOwnCourse'
import { options, zhEn } from './i18n'
import { CORE } from './slugs'

export const MODULE_KINDS = options({
  lesson: ['课文', 'Lesson'],
  video: ['视频', 'Video'],
  h5p: ['H5P 互动', 'H5P activity'],
  quiz: ['测验', 'Quiz'],
})

export const Modules: CollectionConfig = {
  slug: CORE.modules,
  labels: { singular: zhEn('教学模块', 'Module'), plural: zhEn('教学模块', 'Modules') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'course', 'order', 'kind', 'required'],
    group: zhEn('课程', 'Courses'),
  },
  defaultSort: 'order',
  access: {
    read: or(published('course._status'), isAdmin, ownOrganization('course.organization', 'author')),
    create: or(isAdmin, hasRole('author')),
    update: or(isAdmin, ownOrganization('course.organization', 'author')),
    delete: or(isAdmin, ownOrganization('course.organization', 'author')),
  },
  hooks: { beforeChange: [requireOwnCourse] },
  fields: [
    {
      name: 'course',
      type: 'relationship',
      relationTo: CORE.courses,
      required: true,
      index: true,
      label: zhEn('所属课程', 'Course'),
    },
    { name: 'title', type: 'text', required: true, label: zhEn('模块名称', 'Title') },
    { name: 'titleEn', type: 'text', label: zhEn('英文名称', 'Title (English)') },
    {
      type: 'row',
      fields: [
        { name: 'order', type: 'number', required: true, defaultValue: 1, min: 0, label: zhEn('顺序', 'Order') },
        { name: 'kind', type: 'select', required: true, defaultValue: 'lesson', options: MODULE_KINDS, label: zhEn('类型', 'Kind') },
        { name: 'weight', type: 'number', defaultValue: 1, min: 0, label: zhEn('权重', 'Weight') },
        { name: 'required', type: 'checkbox', defaultValue: true, label: zhEn('必修', 'Required') },
      ],
    },
    { name: 'content', type: 'richText', label: zhEn('内容', 'Content') },
    {
      name: 'video',
      type: 'upload',
      relationTo: CORE.media,
      label: zhEn('视频', 'Video'),
      admin: { condition: (data) => data?.kind === 'video', description: zhEn('MP4 视频，从媒体库上传', 'An MP4 video from the media library') },
    },
  ],
}
