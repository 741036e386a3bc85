import type { PayloadRequest } from 'payload'
import { APIError, ValidationError } from 'payload'
import { CORE } from '../../../collections/slugs'
import { idOf } from '../../../src/access'
import { say } from '../../../src/i18n/say'
import { FEATURED_SLUGS } from '../constants'

type Doc = Record<string, any>

/** The lead is a university and every partner an enterprise, as co-development means. */
export async function checkOrganisations(req: PayloadRequest, proposal: Doc): Promise<void> {
  for (const list of ['partners', 'team'] as const) {
    if (proposal[list] != null && !Array.isArray(proposal[list])) throw new ValidationError({ collection: FEATURED_SLUGS.proposals, errors: [{ path: list, message: say(req, `${list} 须为列表`, `${list} must be a list`) }] })
  }
  const lead = idOf(proposal.leadOrganization)
  const partners = ((proposal.partners ?? []) as unknown[]).map(idOf).filter((p) => p !== undefined)
  const ids = [lead, ...partners].filter((p) => p !== undefined)
  if (!ids.length) return
  const { docs } = await req.payload.find({ collection: CORE.organizations, where: { id: { in: ids } }, depth: 0, pagination: false, overrideAccess: true, req })
  const kind = new Map((docs as Doc[]).map((o) => [String(o.id), o]))
  const errors: Array<{ path: string; message: string }> = []
  if (lead !== undefined && kind.get(String(lead))?.kind !== 'university') {
    errors.push({ path: 'leadOrganization', message: say(req, '牵头单位须为高校', 'the lead organisation must be a university') })
  }
  for (const p of partners) {
    const org = kind.get(String(p))
    if (org?.kind !== 'enterprise') errors.push({ path: 'partners', message: say(req, `合作单位须为企业（${org?.name ?? p} 不是）`, `every partner must be an enterprise (${org?.name ?? p} is not)`) })
  }
  if (partners.some((p) => String(p) === String(lead))) errors.push({ path: 'partners', message: say(req, '牵头高校不能同时是合作单位', 'the lead cannot also be a partner') })
  // The course is the lead's or a partner's: an approved proposal must not unlock someone else's course.
  const courseId = idOf(proposal.course)
  if (courseId !== undefined) {
    const course = (await req.payload.findByID({ collection: CORE.courses, id: courseId as never, depth: 0, draft: true, overrideAccess: true, disableErrors: true, req })) as Doc | null
    const courseOrgs = course ? [idOf(course.organization), ...((course.partners ?? []) as unknown[]).map(idOf)].map(String) : []
    if (!course) errors.push({ path: 'course', message: say(req, '找不到该课程', 'no such course') })
    else if (!ids.some((o) => courseOrgs.includes(String(o)))) errors.push({ path: 'course', message: say(req, '所申报课程须由牵头高校或合作企业开设', 'the course must belong to the lead university or a partner') })
  }
  if (errors.length) throw new ValidationError({ collection: FEATURED_SLUGS.proposals, errors })
}

/** What a submission must have; a draft may lack any of it. */
export function checkComplete(req: PayloadRequest, proposal: Doc): void {
  const errors: Array<{ path: string; message: string }> = []
  const need = (ok: boolean, path: string, zh: string, en: string) => ok || errors.push({ path, message: say(req, zh, en) })
  need(((proposal.partners ?? []) as unknown[]).length > 0, 'partners', '至少需要一家合作企业', 'at least one partner enterprise is needed')
  const team = (proposal.team ?? []) as Doc[]
  need(team.some((m) => m.role === 'lead'), 'team', '课程团队须有课程负责人', 'the team needs a course lead')
  need(team.some((m) => m.role === 'enterprise-expert'), 'team', '课程团队须有企业专家', 'the team needs an enterprise expert')
  const i = proposal.innovation ?? {}
  need([i.technology, i.standards, i.processes].some((t) => typeof t === 'string' && t.trim()), 'innovation', '须说明课程如何体现新技术、新标准、新工艺', 'say how the course brings in new technology, standards or processes')
  need(typeof proposal.plannedCredits === 'number', 'plannedCredits', '须填写计划学分', 'planned credits are needed')
  need(typeof proposal.plannedHours === 'number', 'plannedHours', '须填写计划学时', 'planned hours are needed')
  need(typeof proposal.practiceShare === 'number', 'practiceShare', '须填写实践学时占比', 'the practice share is needed')
  if (errors.length) throw new ValidationError({ collection: FEATURED_SLUGS.proposals, errors })
}

/** First submissions only inside the round's window. */
export function checkWindow(req: PayloadRequest, round: Doc, now = Date.now()): void {
  const opens = Date.parse(round.opensAt)
  const closes = Date.parse(round.closesAt)
  if (now < opens || now > closes) {
    const when = `${round.opensAt} – ${round.closesAt}`
    throw new APIError(
      now < opens ? say(req, `“${round.title}”尚未开始申报（${when}）`, `${round.title} does not take submissions yet (${when})`) : say(req, `“${round.title}”已截止申报（${when}）`, `${round.title} closed to submissions (${when})`),
      400,
    )
  }
}
