/**
 * A request body the express layer reads before Payload does: to measure it (a chunked body has
 * no length to check), to look at it (a query sent as a POST body must be guarded like one in the
 * URL), or because a body Payload reads whole anyway costs less handed over as bytes than as a
 * web stream. toFetchRequest hands Payload the bytes kept here.
 */
import type { Request } from 'express'

const BODY = Symbol('lianpei.bufferedBody')
type WithBody = Request & { [BODY]?: Buffer }

export type ReadBody = { body: Buffer } | { tooLong: true } | { aborted: true }

/**
 * Reads the whole body, or stops keeping it at `limit` bytes. The rest is then read and thrown
 * away rather than the connection cut, so that the client, still sending, gets the 413.
 */
export function readBody(req: Request, limit: number): Promise<ReadBody> {
  // Read once already (the stream is spent): the kept bytes, measured against this limit.
  const kept = bufferedBodyOf(req)
  if (kept) return Promise.resolve(kept.length <= limit ? { body: kept } : { tooLong: true })
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) return void chunks.push(chunk)
      req.off('data', onData)
      req.resume()
      resolve({ tooLong: true })
    }
    req.on('data', onData)
    req.once('end', () => {
      if (size > limit) return
      const body = Buffer.concat(chunks)
      ;(req as WithBody)[BODY] = body
      resolve({ body })
    })
    // The client went away mid-body: nobody is left to answer.
    req.once('error', () => resolve({ aborted: true }))
    req.once('aborted', () => resolve({ aborted: true }))
  })
}

export const bufferedBodyOf = (req: Request): Buffer | undefined => (req as WithBody)[BODY]
