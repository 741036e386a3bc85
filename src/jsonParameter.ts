/**
 * SQL for the hot paths' storage modules (architecture: "Hot paths") whose text does not depend
 * on how many rows or keys it carries. On SQLite they travel as one JSON parameter, read back with
 * `json_each`: the text is built once and SQLite compiles a short program, where drizzle built a
 * multi-row VALUES or an IN list of hundreds of parameters for every batch, one object per value,
 * and SQLite compiled it afresh (bench/xapi-ingest: batches of 100 went from about 7 000 to
 * 9 000 statements/s). PostgreSQL keeps drizzle's own: it is not where its time goes.
 */
import { sql } from '@payloadcms/db-sqlite'

type Row = Record<string, unknown>
/** A drizzle database or transaction. */
type Executor = any
type Column = { name: string; mapToDriverValue?: (value: unknown) => unknown }

/** On a conflict of `target` (a field), each field of `set` takes the value of its SQL text: `"table"."column"` is the stored row, `excluded."column"` the new one. */
export type Upsert = { target: string; set: Record<string, string> }

const texts = new Map<string, [string, string]>()

/** The statement's text before and after its one parameter. */
function sqliteText(table: any, fields: string[], upsert?: Upsert): [string, string] {
  const name = table[Symbol.for('drizzle:Name')] as string
  const cacheKey = JSON.stringify([name, fields, upsert])
  let text = texts.get(cacheKey)
  if (!text) {
    const columns = fields.map((f) => `"${(table[f] as Column).name}"`).join(', ')
    const values = fields.map((_, i) => `json_extract(value, '$[${i}]')`).join(', ')
    // `where true`: SQLite's grammar needs it between a SELECT and ON CONFLICT.
    const conflict = upsert
      ? ` where true on conflict ("${(table[upsert.target] as Column).name}") do update set ${Object.entries(upsert.set).map(([f, expression]) => `"${(table[f] as Column).name}" = ${expression}`).join(', ')}`
      : ''
    text = [`insert into "${name}" (${columns}) select ${values} from json_each(`, `)${conflict}`]
    texts.set(cacheKey, text)
  }
  return text
}

/**
 * The query inserting `rows`, to run or batch. Every row has the first row's fields (those that
 * are the table's columns); on SQLite a column left out gets its SQL default, never drizzle's
 * `$defaultFn` (Payload's tables with numeric ids have none).
 */
export function insertRows(dialect: string, exec: Executor, table: any, rows: Row[], upsert?: Upsert): unknown {
  if (dialect !== 'sqlite') {
    const insert = exec.insert(table).values(rows)
    return upsert ? insert.onConflictDoUpdate({ target: table[upsert.target], set: Object.fromEntries(Object.entries(upsert.set).map(([f, e]) => [f, sql.raw(e)])) }) : insert
  }
  if (rows.length === 0) throw new Error('insertRows: no rows')
  const fields = Object.keys(rows[0]).filter((f) => table[f] !== undefined)
  // Each value as the driver would bind it (booleans as 0/1, JSON fields as their text).
  const values = rows.map((row) => fields.map((f) => {
    const value = row[f]
    const column = table[f] as Column
    return value === null || value === undefined ? null : column.mapToDriverValue ? column.mapToDriverValue(value) : value
  }))
  const [before, after] = sqliteText(table, fields, upsert)
  return exec.run(sql`${sql.raw(before)}${JSON.stringify(values)}${sql.raw(after)}`)
}

/** The condition `column in (keys)`. */
export function inKeys(dialect: string, column: unknown, keys: string[]): unknown {
  return dialect === 'sqlite' ? sql`${column} in (select value from json_each(${JSON.stringify(keys)}))` : sql`${column} in (${sql.join(keys.map((k) => sql`${k}`), sql`, `)})`
}
