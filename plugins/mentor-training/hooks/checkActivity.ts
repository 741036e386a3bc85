import type { CollectionBeforeChangeHook } from 'payload'
import { ValidationError } from 'payload'
import { CORE } from '../../../collections/slugs'
import { idOf } from '../../../src/access'
import { say } from '../../../src/i18n/say'
import { MENTOR_SLUGS } from '../constants'

type Doc = Record<string, any>

/** An offline record names an item of the track, for a mentor enrolled in it, once. */
export const checkActivity: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const fail = (path: string, zh: string, en: string) => new ValidationError({ collection: MENTOR_SLUGS.activities, errors: [{ path, message: say(req, zh, en) }] })
  const load = async (collection: string, id: unknown) => (id === undefined ? null : ((await req.payload.findByID({ collection: collection as never, id: id as never, depth: 0, overrideAccess: true, disableErrors: true, req })) as Doc | null))
  const mentor = await load(MENTOR_SLUGS.mentors, idOf(data.mentor))
  if (!mentor) throw fail('mentor', '找不到该导师', 'no such mentor')
  const track = await load(MENTOR_SLUGS.tracks, idOf(data.track))
  if (!track) throw fail('track', '找不到该培训方案', 'no such track')
  const items = ((track.offlineItems ?? []) as Doc[]).map((i) => i.key as string)
  if (!items.includes(data.item)) throw fail('item', `“${data.item}”不是该培训方案的线下环节（${items.join('、') || '无'}）`, `"${data.item}" is not an offline item of this track (${items.join(', ') || 'none'})`)
  const user = idOf(mentor.user)
  const enrolled = await req.payload.count({ collection: CORE.enrollments, where: { key: { equals: `${user}:${MENTOR_SLUGS.tracks}:${track.id}` } }, overrideAccess: true, req })
  if (!enrolled.totalDocs) throw fail('track', '该导师未参加这个培训方案', 'this mentor is not enrolled in this track')
  const key = `${mentor.id}:${track.id}:${data.item}`
  if ((await req.payload.count({ collection: MENTOR_SLUGS.activities as never, where: { key: { equals: key } }, overrideAccess: true, req })).totalDocs) {
    throw fail('item', '该线下环节已记录过', 'this offline item is already recorded for this mentor')
  }
  return { ...data, key, mentorUser: user, recordedBy: req.user?.id }
}
