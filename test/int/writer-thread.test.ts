/** The credit feed's writer thread: statements commit on its own connection, failures come back. */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'libsql'
import { afterAll, describe, expect, it } from 'vitest'
import { runOnWriterThread } from '../../plugins/credits/feed/writerThread'

const dir = mkdtempSync(path.join(os.tmpdir(), 'lianpei-writer-'))
const file = path.join(dir, 'writer.db')
const db = new Database(file)
db.exec('PRAGMA journal_mode = WAL')
db.exec('CREATE TABLE records (sequence INTEGER PRIMARY KEY, status TEXT NOT NULL)')
db.exec("INSERT INTO records VALUES (1, 'issued'), (2, 'issued'), (3, 'accepted')")
afterAll(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('writer thread', () => {
  it('commits a statement with its parameters before it answers', async () => {
    await runOnWriterThread(file, [{ sql: 'update records set status = ? where sequence <= ? and status = ?', params: ['delivered', 3, 'issued'] }])
    expect(db.prepare('select sequence, status from records order by sequence').all()).toEqual([
      { sequence: 1, status: 'delivered' },
      { sequence: 2, status: 'delivered' },
      { sequence: 3, status: 'accepted' },
    ])
  })

  it('answers a failing statement with its error, and keeps working', async () => {
    await expect(runOnWriterThread(file, [{ sql: 'update records set status = null where sequence = ?', params: [1] }])).rejects.toThrow(/NOT NULL/)
    await expect(runOnWriterThread(file, [{ sql: 'update no_such_table set x = 1', params: [] }])).rejects.toThrow(/no such table/)
    await runOnWriterThread(file, [{ sql: 'update records set status = ? where sequence = ?', params: ['accepted', 1] }])
    expect(db.prepare('select status from records where sequence = 1').get()).toEqual({ status: 'accepted' })
  })

  it('runs several statements as one transaction: a failing one undoes the others', async () => {
    const batch = (status: string | null) => [
      { sql: 'update records set status = ? where sequence = ?', params: ['rejected', 2] },
      { sql: 'update records set status = ? where sequence = ?', params: [status, 3] },
    ]
    await expect(runOnWriterThread(file, batch(null))).rejects.toThrow(/NOT NULL/)
    expect(db.prepare('select status from records where sequence = 2').get()).toEqual({ status: 'delivered' })
    await runOnWriterThread(file, batch('revoked'))
    expect(db.prepare('select status from records where sequence in (2, 3) order by sequence').all()).toEqual([{ status: 'rejected' }, { status: 'revoked' }])
  })
})
