/** Slugs of the credits plugin's collections, tasks and endpoints, in one place. */
export const CREDIT_SLUGS = {
  records: 'credit-records',
  courseMappings: 'course-mappings',
  webhooks: 'credit-webhooks',
  deliveries: 'credit-webhook-deliveries',
  ledgerEvents: 'credit-ledger-events',
  ledgerCheckpoints: 'credit-ledger-checkpoints',
} as const

export const CREDIT_TASKS = {
  issue: 'issueCreditRecord',
  deliverWebhook: 'deliverCreditWebhook',
  notifyLearner: 'notifyLearnerOfCredit',
  checkpointLedger: 'checkpointCreditLedger',
} as const

export const RECORD_STATUSES = ['issued', 'delivered', 'accepted', 'rejected', 'revoked'] as const
export type RecordStatus = (typeof RECORD_STATUSES)[number]
export const DECISIONS = ['accepted', 'rejected'] as const
export type Decision = (typeof DECISIONS)[number]
