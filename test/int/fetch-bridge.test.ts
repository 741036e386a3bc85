/**
 * The bridge between express and Payload's Fetch handlers (src/http/fetchBridge.ts), on a bare
 * express app and real sockets: a one-chunk answer goes out with its length, a long one is
 * streamed at the pace of the client, and the source of an answer the client left is cancelled.
 * No database: what is measured is the bridge alone.
 */
import { createHash } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requestLimits } from '../../src/http/requestLimits'
import { sendFetchResponse, toFetchRequest } from '../../src/http/fetchBridge'

const CHUNK = 64 * 1024
const CHUNKS = 400 // 25 MiB, far more than a loopback socket's buffers hold
const chunkOf = (i: number) => new Uint8Array(CHUNK).fill(i % 251)

let server: http.Server
let base: string
const pulled = { count: 0, cancelled: false }

beforeAll(async () => {
  const app = express()
  app.use(requestLimits({ jsonBodyBytes: 1024 }))
  const handle = (handler: (request: Request) => Promise<Response>): express.RequestHandler => async (req, res, next) => {
    try {
      await sendFetchResponse(await handler(toFetchRequest(req, res)), res)
    } catch (error) {
      next(error)
    }
  }
  app.post('/api/echo', handle(async (request) => Response.json({ got: await request.json() })))
  app.get('/api/long', handle(async () => {
    pulled.count = 0
    pulled.cancelled = false
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled.count === CHUNKS) return controller.close()
        controller.enqueue(chunkOf(pulled.count++))
      },
      cancel() {
        pulled.cancelled = true
      },
    })
    return new Response(body, { headers: { 'content-type': 'application/octet-stream' } })
  }))
  server = app.listen(0)
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

const get = (path: string) => new Promise<http.IncomingMessage>((resolve, reject) => http.get(`${base}${path}`, resolve).once('error', reject))
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('express ↔ Payload bridge', () => {
  it('hands a JSON body read by the express layer to the handler, and answers it in one piece with its length', async () => {
    const res = await fetch(`${base}/api/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ 课程: '数据结构', n: 3 }) })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(JSON.stringify({ got: { 课程: '数据结构', n: 3 } }))))
    expect(res.headers.get('transfer-encoding')).toBeNull()
    expect(await res.json()).toEqual({ got: { 课程: '数据结构', n: 3 } })
  })

  it('streams a long answer at the pace of a slow client, whole and in order', async () => {
    const res = await get('/api/long')
    res.pause()
    await sleep(400)
    // The client read nothing yet: the source was read only as far as the sockets' buffers take.
    expect(pulled.count).toBeLessThan(CHUNKS / 2)
    const expected = createHash('sha256')
    for (let i = 0; i < CHUNKS; i++) expected.update(chunkOf(i))
    const got = createHash('sha256')
    let length = 0
    res.on('data', (data: Buffer) => {
      got.update(data)
      length += data.length
    })
    res.resume()
    await new Promise((resolve) => res.once('end', resolve))
    expect(length).toBe(CHUNK * CHUNKS)
    expect(got.digest('hex')).toBe(expected.digest('hex'))
    expect(pulled.cancelled).toBe(false)
  })

  it('cancels the answer’s source when the client goes away half way', async () => {
    const res = await get('/api/long')
    await new Promise((resolve) => res.once('data', resolve))
    res.destroy()
    for (let i = 0; i < 50 && !pulled.cancelled; i++) await sleep(20)
    expect(pulled.cancelled).toBe(true)
    expect(pulled.count).toBeLessThan(CHUNKS)
  })
})
