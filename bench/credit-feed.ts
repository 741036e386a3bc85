/**
 * bench/credit-feed: exports 100 000 credit records through GET /api/credit-feed (JSON, then CSV),
 * paging by 1 000 as a registrar's system would, beside a plain paging `payload.find` over the same
 * records in the same process. Prints records per second, the ratio to the baseline, and the
 * peak memory growth of each run.
 *
 *   npm run bench:credit-feed                 # SQLite, 100 000 records
 *   RECORDS=20000 DATABASE_URI=postgres://… npm run bench:credit-feed
 *
 * Targets on SQLite on a 2-core machine: ≥ 40 000 records/s end to end (where a keyset SELECT reads
 * 84 000 rows/s: the bench measures that too), < 100 MB growth.
 * Setup inserts the records with one drizzle insert per 1 000 rows (SQL databases only): the
 * bench measures the export, not the issue.
 */
import { Worker } from 'node:worker_threads'
import Database from 'libsql'
import { startBenchApp } from './benchApp'

const RECORDS = Number(process.env.RECORDS ?? 100_000)
const PAGE = 1000
const { payload, base, stop } = await startBenchApp()

const university = await payload.create({ collection: 'organizations', data: { kind: 'university', name: '基准大学', code: '19999' }, overrideAccess: true })
const other = await payload.create({ collection: 'organizations', data: { kind: 'university', name: '对照大学', code: '19998' }, overrideAccess: true })
const learner = await payload.create({ collection: 'users', data: { email: 'bench-student@lianpei.bench', password: 'bench-password', name: '基准学生', roles: ['student'], organization: university.id, homeUniversity: university.id, studentNumber: '20240001' }, overrideAccess: true })
await payload.create({ collection: 'users', data: { email: 'bench-registrar@lianpei.bench', password: 'bench-password', name: '基准管理员', roles: ['registrar'], organization: university.id, enableAPIKey: true, apiKey: 'bench-registrar-key' }, overrideAccess: true })

const db = payload.db as unknown as { drizzle: any; tables: Record<string, any> }
if (!db.drizzle) throw new Error('the bench sets up records with drizzle: run it on SQLite or PostgreSQL')
const table = db.tables.credit_records
const now = new Date().toISOString()
process.stdout.write(`inserting ${RECORDS} records… `)
for (let start = 0; start < RECORDS; start += PAGE) {
  const rows = []
  for (let i = start; i < Math.min(RECORDS, start + PAGE); i++) {
    // One in ten belongs to another university, so the feed's filter has work to do.
    const home = i % 10 === 9 ? other.id : university.id
    rows.push({
      sequence: i + 1, key: `bench:${i}`, status: 'issued', learner: learner.id, learnerName: '基准学生', studentNumber: '20240001',
      homeUniversity: home, homeUniversityName: '基准大学', homeUniversityCode: '19999', sourceType: 'courses', sourceId: String(i % 50),
      sourceTitle: '工业机器人系统集成', sourceTitleEn: 'Industrial Robot System Integration', sourceCode: 'LP-ROBOT-101',
      issuingOrganizationName: '松山湖智能装备有限公司', issuingOrganizationCode: '91441900MA51LP0011', partnerOrganizations: '基准大学',
      credits: 2, hours: 32, category: 'course', gradingScheme: 'percentage', score: 88, grade: '88', passed: true,
      completedAt: now, issuedAt: now, evidence: null, updatedAt: now, createdAt: now,
    })
  }
  await db.drizzle.insert(table).values(rows)
}
// PostgreSQL, as after any bulk load: set hint bits and statistics now, not during the first run.
const pool = (payload.db as unknown as { pool?: { query: (q: string, params?: unknown[]) => Promise<{ rows: any[] }> } }).pool
if (pool) await pool.query('vacuum analyze credit_records')
const expected = RECORDS - Math.floor((RECORDS + 1) / 10)
process.stdout.write('done\n')

let peak = 0
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
async function measure(label: string, run: () => Promise<number>) {
  globalThis.gc?.()
  const before = process.memoryUsage().rss
  peak = before
  const started = performance.now()
  const count = await run()
  const seconds = (performance.now() - started) / 1000
  peak = Math.max(peak, process.memoryUsage().rss)
  return { label, count, seconds, perSecond: count / seconds, growthMb: (peak - before) / 2 ** 20 }
}

/**
 * Two yardsticks the issue gives for these machines, measured here in the same run, so that a
 * slower or busier machine shows: "a keyset SELECT reads about 84 000 rows per second here,
 * paging payload.find 1 000 at a time about 15 000 documents per second at 5 000 documents".
 * The keyset SELECT is plain SQL on the driver itself: on SQLite a connection of the libsql
 * package (the native driver under Payload's client; its rows as objects), on PostgreSQL the pg
 * pool. (Through @libsql/client, which Payload uses, the same SELECT reads less than half as fast.)
 */
const ISSUE_KEYSET_SELECT = 84_000
const ISSUE_FIND_AT_5000 = 15_000
const keysetSql = (p: (n: number) => string) => `select * from credit_records where home_university_id = ${p(1)} and sequence > ${p(2)} order by sequence limit ${p(3)}`
const sqliteFile = (payload.db as unknown as { clientConfig?: { url?: string } }).clientConfig?.url?.replace(/^file:/, '')
const sqliteSelect = sqliteFile ? new Database(sqliteFile).prepare(keysetSql(() => '?')) : undefined
const selectPage = async (after: number): Promise<any[]> =>
  pool ? (await pool.query(keysetSql((n) => `$${n}`), [university.id, after, PAGE])).rows : sqliteSelect!.all(university.id, after, PAGE)
const keysetSelect = await measure('keyset SELECT by 1 000 on the driver, no HTTP (yardstick)', async () => {
  let count = 0
  for (let after = 0; ; ) {
    const rows = await selectPage(after)
    count += rows.length
    if (rows.length < PAGE) return count
    after = Number(rows[rows.length - 1].sequence)
  }
})
const findAt5000 = await measure('payload.find, paged by 1 000, first 5 000 (yardstick)', async () => {
  let count = 0
  for (let page = 1; page <= 5; page++) {
    const result = await payload.find({ collection: 'credit-records', where: { homeUniversity: { equals: university.id } }, sort: 'sequence', limit: PAGE, page, depth: 0, overrideAccess: true })
    count += result.docs.length
  }
  return count
})

const resetStatuses = async () => {
  await db.drizzle.update(table).set({ status: 'issued', deliveredAt: null })
  if (pool) await pool.query('vacuum credit_records')
}

const baseline = await measure('payload.find, paged by 1 000 (baseline)', async () => {
  let count = 0
  for (let page = 1; ; page++) {
    const result = await payload.find({ collection: 'credit-records', where: { homeUniversity: { equals: university.id } }, sort: 'sequence', limit: PAGE, page, depth: 0, overrideAccess: true })
    count += result.docs.length
    if (!result.hasNextPage) return count
  }
})

/**
 * The registrar's system pages through the feed from a worker thread: it is another program,
 * and parsing its responses on the server's thread would bill the server for the client's work.
 * Memory is still measured for the whole process.
 */
const CLIENT = `
  const { parentPort, workerData } = require('node:worker_threads')
  const { base, page, csv, authorization, pages } = workerData
  ;(async () => {
    let count = 0
    let cursor = ''
    const headers = { Authorization: authorization, ...(csv ? { Accept: 'text/csv' } : {}) }
    for (let n = 0; n < pages; n++) {
      const res = await fetch(base + '/api/credit-feed?limit=' + page + (cursor ? '&since=' + encodeURIComponent(cursor) : ''), { headers })
      if (!res.ok) throw new Error('feed answered ' + res.status + ': ' + (await res.text()))
      if (csv) {
        const text = await res.text()
        count += text.split('\\n').length - 2
        cursor = res.headers.get('x-next-cursor') || ''
        if (res.headers.get('x-has-more') !== 'true') break
      } else {
        const body = await res.json()
        count += body.records.length
        cursor = body.nextCursor
        if (!body.hasMore) break
      }
    }
    parentPort.postMessage(count)
  })().catch((error) => { throw error })
`
const login = await fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench-registrar@lianpei.bench', password: 'bench-password' }) })
const jwt = `JWT ${((await login.json()) as { token: string }).token}`
const apiKey = 'users API-Key bench-registrar-key'
const exportFromWorker = (csv: boolean, authorization = jwt, pages = Infinity) =>
  new Promise<number>((resolve, reject) => {
    const worker = new Worker(CLIENT, { eval: true, workerData: { base, page: PAGE, csv, authorization, pages } })
    worker.once('message', resolve)
    worker.once('error', reject)
  })

// Warm-up, not counted: the first pages also pay for compiling the feed's code and opening its reader.
await exportFromWorker(false, jwt, 5)
await resetStatuses()
const json = await measure('GET /api/credit-feed, JSON (JWT)', () => exportFromWorker(false))
await resetStatuses()
const csv = await measure('GET /api/credit-feed, CSV (JWT)', () => exportFromWorker(true))
await resetStatuses()
const jsonApiKey = await measure('GET /api/credit-feed, JSON (API key)', () => exportFromWorker(false, apiKey))
clearInterval(sampler)

const rows = [baseline, json, csv, jsonApiKey]
for (const r of rows) if (r.count !== expected) throw new Error(`${r.label} read ${r.count} records, expected ${expected}`)
process.stdout.write(`\ncredit feed export, ${expected} records of one university (${RECORDS} in the table), ${payload.db.name}\n`)
process.stdout.write('| run | records/s | × baseline | seconds | peak memory growth |\n| --- | ---: | ---: | ---: | ---: |\n')
for (const r of [...rows, keysetSelect, findAt5000]) {
  process.stdout.write(`| ${r.label} | ${Math.round(r.perSecond).toLocaleString('en')} | ${(r.perSecond / baseline.perSecond).toFixed(2)} | ${r.seconds.toFixed(2)} | ${r.growthMb.toFixed(1)} MB |\n`)
}
/**
 * The target is the issue's: 40 000 records/s. Beside it, each run's ratio to the keyset SELECT
 * measured above, against the issue's own (40 000 / 84 000 = 0.48), tells a slow machine from a
 * slow feed when the machine's speed drifts between runs.
 */
process.stdout.write(
  `\nthis machine now: keyset SELECT ${Math.round(keysetSelect.perSecond).toLocaleString('en')} rows/s (issue: ${ISSUE_KEYSET_SELECT.toLocaleString('en')}), ` +
    `payload.find at 5 000 ${Math.round(findAt5000.perSecond).toLocaleString('en')}/s (issue: ${ISSUE_FIND_AT_5000.toLocaleString('en')})\n`,
)
process.stdout.write(`target: ≥ 40 000 records/s (the issue's machine: ${(40_000 / ISSUE_KEYSET_SELECT).toFixed(2)} × its keyset SELECT), < 100 MB growth\n`)
for (const r of [json, csv, jsonApiKey]) {
  const verdict = r.perSecond >= 40_000 && r.growthMb < 100 ? 'met' : 'NOT met'
  process.stdout.write(`${verdict}: ${r.label}: ${Math.round(r.perSecond).toLocaleString('en')}/s, ${(r.perSecond / keysetSelect.perSecond).toFixed(2)} × keyset SELECT\n`)
}
await stop()
process.exit(0)
