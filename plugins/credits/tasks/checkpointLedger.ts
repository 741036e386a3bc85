import type { TaskConfig } from 'payload'
import type { CredentialKeys } from '../../../src/credentials/keys'
import { CREDIT_TASKS } from '../constants'
import { signCheckpoints } from '../ledger/checkpoint'

/** Daily at 03:00 (with JOBS_AUTORUN), and whenever an operator queues it: signs every chain that moved since its last checkpoint. */
export const checkpointLedgerTask = (keys: CredentialKeys, issuerId: string): TaskConfig<{ input: object; output: { signed: number } }> => ({
  slug: CREDIT_TASKS.checkpointLedger,
  label: 'Sign the credit ledger’s chain heads',
  schedule: [{ cron: '0 0 3 * * *', queue: 'default' }],
  handler: async ({ req }) => ({ output: { signed: (await signCheckpoints(req.payload, keys, issuerId, { onlyIfMoved: true })).length } }),
})
