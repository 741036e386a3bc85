/**
 * Between express and the Fetch API that Payload's handlers speak: the request body is streamed
 * through untouched (multipart uploads included) unless the express layer has read it already,
 * and every header crosses both ways, several Set-Cookie headers too.
 */
import { Readable } from 'node:stream'
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'
import { bufferedBodyOf } from './bufferedBody'

export function toFetchRequest(req: ExpressRequest, res: ExpressResponse, publicOrigin?: string): Request {
  const origin = publicOrigin ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    if (Array.isArray(value)) for (const v of value) headers.append(name, v)
    else headers.set(name, value)
  }
  const controller = new AbortController()
  // The client went away before we answered: let Payload stop work it would throw away.
  // (On the response, not the socket: keep-alive sockets carry many requests.)
  res.once('close', () => {
    if (!res.writableFinished) controller.abort()
  })
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  return new Request(new URL(req.originalUrl, origin), {
    method: req.method,
    headers,
    body: hasBody ? (bufferedBodyOf(req) ?? (Readable.toWeb(req) as ReadableStream)) : undefined,
    duplex: hasBody ? 'half' : undefined,
    signal: controller.signal,
  } as RequestInit)
}

/**
 * Payload's answer, written to express. A body of one chunk (every JSON answer) goes out in one
 * write with its length; a longer one is streamed as it comes, waiting while the client is slow
 * and cancelled when the client goes away. Read by hand rather than piped: Node's
 * `Readable.fromWeb` and `pipeline` cost about 0.1 ms an answer (bench:xapi-ingest, 2026-11-29).
 */
export async function sendFetchResponse(response: Response, res: ExpressResponse): Promise<void> {
  res.status(response.status)
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie') continue
    res.setHeader(name, value)
  }
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) res.setHeader('set-cookie', cookies)
  if (!response.body) {
    res.end()
    return
  }
  const reader = response.body.getReader()
  const gone = () => {
    if (!res.writableFinished) void reader.cancel().catch(() => {})
  }
  res.once('close', gone)
  try {
    let chunk = await reader.read()
    for (;;) {
      if (res.destroyed) return
      if (chunk.done) return void res.end()
      const next = await reader.read()
      if (next.done && !res.headersSent) return void res.end(chunk.value)
      if (res.destroyed) return
      if (!res.write(chunk.value)) await drainedOrClosed(res)
      chunk = next
    }
  } catch (error) {
    res.destroy(error as Error)
    throw error
  } finally {
    res.off('close', gone)
  }
}

const drainedOrClosed = (res: ExpressResponse) =>
  new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done)
      res.off('close', done)
      resolve()
    }
    res.on('drain', done)
    res.on('close', done)
  })
