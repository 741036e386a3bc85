import type { Endpoint, Payload } from 'payload'
import { CORE } from '../../../collections/slugs'
import { CREDIT_SLUGS } from '../constants'
import { CursorError, decodeCursor, encodeCursor } from '../feed/cursor'
import { CSV_BOM } from '../../../src/http/csv'
import { csvHeader, csvRows } from '../feed/csv'
import { markDelivered, readPage } from '../feed/recordStore'
import { type FeedRecord, serializeRecord } from '../feed/serializeRecord'
import type { SanitizedCreditsOptions } from '../types'
import { errorResponse } from '../../../src/errors'
import { registrarUniversity } from './requireRegistrar'
import { limitPerUser } from '../../../src/http/rateLimit'

type Doc = Record<string, any>
/** Rows per database read: a whole response at the largest limit. */
const PAGE = 1000

async function mappingsOf(payload: Payload, university: string | number) {
  const { docs } = await payload.find({ collection: CREDIT_SLUGS.courseMappings as never, where: { university: { equals: university } }, depth: 0, overrideAccess: true, pagination: false })
  return new Map((docs as Doc[]).map((m) => [String(m.course), m]))
}

/**
 * `GET /api/credit-feed?since=<cursor>&limit=<n>`: the caller's university's records after the
 * cursor, oldest first, streamed page by page from the keyset reader; pulled records become
 * `delivered`. JSON `{ records, nextCursor, hasMore }`, or CSV with `Accept: text/csv` or `format=csv`
 * (`X-Next-Cursor` and `X-Has-More` headers).
 */
export const creditFeedEndpoint = (options: SanitizedCreditsOptions): Endpoint => ({
  path: '/credit-feed',
  method: 'get',
  handler: async (req) => {
    const who = registrarUniversity(req)
    if ('error' in who) return who.error
    const { university } = who
    const limited = limitPerUser('feedPerUser', req.user, 'credit feed requests from your account')
    if (limited) return limited
    const url = new URL(req.url ?? '', 'http://localhost')
    const limitParam = url.searchParams.get('limit')
    const limit = limitParam === null ? options.feed.defaultLimit : Number(limitParam)
    if (!Number.isInteger(limit) || limit < 1 || limit > options.feed.maxLimit) {
      return errorResponse(400, `limit must be a whole number from 1 to ${options.feed.maxLimit} (got "${limitParam}")`)
    }
    let after = 0
    const since = url.searchParams.get('since')
    if (since) {
      try {
        after = decodeCursor(req.payload.secret, since, university)
      } catch (error) {
        if (error instanceof CursorError) return errorResponse(400, error.message)
        throw error
      }
    }
    // `?format=csv` is the same as `Accept: text/csv`, for a download link in a browser.
    const csv = (req.headers.get('accept') ?? '').includes('text/csv') || url.searchParams.get('format') === 'csv'
    const { payload } = req
    const mappings = await mappingsOf(payload, university)

    // One record beyond the limit says whether there is more, without a count query.
    let last = after
    let sent = 0
    let hasMore = false
    let previousHash: string | null | undefined
    const pages = async function* (): AsyncGenerator<FeedRecord[]> {
      while (sent < limit) {
        const want = Math.min(PAGE, limit - sent)
        const docs = await readPage(payload, university, last, want + 1)
        const page = docs.slice(0, want)
        hasMore = docs.length > want
        if (page.length === 0) return
        const upTo = page[page.length - 1].sequence
        // Marking runs while the page is serialised (its own thread on SQLite, the server's time
        // on the others); the response ends only after it has committed, and fails if it fails.
        // A page with nothing newly delivered (a registrar reading again) writes nothing.
        const marking = page.some((d) => d.status === 'issued') ? markDelivered(payload, university, { after: last, upTo }, new Date().toISOString()) : Promise.resolve()
        marking.catch(() => {}) // awaited below; this only keeps an early failure from going unhandled
        last = upTo
        sent += page.length
        yield page.map((d) => {
          // The page's documents are this request's own: changed in place, as a spread copy of
          // thirty fields per record cost as much as the rest of the serialisation.
          if (d.status === 'issued') d.status = 'delivered'
          // A previousHash that is the hash of the record just before it in this response goes
          // without saying: sent, it was a sixth of the bytes and of the time (bench/credit-feed).
          // It is sent on a response's first record, and wherever the chain does not follow.
          const followsChain = d.previousHash === previousHash
          previousHash = d.hash
          if (followsChain) d.previousHash = undefined
          return serializeRecord(d, d.sourceType === CORE.courses ? mappings.get(String(d.sourceId)) : undefined)
        })
        await marking
        if (!hasMore) return
      }
    }

    const encoder = new TextEncoder()
    if (csv) {
      // The cursor goes in headers, so the whole page is read before the body starts.
      const chunks: string[] = [CSV_BOM, csvHeader()]
      for await (const page of pages()) chunks.push(csvRows(page))
      return new Response(new Blob(chunks.map((c) => encoder.encode(c))).stream(), {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="credit-feed-${after + 1}.csv"`,
          'x-next-cursor': encodeCursor(payload.secret, university, last),
          'x-has-more': String(hasMore),
        },
      })
    }
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        try {
          controller.enqueue(encoder.encode('{"records":['))
          let first = true
          for await (const page of pages()) {
            // One stringify per page (its brackets cut off) is a third cheaper than one per record.
            const json = JSON.stringify(page).slice(1, -1)
            controller.enqueue(encoder.encode(first ? json : `,${json}`))
            first = false
          }
          controller.enqueue(encoder.encode(`],"nextCursor":${JSON.stringify(encodeCursor(payload.secret, university, last))},"hasMore":${hasMore}}`))
          controller.close()
        } catch (error) {
          payload.logger.error({ err: error }, 'credit feed failed while streaming')
          controller.error(error)
        }
      },
    })
    return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8' } })
  },
})
