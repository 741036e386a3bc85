/**
 * The credit feed's narrow storage module (architecture: "Hot paths"): reads by keyset — ordered
 * by sequence, page by page, never offset paging — and marks a page delivered in one statement.
 *
 * Payload's per-document pipeline reads about 15 000 records a second here and updates a few
 * hundred; a registrar exporting 100 000 records needs more. So on SQL databases this module
 * speaks drizzle to the collection's own table (through the adapter's tables and operators, so
 * SQLite and PostgreSQL share it), and on MongoDB the adapter's mongoose model (configured,
 * untested here: no MongoDB server on our machines). On an SQLite file, pages are read on a
 * query-only connection of their own and marked on a writer thread of their own (writerThread.ts),
 * so that marking one page overlaps with serialising it. Nothing is skipped that matters: records
 * are append-only, carry no read hooks, and the endpoint checks the caller once per request.
 * The collection stays an ordinary Payload collection everywhere else.
 */
import Database from 'libsql'
import type { Payload } from 'payload'
import { CREDIT_SLUGS } from '../constants'
import { closeWithDatabase } from '../../../src/db'
import { closeWriterThread, runOnWriterThread } from './writerThread'
import { sql as sqlTag } from '@payloadcms/db-postgres'
import { isUniqueConstraintError } from '../../../src/errors'
import { appendEvent, type NewEvent, nextEvent } from '../ledger/eventChain'
import { chainOf } from '../ledger/hashes'
import { ledgerSwitch } from '../ledger/ledgerSwitch'

type Doc = Record<string, any>
type Id = string | number

type Drizzle = {
  drizzle: any
  tables: Record<string, any>
  operators: Record<'and' | 'equals' | 'greater_than' | 'less_than_equal', (...args: any[]) => unknown>
  /** PostgreSQL: the pg pool. */
  pool?: { query: (text: string, params: unknown[]) => Promise<{ rows: Doc[] }> }
  /** SQLite: the libSQL client, and the URL it opened. */
  client?: { execute: (q: { sql: string; args: unknown[] }) => Promise<{ rows: Doc[] }> }
  clientConfig?: { url?: string }
}
type Mongoose = { collections: Record<string, { find: (...a: any[]) => any; updateMany: (...a: any[]) => Promise<unknown> }> }

const TABLE = CREDIT_SLUGS.records.replace(/-/g, '_')
const EVENTS_TABLE = CREDIT_SLUGS.ledgerEvents.replace(/-/g, '_')

/** The fields the feed sends (serializeRecord); the rest of a row is never read here. */
export const FEED_FIELDS = [
  'id', 'sequence', 'status', 'learner', 'learnerName', 'studentNumber', 'homeUniversity', 'homeUniversityName',
  'homeUniversityCode', 'sourceType', 'sourceId', 'sourceTitle', 'sourceTitleEn', 'sourceCode', 'issuingOrganizationName',
  'issuingOrganizationCode', 'partnerOrganizations', 'credits', 'hours', 'category', 'gradingScheme', 'score', 'grade',
  'passed', 'completedAt', 'issuedAt', 'evidence', 'supersedes', 'revokedAt', 'revocationReason', 'previousHash', 'hash',
] as const
/** The feed as it was before the ledger: bench/credit-feed's "ledger off" runs. */
const FEED_FIELDS_WITHOUT_LEDGER = FEED_FIELDS.filter((field) => field !== 'previousHash' && field !== 'hash')

const asDrizzle = (payload: Payload): Drizzle | undefined => {
  const db = payload.db as unknown as Partial<Drizzle>
  return db.drizzle && db.tables?.[TABLE] && db.operators ? (db as Drizzle) : undefined
}

/** SQLite keeps Payload's ISO strings as they are; PostgreSQL gives Date objects or its own format. */
const iso = (v: unknown) => (v === null || v === undefined ? null : typeof v === 'string' && v.endsWith('Z') ? v : new Date(v as string).toISOString())
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))
/** The drivers return numbers (pg numeric), booleans (SQLite 0/1), dates and JSON in their own shapes. */
const CONVERT: Record<string, (v: unknown) => unknown> = {
  sequence: num,
  credits: num,
  hours: num,
  score: num,
  passed: (v) => (v === null || v === undefined ? null : Boolean(v)),
  evidence: (v) => (typeof v === 'string' ? JSON.parse(v) : (v ?? null)),
  completedAt: iso,
  issuedAt: iso,
  deliveredAt: iso,
  revokedAt: iso,
}

/** The SQLite database's file, if it is one (not in memory): other connections can open it. */
function sqliteFileOf(sql: Drizzle): string | undefined {
  const file = sql.clientConfig?.url?.startsWith('file:') ? sql.clientConfig.url.slice('file:'.length) : undefined
  return file && !file.startsWith(':memory:') ? file : undefined
}

/** The reader and writer thread this module opens beside the adapter close when it closes. */
const closingWithAdapter = new WeakSet<object>()
function closeBesideAdapter(sql: Drizzle, file: string) {
  if (closingWithAdapter.has(sql)) return
  closingWithAdapter.add(sql)
  closeWithDatabase(sql, async () => {
    readers.get(file)?.db.close()
    readers.delete(file)
    await closeWriterThread(file)
  })
}

/**
 * The query is built by drizzle against the collection's table, then run on the driver directly:
 * drizzle's and the libSQL client's per-row decoding cost four times the read itself. On an
 * SQLite file the page is read on a query-only connection of its own (WAL lets it read beside the
 * writer) as one JSON text; PostgreSQL rows come from the pool.
 */
async function selectRows(sql: Drizzle, query: { toSQL: () => { sql: string; params: unknown[] } }, table: any): Promise<Doc[]> {
  const { sql: text, params } = query.toSQL()
  const fieldOf = new Map(
    Object.entries(table as Record<string, { name?: string }>)
      .filter(([, c]) => typeof c?.name === 'string')
      .map(([field, c]) => [c.name as string, field]),
  )
  // Field names and converters are resolved once per page, not once per cell.
  const toDocs = (names: string[], rows: unknown[][]) => {
    const fields = names.map((name) => fieldOf.get(name) ?? name)
    const converters = fields.map((field) => CONVERT[field])
    return rows.map((values) => {
      const doc: Doc = {}
      for (let i = 0; i < fields.length; i++) {
        const convert = converters[i]
        doc[fields[i]] = convert ? convert(values[i]) : (values[i] ?? null)
      }
      return doc
    })
  }
  if (sql.pool) {
    const rows = (await sql.pool.query(text, params)).rows
    return rows.length ? toDocs(Object.keys(rows[0]), rows.map((row) => Object.values(row))) : []
  }
  const file = sqliteFileOf(sql)
  if (!file) {
    const rows = (await sql.client!.execute({ sql: text, args: params })).rows
    return rows.length ? toDocs(Object.keys(rows[0]), rows.map((row) => Object.values(row))) : []
  }
  closeBesideAdapter(sql, file)
  const { statement, names } = pageReaderOf(file, text, (name) => CONVERT[fieldOf.get(name) ?? name] === num)
  const page = (statement.get(...params) as [string])[0]
  return toDocs(names, JSON.parse(page) as unknown[][])
}

/** One query-only connection per database file, and one prepared page query per query, kept open. */
const readers = new Map<string, { db: Database.Database; statements: Map<string, { statement: Database.Statement; names: string[] }> }>()
/**
 * SQLite hands the whole page over as one JSON text of row arrays: crossing from the native
 * driver value by value cost twice the read itself, and JSON.parse is native. (Arrays, not
 * objects: json_object with thirty keys a row took twice as long in SQLite.) The aggregate is
 * ordered explicitly, as SQLite does not promise a subquery's order to the aggregate around it.
 * SQLite writes a REAL into JSON with 15 significant digits (88.3333333333333 for 265/3), so
 * numeric columns send theirs as 17-digit text, which `num` reads back to the very same double.
 */
function readerOf(file: string) {
  let reader = readers.get(file)
  if (!reader || !reader.db.open) {
    // libsql's own `readonly` option is ignored (0.4.7); SQLite's pragma is not.
    const db = new Database(file)
    db.exec('PRAGMA query_only = ON')
    reader = { db, statements: new Map() }
    readers.set(file, reader)
  }
  return reader
}

function pageReaderOf(file: string, text: string, isNumeric: (column: string) => boolean) {
  const reader = readerOf(file)
  let prepared = reader.statements.get(text)
  if (!prepared) {
    const names = (reader.db.prepare(text).columns() as Array<{ name: string }>).map((c) => c.name)
    const quoted = names.map((name) => {
      const column = `"${name.replaceAll('"', '""')}"`
      return isNumeric(name) ? `case typeof(${column}) when 'real' then printf('%!.17g', ${column}) else ${column} end` : column
    })
    const statement = reader.db
      .prepare(`select json_group_array(json_array(${quoted.join(', ')}) order by "sequence") from (${text})`)
      .raw(true)
    prepared = { statement, names }
    reader.statements.set(text, prepared)
  }
  return prepared
}

function normalise(doc: Doc): Doc {
  for (const [field, convert] of Object.entries(CONVERT)) doc[field] = convert(doc[field])
  return doc
}

/** One university's records after a sequence, in order: the feed's fields, or the ones asked for. */
export async function readPage(payload: Payload, university: Id, afterSequence: number, size: number, fields: readonly string[] = ledgerSwitch.hashing ? FEED_FIELDS : FEED_FIELDS_WITHOUT_LEDGER): Promise<Doc[]> {
  const sql = asDrizzle(payload)
  if (sql) {
    const t = sql.tables[TABLE]
    const { and, equals, greater_than } = sql.operators
    const query = sql.drizzle
      .select(Object.fromEntries(fields.map((field) => [field, t[field]])))
      .from(t)
      .where(and(equals(t.homeUniversity, university), greater_than(t.sequence, afterSequence)))
      .orderBy(t.sequence)
      .limit(size)
    return selectRows(sql, query, t)
  }
  const model = (payload.db as unknown as Mongoose).collections[CREDIT_SLUGS.records]
  const docs: Doc[] = await model
    .find({ homeUniversity: university, sequence: { $gt: afterSequence } })
    .sort({ sequence: 1 })
    .limit(size)
    .lean()
  return docs.map((d) => normalise({ ...d, id: String(d._id) }))
}

/**
 * issued → delivered for a page the feed just read: one statement over the page's sequence range,
 * on the keyset index, rather than a list of ids. Other statuses stay as they are. The delivery
 * is appended to the university's event chain (ledger/eventChain.ts) in the same transaction, so
 * the ledger never misses a delivery nor records one that did not happen.
 */
export async function markDelivered(payload: Payload, university: Id, range: { after: number; upTo: number }, at: string): Promise<void> {
  if (range.upTo <= range.after) return
  const event: NewEvent = { kind: 'delivered', university, after: range.after, upTo: range.upTo }
  const sql = asDrizzle(payload)
  if (!sql) {
    const model = (payload.db as unknown as Mongoose).collections[CREDIT_SLUGS.records]
    await model.updateMany(
      { homeUniversity: university, sequence: { $gt: range.after, $lte: range.upTo }, status: 'issued' },
      { $set: { status: 'delivered', deliveredAt: new Date(at) } },
    )
    if (ledgerSwitch.hashing) await appendEvent(payload, event)
    return
  }
  const t = sql.tables[TABLE]
  const e = sql.tables[EVENTS_TABLE]
  const { and, equals, greater_than, less_than_equal } = sql.operators
  const update = (db: any) =>
    db
      .update(t)
      .set({ status: 'delivered', deliveredAt: at })
      .where(and(equals(t.homeUniversity, university), greater_than(t.sequence, range.after), less_than_equal(t.sequence, range.upTo), equals(t.status, 'issued')))
  const chain = chainOf(university)
  const headQuery = (db: any) => db.select({ position: e.position, hash: e.hash }).from(e).where(equals(e.chain, chain)).orderBy(sqlTag`${e.position} desc`).limit(1)
  const eventRow = (head: Doc | undefined) => {
    const row = nextEvent(event, head ? { position: Number(head.position), hash: head.hash } : undefined, at)
    return { ...row, createdAt: at, updatedAt: at }
  }
  const file = sqliteFileOf(sql)
  if (file) {
    closeBesideAdapter(sql, file)
    const marking = update(sql.drizzle).toSQL()
    if (!ledgerSwitch.hashing) return runOnWriterThread(file, [marking])
    // The head is read beside the writer; if another writer takes its place first, the unique
    // key refuses the whole transaction, and it is read again.
    for (let attempt = 1; ; attempt++) {
      const { sql: text, params } = headQuery(sql.drizzle).toSQL()
      const head = readerOf(file).db.prepare(text).get(...params) as Doc | undefined
      try {
        return await runOnWriterThread(file, [marking, sql.drizzle.insert(e).values(eventRow(head)).toSQL()])
      } catch (error) {
        if (!isUniqueConstraintError(error) || attempt >= 40) throw error
      }
    }
  }
  if (!ledgerSwitch.hashing) {
    await update(sql.drizzle)
    return
  }
  await sql.drizzle.transaction(async (tx: any) => {
    // The rows first, then the chain's advisory lock (the same as eventChain.ts takes): a
    // registrar's decision holds its record's row and then waits for that lock, so taking them
    // the other way round here could deadlock against it.
    await update(tx)
    if (sql.pool) await tx.execute(sqlTag`select pg_advisory_xact_lock(hashtext(${`credit-ledger:${chain}`}))`)
    const [head] = await headQuery(tx)
    await tx.insert(e).values(eventRow(head))
  })
}
