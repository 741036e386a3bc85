import type { TaskConfig } from 'payload'
import { CREDIT_TASKS } from '../constants'
import { issueCreditRecord } from '../issuing/issueCreditRecord'

export const issueCreditRecordTask: TaskConfig<{ input: { completionId: string }; output: { status: string; recordId: string | null } }> = {
  slug: CREDIT_TASKS.issue,
  label: 'Issue the credit record of a completion',
  inputSchema: [{ name: 'completionId', type: 'text', required: true }],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 1000 } },
  handler: async ({ input, req }) => {
    const result = await issueCreditRecord(req.payload, (input as { completionId: string }).completionId)
    return { output: { status: result.status, recordId: result.recordId === undefined ? null : String(result.recordId) } }
  },
}
