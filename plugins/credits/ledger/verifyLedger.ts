/**
 * Walks a university's chains and names the first thing that breaks them: a record whose content
 * is not what was issued, a record or event missing from the chain or rewritten, a status no
 * event explains, a checkpoint the chain no longer reaches. `npm run ledger:verify` prints it.
 *
 * Records are read by keyset on the feed's narrow reader (feed/recordStore.ts): 100 000 records
 * verify in a few seconds (bench/credit-feed measures it).
 *
 * It runs beside a live platform: it checks the chains as they stood when it started (the event
 * head first, then the record head, so every event it reads is about a record it reads), and a
 * status that moved on while it ran is checked again against the events written since.
 */
import type { JSONWebKeySet } from 'jose'
import type { Payload } from 'payload'
import { idOf } from '../../../src/access'
import { CREDIT_SLUGS } from '../constants'
import { FEED_FIELDS, readPage } from '../feed/recordStore'
import { checkpointClaims, recordHead } from './checkpoint'
import { eventHead } from './eventChain'
import { eventContent, GENESIS, link, recordContent } from './hashes'

type Doc = Record<string, any>
type Id = number | string

export type LedgerBreak = { kind: 'record' | 'event' | 'checkpoint'; id: Id; sequence?: number; position?: number; problem: string }
export type ChainReport = { chain: string; records: number; events: number; checkpoints: number; break: LedgerBreak | null }

const PAGE = 1000
const RECORD_FIELDS = [...FEED_FIELDS, 'contentHash', 'supersededBy']
const short = (hash: unknown) => (typeof hash === 'string' ? `${hash.slice(0, 12)}…` : String(hash))

async function* recordsOf(payload: Payload, chain: string, upTo: number): AsyncGenerator<Doc> {
  for (let after = 0; after < upTo; ) {
    const page =
      chain === 'none'
        ? ((
            await payload.find({ collection: CREDIT_SLUGS.records as never, where: { and: [{ homeUniversity: { exists: false } }, { sequence: { greater_than: after } }] }, sort: 'sequence', limit: PAGE, depth: 0, overrideAccess: true, pagination: false })
          ).docs as Doc[])
        : await readPage(payload, Number.isNaN(Number(chain)) ? chain : Number(chain), after, PAGE, RECORD_FIELDS)
    yield* page.filter((r) => Number(r.sequence) <= upTo)
    if (page.length < PAGE) return
    after = Number(page[page.length - 1].sequence)
  }
}

async function* eventsOf(payload: Payload, chain: string, after: number, upTo = Number.MAX_SAFE_INTEGER): AsyncGenerator<Doc> {
  for (; after < upTo; ) {
    const { docs } = await payload.find({ collection: CREDIT_SLUGS.ledgerEvents as never, where: { and: [{ chain: { equals: chain } }, { position: { greater_than: after } }, { position: { less_than_equal: upTo } }] }, sort: 'position', limit: PAGE, depth: 0, overrideAccess: true, pagination: false })
    yield* docs as Doc[]
    if (docs.length < PAGE) return
    after = Number((docs[docs.length - 1] as Doc).position)
  }
}

type State = { id: Id; status: string; supersededBy: string | null; derived: string; derivedSupersededBy: string | null }

/** Folds one event into the statuses its records should have; false when it names no record of the chain. */
function applyEvent(bySequence: Map<number, State>, event: Doc): boolean {
  if (event.kind === 'delivered') {
    for (let s = Number(event.after) + 1; s <= Number(event.upTo); s++) {
      const state = bySequence.get(s)
      if (state?.derived === 'issued') state.derived = 'delivered'
    }
    return true
  }
  const state = bySequence.get(Number(event.sequence))
  if (!state) return false
  if (event.kind === 'superseded') state.derivedSupersededBy = String(idOf(event.supersededBy))
  else state.derived = event.kind
  return true
}

export async function verifyChain(payload: Payload, chain: string, jwks: JSONWebKeySet): Promise<ChainReport> {
  const report: ChainReport = { chain, records: 0, events: 0, checkpoints: 0, break: null }
  const fail = (found: LedgerBreak) => ((report.break = found), report)
  const startedAt = new Date().toISOString()
  const eventLimit = (await eventHead(payload, chain))?.position ?? 0
  const recordLimit = (await recordHead(payload, chain))?.sequence ?? 0

  // 1. The records, in sequence order: each issued content unchanged, each linked to the one before.
  const bySequence = new Map<number, State>()
  const recordHashes = new Map<number, string>()
  let previous = GENESIS
  let previousSequence: number | null = null
  for await (const record of recordsOf(payload, chain, recordLimit)) {
    report.records++
    const sequence = Number(record.sequence)
    const at = { kind: 'record' as const, id: record.id, sequence }
    if (!record.hash) return fail({ ...at, problem: 'carries no ledger hashes (written before the ledger, or with it switched off)' })
    const expected = link(recordContent(record), record.previousHash)
    if (expected.contentHash !== record.contentHash) return fail({ ...at, problem: `its content is not what was issued: content hash ${short(expected.contentHash)}, issued ${short(record.contentHash)}` })
    if (record.previousHash !== previous) {
      const before = previousSequence === null ? 'the start of the chain' : `record sequence ${previousSequence}`
      return fail({ ...at, problem: `it does not follow ${before}: a record between them is missing, or one was rewritten (previous hash ${short(record.previousHash)}, expected ${short(previous)})` })
    }
    if (expected.hash !== record.hash) return fail({ ...at, problem: `its hash was changed: ${short(record.hash)}, expected ${short(expected.hash)}` })
    bySequence.set(sequence, { id: record.id, status: record.status, supersededBy: idOf(record.supersededBy) === undefined ? null : String(idOf(record.supersededBy)), derived: 'issued', derivedSupersededBy: null })
    recordHashes.set(sequence, record.hash)
    previous = record.hash
    previousSequence = sequence
  }

  // 2. The events, in position order: no gap, each linked; folded into the status each record should have.
  const eventHashes = new Map<number, string>()
  previous = GENESIS
  for await (const event of eventsOf(payload, chain, 0, eventLimit)) {
    report.events++
    const position = Number(event.position)
    const at = { kind: 'event' as const, id: event.id, position }
    if (position !== report.events) return fail({ ...at, problem: `the event at position ${report.events} is missing (the next is at ${position})` })
    const expected = link(eventContent(event), event.previousHash)
    if (expected.contentHash !== event.contentHash) return fail({ ...at, problem: `its content was changed (${event.kind} of ${event.sequence ?? `${event.after}–${event.upTo}`})` })
    if (event.previousHash !== previous || expected.hash !== event.hash) return fail({ ...at, problem: 'it does not follow the event before it: the chain was rewritten' })
    previous = event.hash
    eventHashes.set(position, event.hash)
    if (!applyEvent(bySequence, event)) return fail({ ...at, problem: `it is about record sequence ${event.sequence}, which is not in this chain` })
  }

  // 3. Every record's status and correction are what its events say. A record that differs is
  // read again, with the events written since the walk began: a decision made meanwhile is no break.
  let caughtUp = false
  for (const [sequence, state] of bySequence) {
    if (state.status === state.derived && state.supersededBy === state.derivedSupersededBy) continue
    if (!caughtUp) {
      for await (const event of eventsOf(payload, chain, eventLimit)) applyEvent(bySequence, event)
      caughtUp = true
    }
    const now = (await payload.findByID({ collection: CREDIT_SLUGS.records as never, id: state.id, depth: 0, overrideAccess: true, disableErrors: true })) as Doc | null
    const status = now?.status ?? state.status
    const supersededBy = idOf(now?.supersededBy) === undefined ? null : String(idOf(now?.supersededBy))
    if (status !== state.derived) return fail({ kind: 'record', id: state.id, sequence, problem: `its status is "${status}", but the ledger's events make it "${state.derived}"` })
    if (supersededBy !== state.derivedSupersededBy) return fail({ kind: 'record', id: state.id, sequence, problem: `it says it was corrected by record ${supersededBy ?? 'none'}, the ledger says ${state.derivedSupersededBy ?? 'none'}` })
  }

  // 4. Every checkpoint is signed by the platform and still reached by the chain.
  // (Those signed after the walk began are for the next run.)
  const { docs: checkpoints } = await payload.find({ collection: CREDIT_SLUGS.ledgerCheckpoints as never, where: { and: [{ chain: { equals: chain } }, { signedAt: { less_than: startedAt } }] }, sort: 'signedAt', depth: 0, overrideAccess: true, pagination: false })
  for (const checkpoint of checkpoints as Doc[]) {
    report.checkpoints++
    const at = { kind: 'checkpoint' as const, id: checkpoint.id }
    let claims
    try {
      claims = await checkpointClaims(checkpoint.jws, jwks)
    } catch (error) {
      return fail({ ...at, problem: `its signature does not verify: ${(error as Error).message}` })
    }
    if (claims.chain !== chain || claims.recordHash !== checkpoint.recordHash || claims.eventHash !== checkpoint.eventHash) return fail({ ...at, problem: 'its row differs from what it signed' })
    const recordHash = claims.recordSequence === null ? GENESIS : recordHashes.get(claims.recordSequence)
    if (recordHash !== claims.recordHash) {
      return fail({ ...at, sequence: claims.recordSequence ?? undefined, problem: `it signed record sequence ${claims.recordSequence} as ${short(claims.recordHash)} on ${claims.signedAt}; the chain now has ${recordHash ? short(recordHash) : 'no such record'}` })
    }
    const eventHash = claims.eventPosition === null ? GENESIS : eventHashes.get(claims.eventPosition)
    if (eventHash !== claims.eventHash) {
      return fail({ ...at, position: claims.eventPosition ?? undefined, problem: `it signed event ${claims.eventPosition} as ${short(claims.eventHash)} on ${claims.signedAt}; the chain now has ${eventHash ? short(eventHash) : 'no such event'}` })
    }
  }
  return report
}
