/**
 * A credit record's status in words, from the labels given: the verify page (a client component)
 * passes its own, so that its bundle does not carry every credit label.
 */
export const statusLabel = (t: Record<string, string>, status: string) =>
  ({ issued: t.statusIssued, delivered: t.statusDelivered, accepted: t.statusAccepted, rejected: t.statusRejected, revoked: t.statusRevoked })[status] ?? status
