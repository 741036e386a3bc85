/**
 * The organiser's check-in screen, for a projector: the rotating code, large, its QR code, and the
 * arrivals counted live. The page is a frame; RotatingCode fetches the code and the count.
 */
import { notFound } from 'next/navigation'
import { userHasRole } from '../../../src/access'
import { pick } from '../../../src/portal/i18n'
import { portalRequest, requireUser } from '../../../src/portal/session'
import { CAMP_SLUGS } from '../constants'
import { campLabels } from '../translations/portal'
import { RotatingCode } from './RotatingCode'

export async function CheckInScreen({ sessionId }: { sessionId: string }) {
  const { payload, user, lang } = await requireUser(`/camps/sessions/${sessionId}/screen`)
  if (!userHasRole(user, 'admin', 'organizer')) notFound()
  const session = await payload.findByID({ collection: CAMP_SLUGS.sessions as never, id: sessionId as never, depth: 1, req: await portalRequest(), overrideAccess: false, disableErrors: true })
  if (!session) notFound()
  const t = pick(campLabels, lang)
  const s = session as Record<string, any>
  return (
    <section className="check-in-screen">
      <h1>
        {s.camp?.title} · {s.title}
      </h1>
      <p>{t.screenHint}</p>
      <RotatingCode sessionId={String(s.id)} labels={{ arrived: t.arrived, changesIn: t.changesIn }} />
    </section>
  )
}
