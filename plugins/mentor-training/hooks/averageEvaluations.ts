import type { CollectionAfterChangeHook } from 'payload'
import { idOf } from '../../../src/access'
import { withContext } from '../../../src/requestContext'
import { MENTOR_SLUGS } from '../constants'
import type { MentorContext } from './guardMentorProfile'

type Doc = Record<string, any>

/** The mentor's profile keeps the average and the count of their evaluations, read from the rows. */
export const averageEvaluations: CollectionAfterChangeHook = async ({ doc, req }) => {
  const { docs } = await req.payload.find({ collection: MENTOR_SLUGS.evaluations as never, where: { mentor: { equals: idOf(doc.mentor) as never } }, select: { overall: true } as never, depth: 0, pagination: false, overrideAccess: true, req })
  const values = (docs as Doc[]).map((e) => e.overall as number)
  const average = values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100 : null
  const bookkeeping: MentorContext = { mentorBookkeeping: true }
  await withContext(req, bookkeeping, () => req.payload.update({ collection: MENTOR_SLUGS.mentors as never, id: idOf(doc.mentor) as never, data: { evaluation: { average, count: values.length } } as never, overrideAccess: true, depth: 0, req }))
  return doc
}
