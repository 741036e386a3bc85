/**
 * One statement (or one transaction of statements) at a time on a thread of its own, for the feed's delivered-marking on an SQLite
 * file. The SQLite driver blocks the thread that calls it, so on the main thread the ~3 ms update
 * of a 1 000-record page and the page's serialisation ran one after the other; here they overlap
 * (bench/credit-feed: JSON export from ~35 000 to ~42 000 records/s).
 *
 * The thread keeps a connection of its own, so SQLite now has two writers in this process: WAL
 * lets one write at a time, and a Payload write that meets a marking in progress waits for it in
 * the busy handler (as long as the marking takes, ~3 ms), as it waited for the same update on
 * the main thread before. The thread does not keep the process alive while it has nothing to do.
 */
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

// Kept as source text rather than a module file so that the compiled server (one bundle per
// entry point, scripts/compile.mjs) needs no separate worker entry.
const THREAD = `
  const { parentPort, workerData } = require('node:worker_threads')
  const Database = require(workerData.driver)
  const db = new Database(workerData.file)
  db.exec('PRAGMA busy_timeout = 5000')
  const statements = new Map()
  const run = ({ sql, params }) => {
    let statement = statements.get(sql)
    if (!statement) statements.set(sql, (statement = db.prepare(sql)))
    statement.run(params)
  }
  parentPort.on('message', ({ id, batch }) => {
    try {
      if (batch.length === 1) run(batch[0])
      else {
        db.exec('BEGIN IMMEDIATE')
        try {
          batch.forEach(run)
          db.exec('COMMIT')
        } catch (error) {
          db.exec('ROLLBACK')
          throw error
        }
      }
      parentPort.postMessage({ id })
    } catch (error) {
      parentPort.postMessage({ id, error: String((error && error.message) || error), code: error && error.code })
    }
  })
`

type Pending = { resolve: () => void; reject: (error: Error) => void }
type Thread = { worker: Worker; pending: Map<number, Pending> }
const threads = new Map<string, Thread>()
let nextId = 0

function threadFor(file: string): Thread {
  const running = threads.get(file)
  if (running) return running
  const driver = createRequire(import.meta.url).resolve('libsql')
  const worker = new Worker(THREAD, { eval: true, workerData: { file, driver } })
  const thread: Thread = { worker, pending: new Map() }
  worker.on('message', ({ id, error, code }: { id: number; error?: string; code?: string }) => {
    const waiting = thread.pending.get(id)
    thread.pending.delete(id)
    if (thread.pending.size === 0) worker.unref()
    if (error) waiting?.reject(Object.assign(new Error(error), { code }))
    else waiting?.resolve()
  })
  // A thread that fails or ends answers everything still waiting, and the next call starts anew.
  const end = (error: Error) => {
    for (const waiting of thread.pending.values()) waiting.reject(error)
    thread.pending.clear()
    if (threads.get(file) === thread) threads.delete(file)
  }
  worker.on('error', end)
  worker.on('exit', (code) => end(new Error(`the SQLite writer thread ended (exit code ${code})`)))
  worker.unref()
  threads.set(file, thread)
  return thread
}

/** Runs the statements on the file's writer thread, several in one transaction: all or none. */
export function runOnWriterThread(file: string, batch: Array<{ sql: string; params: unknown[] }>): Promise<void> {
  const thread = threadFor(file)
  const id = nextId++
  return new Promise<void>((resolve, reject) => {
    thread.pending.set(id, { resolve, reject })
    // Held while a statement is out, so that its answer is not lost to an exiting process.
    thread.worker.ref()
    thread.worker.postMessage({ id, batch })
  })
}

/** Ends the file's thread and its connection; statements still out are refused. */
export async function closeWriterThread(file: string): Promise<void> {
  const thread = threads.get(file)
  if (!thread) return
  threads.delete(file)
  await thread.worker.terminate()
}
