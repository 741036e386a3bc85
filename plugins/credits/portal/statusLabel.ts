/**
 * A credit record's status in words (or a mentor certification's, on the verify page), from the
 * labels given: the verify page (a client component) passes its own, so that its bundle does not
 * carry every credit label.
 */
export const statusLabel = (t: Record<string, string>, status: string) =>
  ({ issued: t.statusIssued, delivered: t.statusDelivered, accepted: t.statusAccepted, rejected: t.statusRejected, revoked: t.statusRevoked, valid: t.statusValid, expired: t.statusExpired })[status] ?? status
