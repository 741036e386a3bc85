/** A credit record's status as a badge, in the visitor's language. */
import { type Lang, pick } from '../../../src/portal/i18n'
import { creditLabels } from '../translations/portal'
import { statusLabel } from './statusLabel'

const TONE: Record<string, string> = { accepted: 'ok', rejected: 'bad', revoked: 'bad', issued: '', delivered: 'warn' }

export function RecordStatus({ status, lang }: { status: string; lang: Lang }) {
  return <span className={`badge ${TONE[status] ?? ''}`}>{statusLabel(pick(creditLabels, lang), status)}</span>
}
