/** A credit record's status as a badge, in the visitor's language. */
import { type Lang, pick } from '../../../src/portal/i18n'
import { creditLabels } from '../translations/portal'

const TONE: Record<string, string> = { accepted: 'ok', rejected: 'bad', revoked: 'bad', issued: '', delivered: 'warn' }

/** A record's status in words; the verify page (a client component) passes its own labels. */
export const statusLabel = (t: Record<string, string>, status: string) =>
  ({ issued: t.statusIssued, delivered: t.statusDelivered, accepted: t.statusAccepted, rejected: t.statusRejected, revoked: t.statusRevoked })[status] ?? status

export function RecordStatus({ status, lang }: { status: string; lang: Lang }) {
  return <span className={`badge ${TONE[status] ?? ''}`}>{statusLabel(pick(creditLabels, lang), status)}</span>
}
