/**
 * Issues the credit record of one completion: snapshots learner (their official name, not the
 * display name they edit), source and organisations, takes the next sequence number and writes
 * the record, then queues its webhooks and the learner's email.
 *
 * Runs as a job, outside the completion's transaction, and writes each attempt in a transaction
 * of its own: a record numbered N is written only after N−1 is committed, so a registrar paging
 * by sequence never skips one that commits late.
 */
import type { Payload } from 'payload'
import { CORE } from '../../../collections/slugs'
import { idOf } from '../../../src/access'
import { isUniqueViolation } from '../../../src/errors'
import { CREDIT_SLUGS, CREDIT_TASKS } from '../constants'
import { gradeOf } from './grade'
import { linkRecord } from '../ledger/recordChain'
import { ledgerSwitch } from '../ledger/ledgerSwitch'

type Id = number | string
type Doc = Record<string, any>


export type IssueResult = { status: 'issued' | 'exists' | 'not-credit-bearing'; recordId?: Id }

async function findByKey(payload: Payload, key: string) {
  const { docs } = await payload.find({ collection: CREDIT_SLUGS.records as never, where: { key: { equals: key } }, limit: 1, depth: 0, overrideAccess: true, pagination: false })
  return docs[0] as Doc | undefined
}

async function nextSequence(payload: Payload): Promise<number> {
  const { docs } = await payload.find({ collection: CREDIT_SLUGS.records as never, sort: '-sequence', limit: 1, depth: 0, overrideAccess: true, pagination: false })
  return ((docs[0] as Doc | undefined)?.sequence ?? 0) + 1
}

/** Writes a record with the next free sequence number, linked into its university's chain, retrying when another writer took the number. */
export async function appendRecord(payload: Payload, data: Doc): Promise<{ created: boolean; doc: Doc }> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const sequence = await nextSequence(payload)
    const chained = ledgerSwitch.hashing ? await linkRecord(payload, data, sequence) : {}
    try {
      const doc = await payload.create({ collection: CREDIT_SLUGS.records as never, data: { ...data, sequence, ...chained } as never, overrideAccess: true, depth: 0 })
      return { created: true, doc: doc as Doc }
    } catch (error) {
      if (isUniqueViolation(error, 'key')) {
        const existing = await findByKey(payload, data.key)
        if (existing) return { created: false, doc: existing }
      }
      if (!isUniqueViolation(error, 'sequence')) throw error
    }
  }
  throw new Error('could not take a credit-record sequence number after 20 attempts')
}

export async function queueRecordFollowUps(payload: Payload, record: Doc): Promise<void> {
  const university = idOf(record.homeUniversity)
  if (university !== undefined) {
    const { docs: hooks } = await payload.find({
      collection: CREDIT_SLUGS.webhooks as never,
      where: { and: [{ university: { equals: university } }, { active: { equals: true } }] },
      depth: 0,
      overrideAccess: true,
      pagination: false,
    })
    for (const hook of hooks as Doc[]) {
      await payload.jobs.queue({ task: CREDIT_TASKS.deliverWebhook as never, input: { recordId: record.id, webhookId: hook.id } as never })
    }
  }
  await payload.jobs.queue({ task: CREDIT_TASKS.notifyLearner as never, input: { recordId: record.id, event: 'issued' } as never })
}

/**
 * What a record keeps of its source (a course, a camp): also the public Achievement of a source
 * that has no record yet (endpoints/achievement.ts). `org` finds an organisation by id.
 */
export function sourceSnapshot(sourceType: string, source: Doc, org: (id: unknown) => Doc | undefined) {
  const issuer = org(source.organization)
  return {
    sourceType,
    sourceId: String(source.id),
    sourceTitle: source.title,
    sourceTitleEn: source.titleEn ?? null,
    sourceCode: source.code ?? null,
    issuingOrganizationName: issuer?.name ?? null,
    issuingOrganizationCode: issuer?.code ?? null,
    partnerOrganizations: (source.partners ?? []).map((p: unknown) => org(p)?.name).filter(Boolean).join('、') || null,
    credits: source.credits,
    hours: source.hours ?? null,
    category: source.creditCategory ?? null,
    gradingScheme: source.grading?.scheme ?? null,
  }
}

export async function issueCreditRecord(payload: Payload, completionId: Id): Promise<IssueResult> {
  const completion = (await payload.findByID({ collection: CORE.completions, id: completionId, depth: 0, overrideAccess: true })) as Doc
  const key = `completion:${completion.id}`
  const existing = await findByKey(payload, key)
  if (existing) return { status: 'exists', recordId: existing.id }

  const sourceType = completion.source.relationTo as string
  const source = (await payload.findByID({ collection: sourceType as never, id: idOf(completion.source.value) as Id, depth: 0, overrideAccess: true, draft: false })) as Doc
  if (typeof source.credits !== 'number' || source.credits <= 0) return { status: 'not-credit-bearing' }

  const learner = (await payload.findByID({ collection: CORE.users, id: idOf(completion.learner) as Id, depth: 0, overrideAccess: true })) as Doc
  const orgIds = [learner.homeUniversity, source.organization, ...(source.partners ?? [])].map(idOf).filter((v): v is Id => v !== undefined)
  const { docs: orgs } = await payload.find({ collection: CORE.organizations, where: { id: { in: orgIds } }, depth: 0, overrideAccess: true, pagination: false })
  const org = (id: unknown) => (orgs as Doc[]).find((o) => String(o.id) === String(idOf(id)))
  const home = org(learner.homeUniversity)
  const { grade, passed } = gradeOf(completion.score, source.grading)

  const { created, doc } = await appendRecord(payload, {
    key,
    status: 'issued',
    learner: learner.id,
    // The official name, which only the university or an administrator sets; the display name
    // (the learner's to edit) only for accounts from before the official name existed.
    learnerName: learner.officialName || learner.name,
    studentNumber: learner.studentNumber ?? null,
    homeUniversity: home?.id ?? null,
    homeUniversityName: home?.name ?? null,
    homeUniversityCode: home?.code ?? null,
    ...sourceSnapshot(sourceType, source, org),
    score: completion.score ?? null,
    grade,
    passed,
    completedAt: completion.completedAt,
    issuedAt: new Date().toISOString(),
    evidence: completion.evidence ?? null,
  })
  if (created) await queueRecordFollowUps(payload, doc)
  return { status: created ? 'issued' : 'exists', recordId: doc.id }
}
