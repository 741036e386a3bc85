import type { TaskConfig } from 'payload'
import { CREDIT_SLUGS, CREDIT_TASKS } from '../constants'
import { serializeRecord } from '../feed/serializeRecord'
import type { SanitizedCreditsOptions } from '../types'
import { SIGNATURE_HEADER, signPayload } from '../webhooks/signature'

type Doc = Record<string, any>

/**
 * POSTs one record to one university webhook. A non-2xx answer, a network error or a timeout
 * fails the attempt; the jobs queue retries with exponential back-off. Every attempt is logged
 * as a `credit-webhook-deliveries` row.
 */
export const deliverWebhookTask = (options: SanitizedCreditsOptions): TaskConfig<{ input: { recordId: string; webhookId: string }; output: { httpStatus: number | null } }> => ({
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
    try {
      const response = await fetch(hook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signPayload(hook.secret, body), 'user-agent': 'LianPei-Webhooks/1' },
        body,
        signal: AbortSignal.timeout(options.webhooks.timeoutMs),
      })
      httpStatus = response.status
      await response.body?.cancel()
      if (!response.ok) error = `receiver answered ${response.status}`
    } catch (e) {
      error = (e as Error).name === 'TimeoutError' ? `no answer within ${options.webhooks.timeoutMs} ms` : (e as Error).message
    }
    await payload.create({
      collection: CREDIT_SLUGS.deliveries as never,
      data: { record: record.id, webhook: hook.id, university: hook.university, attempt, succeeded: !error, httpStatus, error, durationMs: Date.now() - started } as never,
      overrideAccess: true,
    })
    if (error) throw new Error(`webhook ${hook.url}: ${error}`)
    return { output: { httpStatus } }
  },
})
