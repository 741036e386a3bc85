/**
 * One statement at a time on a thread of its own, for the feed's delivered-marking on an SQLite
 * file. The SQLite driver blocks the thread that calls it, so on the main thread the ~3 ms update
 * of a 1 000-record page and the page's serialisation ran one after the other; here they overlap.
 * The thread keeps its own connection (WAL: one writer at a time, the busy timeout waits for
 * Payload's), and does not keep the process alive.
 */
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

const THREAD = `
  const { parentPort, workerData } = require('node:worker_threads')
  const Database = require(workerData.driver)
  const db = new Database(workerData.file)
  db.exec('PRAGMA busy_timeout = 5000')
  const statements = new Map()
  parentPort.on('message', ({ id, sql, params }) => {
    try {
      let statement = statements.get(sql)
      if (!statement) statements.set(sql, (statement = db.prepare(sql)))
      statement.run(params)
      parentPort.postMessage({ id })
    } catch (error) {
      parentPort.postMessage({ id, error: String(error && error.message || error) })
    }
  })
`

type Pending = { resolve: () => void; reject: (error: Error) => void }
const threads = new Map<string, { worker: Worker; pending: Map<number, Pending> }>()
let nextId = 0

function threadFor(file: string) {
  let thread = threads.get(file)
  if (thread) return thread
  const driver = createRequire(import.meta.url).resolve('libsql')
  const worker = new Worker(THREAD, { eval: true, workerData: { file, driver } })
  const pending = new Map<number, Pending>()
  worker.on('message', ({ id, error }: { id: number; error?: string }) => {
    const waiting = pending.get(id)
    pending.delete(id)
    if (pending.size === 0) worker.unref()
    if (error) waiting?.reject(new Error(error))
    else waiting?.resolve()
  })
  worker.on('error', (error) => {
    for (const waiting of pending.values()) waiting.reject(error)
    pending.clear()
    threads.delete(file)
  })
  worker.unref()
  thread = { worker, pending }
  threads.set(file, thread)
  return thread
}

export function runOnWriterThread(file: string, sql: string, params: unknown[]): Promise<void> {
  const thread = threadFor(file)
  const id = nextId++
  return new Promise<void>((resolve, reject) => {
    thread.pending.set(id, { resolve, reject })
    // Held while a statement is out, so that its answer is not lost to an exiting process.
    thread.worker.ref()
    thread.worker.postMessage({ id, sql, params })
  })
}
