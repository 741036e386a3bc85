/**
 * The credit ledger. Every completion of a credit-bearing source becomes one append-only credit
 * record; universities pull them (GET /api/credit-feed) or receive them (signed webhooks), accept
 * or reject them, and learners hold them as signed Open Badges 3.0 credentials, revocable through
 * a W3C Bitstring Status List. Each university's records, and everything that happens to them
 * after issue, form hash chains whose heads are signed daily (ledger/): `npm run ledger:verify`.
 *
 * Reads top-down: options → collections → the hook on completions → jobs → endpoints.
 */
import type { CollectionConfig, Config, Endpoint } from 'payload'
import { CORE } from '../../collections/slugs'
import { issuerId } from '../../src/credentials/issuer'
import { credentialIssuer, credentialKeys } from '../../src/credentials/keys'
import { createOutboundGuard } from '../../src/http/outboundGuard'
import { addPortalPlugin } from '../../src/portal/plugins'
import { createCourseMappingsCollection } from './collections/CourseMappings'
import { createCreditRecordsCollection } from './collections/CreditRecords'
import { createCreditWebhooksCollection } from './collections/CreditWebhooks'
import { createWebhookDeliveriesCollection } from './collections/WebhookDeliveries'
import { createLedgerCheckpointsCollection } from './collections/LedgerCheckpoints'
import { createLedgerEventsCollection } from './collections/LedgerEvents'
import { acknowledgeEndpoint } from './endpoints/acknowledge'
import { achievementEndpoint } from './endpoints/achievement'
import { correctEndpoint } from './endpoints/correct'
import { creditFeedEndpoint } from './endpoints/creditFeed'
import { credentialEndpoint, creditStatusListEndpoint, statusEndpoint, transcriptEndpoint } from './endpoints/credentials'
import { signCheckpointEndpoint } from './endpoints/signCheckpoint'
import { queueIssueOnCompletion } from './hooks/queueIssueOnCompletion'
import { checkpointLedgerTask } from './tasks/checkpointLedger'
import { deliverWebhookTask } from './tasks/deliverWebhook'
import { issueCreditRecordTask } from './tasks/issueCreditRecord'
import { notifyLearnerTask } from './tasks/notifyLearner'
import { type CreditsPluginOptions, sanitizeOptions } from './types'

export { CREDIT_SLUGS } from './constants'
export { CSV_COLUMNS } from './feed/csv'
export { signPayload, verifySignature, SIGNATURE_HEADER } from './webhooks/signature'
export type { CreditsPluginOptions } from './types'

export const creditsPlugin =
  (pluginOptions: CreditsPluginOptions = {}) =>
  (config: Config): Config => {
    const options = sanitizeOptions(pluginOptions)
    if (!options.enabled) return config

    // The platform as issuer (/api/issuer) and its signing keys (/.well-known/jwks.json), held by the core.
    const issuer = credentialIssuer(config)
    const keys = credentialKeys(config)
    // Webhook receivers are checked against it at registration and on every delivery.
    const guard = createOutboundGuard({ allowedNetworks: options.webhooks.allowedNetworks })

    const records = createCreditRecordsCollection()
    const recordEndpoints: Endpoint[] = [
      transcriptEndpoint(issuer, keys),
      acknowledgeEndpoint,
      correctEndpoint,
      credentialEndpoint(issuer, keys),
      creditStatusListEndpoint(issuer, keys),
      statusEndpoint,
    ]
    records.endpoints = [...recordEndpoints, ...(Array.isArray(records.endpoints) ? records.endpoints : [])]

    const collections: CollectionConfig[] = (config.collections ?? []).map((collection) =>
      collection.slug === CORE.completions
        ? { ...collection, hooks: { ...collection.hooks, afterChange: [...(collection.hooks?.afterChange ?? []), queueIssueOnCompletion] } }
        : collection,
    )

    // My credits, verify and the registrar's page (portal/, routed from src/app/(portal)/).
    return addPortalPlugin({
      ...config,
      custom: { ...config.custom, creditsOptions: options },
      collections: [
        ...collections,
        records,
        createCourseMappingsCollection(),
        createCreditWebhooksCollection(guard),
        createWebhookDeliveriesCollection(),
        createLedgerEventsCollection(),
        { ...createLedgerCheckpointsCollection(), endpoints: [signCheckpointEndpoint(keys, issuerId(issuer))] },
      ],
      endpoints: [...(config.endpoints ?? []), creditFeedEndpoint(options), achievementEndpoint(issuer)],
      jobs: {
        ...config.jobs,
        tasks: [...(config.jobs?.tasks ?? []), issueCreditRecordTask, deliverWebhookTask(options, guard), notifyLearnerTask(options), checkpointLedgerTask(keys, issuerId(issuer))],
      },
    }, 'credits')
  }
