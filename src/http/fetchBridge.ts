/**
 * Between express and the Fetch API that Payload's handlers speak: the request body is streamed
 * through untouched (multipart uploads included) unless the express layer has read it already, and every header crosses both ways, several
 * Set-Cookie headers too.
 */
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
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
  await pipeline(Readable.fromWeb(response.body as never), res)
}
