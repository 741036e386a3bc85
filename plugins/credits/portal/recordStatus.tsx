/** A credit record's status as a badge, in the visitor's language. */
import { type Lang, pick } from '../../../src/portal/i18n'
import { creditLabels } from '../translations/portal'

const TONE: Record<string, string> = { accepted: 'ok', rejected: 'bad', revoked: 'bad', issued: '', delivered: 'warn' }

export function RecordStatus({ status, lang }: { status: string; lang: Lang }) {
  const t = pick(creditLabels, lang)
  const label = { issued: t.statusIssued, delivered: t.statusDelivered, accepted: t.statusAccepted, rejected: t.statusRejected, revoked: t.statusRevoked }[status] ?? status
  return <span className={`badge ${TONE[status] ?? ''}`}>{label}</span>
}
