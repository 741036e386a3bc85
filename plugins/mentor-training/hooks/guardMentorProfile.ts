import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import { APIError, Forbidden, ValidationError } from 'payload'
import { CORE } from '../../../collections/slugs'
import { type AccessUser, idOf, userHasRole } from '../../../src/access'
import { clock } from '../../../src/clock'
import { say } from '../../../src/i18n/say'
import { MENTOR_SLUGS, type MentorStatus, TIERS } from '../constants'

type Doc = Record<string, any>

/** Set on the plugin's own writes of a profile: certification, expiry, evaluations. */
export type MentorContext = { mentorBookkeeping?: boolean }

/** Status moves people make by hand; certified and expired otherwise come only from the plugin. */
const MANUAL: Array<{ from: MentorStatus; to: MentorStatus; admin: boolean; reason?: boolean }> = [
  { from: 'applicant', to: 'in-training', admin: false },
  { from: 'expired', to: 'in-training', admin: false },
  { from: 'certified', to: 'suspended', admin: true, reason: true },
  { from: 'suspended', to: 'certified', admin: true },
  { from: 'suspended', to: 'in-training', admin: true },
]

const invalid = (req: PayloadRequest, path: string, zh: string, en: string) => new ValidationError({ collection: MENTOR_SLUGS.mentors, errors: [{ path, message: say(req, zh, en) }] })

/**
 * A profile stays coherent: its tier belongs to its kind (产业教授 is an enterprise tier), a mentor
 * applying for themself starts as an applicant, one profile per account, and the status moves
 * only as MANUAL allows; a suspension needs a reason, a reinstatement an unexpired certification.
 */
export const guardMentorProfile: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req, context }) => {
  const next = { ...originalDoc, ...data } as Doc
  const user = req.user as AccessUser | null
  const staff = userHasRole(user, 'admin', 'organizer')
  if (next.tier && next.kind && TIERS[next.tier]?.kind !== next.kind) {
    throw invalid(req, 'tier', `“${TIERS[next.tier]?.label[0] ?? next.tier}”不是${next.kind === 'enterprise' ? '企业' : '高校'}导师的层级`, `${next.tier} is not a tier of ${next.kind} mentors`)
  }
  const result: Doc = { ...data }
  if (operation === 'create') {
    if (!staff && user && String(idOf(data.user)) !== String(user.id)) throw new Forbidden(req.t)
    const owner = (await req.payload.findByID({ collection: CORE.users, id: idOf(data.user) as never, depth: 0, overrideAccess: true, disableErrors: true, req })) as Doc | null
    if (!owner) throw invalid(req, 'user', '找不到该账号', 'no such account')
    const existing = await req.payload.count({ collection: MENTOR_SLUGS.mentors as never, where: { user: { equals: owner.id } }, overrideAccess: true, req })
    if (existing.totalDocs) throw new APIError(say(req, '该账号已有导师档案', 'this account already has a mentor profile'), 409)
    if (!staff) result.status = 'applicant'
  }
  if (operation === 'update' && data.status !== undefined && data.status !== originalDoc.status && !(context as MentorContext).mentorBookkeeping) {
    const from = originalDoc.status as MentorStatus
    const to = data.status as MentorStatus
    const move = MANUAL.find((m) => m.from === from && m.to === to)
    if (!move)
      throw new APIError(
        say(
          req,
          `导师状态不能由 ${from} 改为 ${to}；认证和过期由平台根据培训与有效期设定`,
          `a mentor cannot move from ${from} to ${to} by hand; certification and expiry follow training and validity`,
        ),
        409,
      )
    if (move.admin && !userHasRole(user, 'admin')) throw new Forbidden(req.t)
    if (move.reason && !String(data.statusReason ?? '').trim()) throw invalid(req, 'statusReason', '暂停须说明原因', 'a suspension needs a reason')
    if (to === 'certified' && !(originalDoc.certifiedUntil && Date.parse(originalDoc.certifiedUntil) > clock.now())) {
      throw new APIError(say(req, '认证已过期，不能恢复为已认证；请参加续期培训', 'the certification has expired; the mentor must finish the renewal track'), 409)
    }
  }
  if (operation === 'update' && (data.maxStudents !== undefined || data.kind !== undefined)) {
    // Active assignments hold numbered places up to maxStudents and a place per kind of mentor: neither may move under them.
    const { docs: active } = await req.payload.find({
      collection: MENTOR_SLUGS.assignments as never,
      where: { and: [{ mentor: { equals: originalDoc.id } }, { status: { equals: 'active' } }] },
      select: { slotKey: true } as never,
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const highest = Math.max(0, ...(active as Doc[]).map((a) => Number(String(a.slotKey).split(':')[1]) || 0))
    if (typeof data.maxStudents === 'number' && data.maxStudents < highest) {
      throw invalid(
        req,
        'maxStudents',
        `该导师正在指导的学生占用了第 ${highest} 个名额，名额不能少于 ${highest}；请先结束部分分配`,
        `an active assignment holds place ${highest}; end assignments before lowering the places below ${highest}`,
      )
    }
    if (data.kind !== undefined && data.kind !== originalDoc.kind && active.length) {
      throw invalid(req, 'kind', '该导师有正在进行的指导，不能更改导师类别', 'this mentor has active assignments; their kind cannot change')
    }
  }
  let orgName = ''
  const org = idOf(next.organization)
  if (org !== undefined)
    orgName = ((await req.payload.findByID({ collection: CORE.organizations, id: org as never, depth: 0, overrideAccess: true, disableErrors: true, req })) as Doc | null)?.name ?? ''
  result.searchText = [next.name, orgName, TIERS[next.tier]?.label.join(' '), ...((next.expertise ?? []) as string[])].filter(Boolean).join(' ').toLowerCase()
  return result
}
