import http from 'node:http'
import https from 'node:https'
import type { TaskConfig } from 'payload'
import { type OutboundGuard, OutboundAddressError } from '../../../src/http/outboundGuard'
import { CREDIT_SLUGS, CREDIT_TASKS } from '../constants'
import { serializeRecord } from '../feed/serializeRecord'
import type { SanitizedCreditsOptions } from '../types'
import { SIGNATURE_HEADER, signPayload } from '../webhooks/signature'

type Doc = Record<string, any>

/** What a refused receiver's delivery log says: nothing about the target but that it is refused. */
export const ADDRESS_NOT_ALLOWED =
  'address not allowed: the receiver’s host is, or resolves only to, a loopback, private, link-local or other internal address, which webhooks may not reach (nothing was sent)'

/**
 * POSTs `body` to `url` once and answers the status. Connects only to addresses the guard allows
 * (checked after DNS, on this connection); follows no redirect; never reads the answer's body.
 */
function post(guard: OutboundGuard, url: URL, headers: Record<string, string>, body: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let connect: ReturnType<OutboundGuard['connectOptions']>
    try {
      connect = guard.connectOptions(url)
    } catch (error) {
      reject(error)
      return
    }
    const request = (url.protocol === 'https:' ? https : http).request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        // A connection of its own: no socket an earlier delivery opened, to wherever, is reused.
        agent: false,
        signal: AbortSignal.timeout(timeoutMs),
        ...connect,
      },
      (response) => {
        resolve(response.statusCode ?? 0)
        response.destroy()
      },
    )
    request.on('error', reject)
    request.end(body)
  })
}

/**
 * POSTs one record to one university webhook. A non-2xx answer, a network error or a timeout
 * fails the attempt; the jobs queue retries with exponential back-off. Every attempt is logged
 * as a `credit-webhook-deliveries` row, without the answer's body.
 *
 * The receiver's address is checked by the outbound guard on every attempt, after DNS: an internal
 * address (unless allowed) fails the attempt before anything is sent, and its log row says only
 * that the address is not allowed — no status, no timing. A redirect is not followed (its target
 * was never registered nor checked): the attempt fails and the log says so.
 */
export const deliverWebhookTask = (
  options: SanitizedCreditsOptions,
  guard: OutboundGuard,
): TaskConfig<{ input: { recordId: string; webhookId: string }; output: { httpStatus: number | null } }> => ({
  slug: CREDIT_TASKS.deliverWebhook,
  label: 'Deliver a credit record to a university webhook',
  inputSchema: [
    { name: 'recordId', type: 'text', required: true },
    { name: 'webhookId', type: 'text', required: true },
  ],
  retries: { attempts: options.webhooks.attempts - 1, backoff: { type: 'exponential', delay: options.webhooks.backoffMs } },
  handler: async ({ input, job, req }) => {
    const { payload } = req
    const { recordId, webhookId } = input as { recordId: string; webhookId: string }
    const hook = (await payload.findByID({ collection: CREDIT_SLUGS.webhooks as never, id: webhookId, depth: 0, overrideAccess: true })) as Doc
    const record = (await payload.findByID({ collection: CREDIT_SLUGS.records as never, id: recordId, depth: 0, overrideAccess: true })) as Doc
    const body = JSON.stringify({ type: 'credit-record.issued', record: serializeRecord(record) })
    const started = Date.now()
    const attempt = (job.totalTried ?? 0) + 1
    let httpStatus: number | null = null
    let error: string | null = null
    let refused = false
    try {
      const headers = { 'content-type': 'application/json', [SIGNATURE_HEADER]: signPayload(hook.secret, body), 'user-agent': 'LianPei-Webhooks/1' }
      httpStatus = await post(guard, new URL(hook.url), headers, body, options.webhooks.timeoutMs)
      if (httpStatus >= 300 && httpStatus < 400) error = `receiver answered ${httpStatus}, a redirect, which webhooks do not follow: register the final URL`
      else if (httpStatus < 200 || httpStatus >= 300) error = `receiver answered ${httpStatus}`
    } catch (e) {
      const err = e as Error
      if (err instanceof OutboundAddressError) {
        refused = true
        error = ADDRESS_NOT_ALLOWED
        payload.logger.warn({ webhook: hook.id, university: hook.university, addresses: err.addresses }, `credit webhook refused: ${err.message}`)
      } else if (err.name === 'AbortError' || err.name === 'TimeoutError') {
        error = `no answer within ${options.webhooks.timeoutMs} ms`
      } else {
        error = err.message
      }
    }
    await payload.create({
      collection: CREDIT_SLUGS.deliveries as never,
      data: {
        record: record.id,
        webhook: hook.id,
        university: hook.university,
        attempt,
        succeeded: !error,
        httpStatus: refused ? null : httpStatus,
        error,
        durationMs: refused ? null : Date.now() - started,
      } as never,
      overrideAccess: true,
    })
    if (error) throw new Error(`webhook ${hook.url}: ${error}`)
    return { output: { httpStatus } }
  },
})
