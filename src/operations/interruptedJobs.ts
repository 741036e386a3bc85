/**
 * Payload marks a job `processing` while a runner works on it and never picks such a job again.
 * A process killed mid-job (a crash, an OOM kill, a deploy) would leave it so forever: a webhook
 * never delivered, a credit never issued. A job still `processing` after JOBS_STALE_AFTER_SECONDS
 * is taken to be abandoned and handed back to the queue — at start-up, and then every half of
 * that while this process runs jobs. Every task here may run twice safely: issuing is keyed by the
 * completion, a delivery or an email is at-least-once by design.
 */
import type { Payload } from 'payload'

export async function requeueInterruptedJobs(payload: Payload, staleAfterSeconds: number): Promise<number> {
  const cutoff = new Date(Date.now() - staleAfterSeconds * 1000).toISOString()
  const { docs } = await payload.update({
    collection: 'payload-jobs',
    where: { and: [{ processing: { equals: true } }, { updatedAt: { less_than: cutoff } }] },
    data: { processing: false } as never,
    overrideAccess: true,
    depth: 0,
  })
  if (docs.length) payload.logger.warn(`requeued ${docs.length} job${docs.length === 1 ? '' : 's'} left processing by a process that stopped: ${docs.map((d) => `${(d as { taskSlug?: string }).taskSlug} #${d.id}`).join(', ')}`)
  return docs.length
}

/** Requeues now, then every half of the threshold; the returned function stops it. */
export function watchInterruptedJobs(payload: Payload, staleAfterSeconds: number): () => void {
  const run = () => requeueInterruptedJobs(payload, staleAfterSeconds).catch((error) => payload.logger.error({ err: error }, 'could not requeue interrupted jobs'))
  void run()
  const timer = setInterval(run, Math.max(1000, (staleAfterSeconds * 1000) / 2))
  timer.unref()
  return () => clearInterval(timer)
}
