/**
 * A request body the express layer reads before Payload does, when it must look at it or measure
 * it first (a chunked JSON body has no length to check; a query sent as a POST body must be
 * guarded like one in the URL). toFetchRequest hands Payload the bytes kept here.
 */
import type { Request } from 'express'

const BODY = Symbol('lianpei.bufferedBody')
type WithBody = Request & { [BODY]?: Buffer }

/** Reads the whole body, or stops at `limit` bytes and answers null. */
export async function readBody(req: Request, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) return null
    chunks.push(chunk as Buffer)
  }
  const body = Buffer.concat(chunks)
  ;(req as WithBody)[BODY] = body
  return body
}

export const bufferedBodyOf = (req: Request): Buffer | undefined => (req as WithBody)[BODY]
