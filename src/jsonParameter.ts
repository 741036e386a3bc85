/**
 * SQL for the hot paths' storage modules (architecture: "Hot paths") whose text does not depend
 * on how many rows or keys it carries: the rows or keys travel as one JSON parameter, read back
 * with `json_each` (SQLite) or `json_populate_recordset` (PostgreSQL). The text is built once and
 * the database parses a short statement, where drizzle built a multi-row VALUES or an IN list of
 * hundreds of parameters for every batch, one object per value, and the database parsed it afresh
 * (bench/xapi-ingest: on SQLite batches of 100 went from about 7 000 to 9 000 statements/s; on
 * PostgreSQL drizzle's building of those parameters was 0.17 ms of the main thread's time per
 * player statement, 2026-11-29).
 */
import { sql } from '@payloadcms/db-sqlite'

type Row = Record<string, unknown>
/** A drizzle database or transaction. */
type Executor = any
type Column = { name: string; mapToDriverValue?: (value: unknown) => unknown }

/** On a conflict of `target` (a field), each field of `set` takes the value of its SQL text: `"table"."column"` is the stored row, `excluded."column"` the new one. */
export type Upsert = { target: string; set: Record<string, string> }

const texts = new Map<string, [string, string]>()

const quotedName = (table: any) => {
  const schema = table[Symbol.for('drizzle:Schema')] as string | undefined
  return `${schema ? `"${schema}".` : ''}"${table[Symbol.for('drizzle:Name')] as string}"`
}

/** The statement's text before and after its one parameter. */
function insertText(dialect: string, table: any, fields: string[], upsert?: Upsert): [string, string] {
  const cacheKey = JSON.stringify([dialect, quotedName(table), fields, upsert])
  let text = texts.get(cacheKey)
  if (!text) {
    const name = quotedName(table)
    const columns = fields.map((f) => `"${(table[f] as Column).name}"`).join(', ')
    // `where true`: SQLite's grammar needs it between a SELECT and ON CONFLICT.
    const conflict = upsert
      ? ` where true on conflict ("${(table[upsert.target] as Column).name}") do update set ${Object.entries(upsert.set).map(([f, expression]) => `"${(table[f] as Column).name}" = ${expression}`).join(', ')}`
      : ''
    text =
      dialect === 'sqlite'
        ? [`insert into ${name} (${columns}) select ${fields.map((_, i) => `json_extract(value, '$[${i}]')`).join(', ')} from json_each(`, `)${conflict}`]
        : // Each row an object keyed by column name, converted to the table's own column types.
          [`insert into ${name} (${columns}) select ${columns} from json_populate_recordset(null::${name}, `, `::json)${conflict}`]
    texts.set(cacheKey, text)
  }
  return text
}

/**
 * The query inserting `rows`, to run or batch. Every row has the first row's fields (those that
 * are the table's columns); a column left out gets its SQL default, never drizzle's `$defaultFn`
 * (Payload's tables with numeric ids have none).
 */
export function insertRows(dialect: string, exec: Executor, table: any, rows: Row[], upsert?: Upsert): unknown {
  if (rows.length === 0) throw new Error('insertRows: no rows')
  const fields = Object.keys(rows[0]).filter((f) => table[f] !== undefined)
  const [before, after] = insertText(dialect, table, fields, upsert)
  if (dialect === 'sqlite') {
    // Each value as the driver would bind it (booleans as 0/1, JSON fields as their text).
    const values = rows.map((row) => fields.map((f) => {
      const value = row[f]
      const column = table[f] as Column
      return value === null || value === undefined ? null : column.mapToDriverValue ? column.mapToDriverValue(value) : value
    }))
    return exec.run(sql`${sql.raw(before)}${JSON.stringify(values)}${sql.raw(after)}`)
  }
  // As JSON itself: PostgreSQL converts each value to its column's type (a JSON field's value is kept as it is).
  const values = rows.map((row) => Object.fromEntries(fields.map((f) => [(table[f] as Column).name, row[f] ?? null])))
  return exec.execute(sql`${sql.raw(before)}${JSON.stringify(values)}${sql.raw(after)}`)
}

/** The condition `column in (keys)`. */
export function inKeys(dialect: string, column: unknown, keys: string[]): unknown {
  return dialect === 'sqlite'
    ? sql`${column} in (select value from json_each(${JSON.stringify(keys)}))`
    : sql`${column} = any(array(select json_array_elements_text(${JSON.stringify(keys)}::json)))`
}
