import type { CollectionConfig } from 'payload'
import { options, zhEn } from '../../../collections/i18n'
import { anyone, nobodyField } from '../../../src/access'
import { isCampStaff } from '../access'
import { CAMP_SLUGS, SESSION_KINDS } from '../constants'
import { arrivalsEndpoint, checkInCodeEndpoint, checkInEndpoint } from '../endpoints/checkIn'
import { forgetProgramme } from '../attendance/programmes'
import { giveSessionASecret } from '../hooks/giveSessionASecret'
import type { SanitizedCampsOptions } from '../types'


/**
 * A session of a programme: a lecture, an activity, a visit or a contest, with its times, place or
 * online link and speaker. Each has its own secret from which the rotating check-in code comes;
 * the secret never leaves the server.
 */
export const createCampSessionsCollection = (options_: SanitizedCampsOptions): CollectionConfig => ({
  slug: CAMP_SLUGS.sessions,
  labels: { singular: zhEn('活动场次', 'Session'), plural: zhEn('活动场次', 'Sessions') },
  admin: { useAsTitle: 'title', group: zhEn('思政与训练营', 'Programmes and camps'), defaultColumns: ['title', 'camp', 'kind', 'startsAt', 'endsAt', 'place'] },
  access: { read: anyone, create: isCampStaff, update: isCampStaff, delete: isCampStaff },
  hooks: { beforeChange: [giveSessionASecret], afterChange: [forgetProgramme], afterDelete: [forgetProgramme] },
  endpoints: [checkInCodeEndpoint(options_), checkInEndpoint(options_), arrivalsEndpoint],
  fields: [
    { name: 'camp', type: 'relationship', relationTo: CAMP_SLUGS.camps, required: true, index: true, label: zhEn('所属项目', 'Programme') },
    { name: 'title', type: 'text', required: true, label: zhEn('名称', 'Title') },
    { name: 'kind', type: 'select', required: true, defaultValue: 'lecture', options: options(SESSION_KINDS as never), label: zhEn('形式', 'Kind') },
    {
      type: 'row',
      fields: [
        { name: 'startsAt', type: 'date', required: true, index: true, label: zhEn('开始', 'Starts'), admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'endsAt', type: 'date', required: true, label: zhEn('结束', 'Ends'), admin: { date: { pickerAppearance: 'dayAndTime' } } },
      ],
    },
    { name: 'place', type: 'text', label: zhEn('地点', 'Place') },
    { name: 'onlineLink', type: 'text', label: zhEn('线上链接', 'Online link') },
    { name: 'speaker', type: 'text', label: zhEn('主讲人', 'Speaker') },
    { name: 'checkInSecret', type: 'text', access: { read: nobodyField, create: nobodyField, update: nobodyField }, admin: { hidden: true } },
  ],
})
