/**
 * Payload marks a job `processing` while a runner works on it and never picks such a job again.
 * A process killed mid-job (a crash, an OOM kill, a deploy) would leave it so forever: a webhook
 * never delivered, a credit never issued. A job still `processing` after JOBS_STALE_AFTER_SECONDS
 * is taken to be abandoned and handed back to the queue — at start-up, and then every half of
 * that while this process runs jobs. Every task here may run twice safely: issuing is keyed by the
 * completion, a delivery or an email is at-least-once by design. A job that has been abandoned
 * MAX_ABANDONED times (it may be what kills the process) is failed, not requeued again.
 *
 * The threshold must exceed the longest job: a job that runs longer is started a second time.
 */
import type { Payload } from 'payload'

const MAX_ABANDONED = 3
/** The log entry's taskID that marks an abandonment. */
const ABANDONED = 'abandoned-by-a-stopped-process'

export async function requeueInterruptedJobs(payload: Payload, staleAfterSeconds: number): Promise<number> {
  const cutoff = new Date(Date.now() - staleAfterSeconds * 1000).toISOString()
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: { and: [{ processing: { equals: true } }, { updatedAt: { less_than: cutoff } }] },
    overrideAccess: true,
    depth: 0,
    pagination: false,
  })
  for (const job of docs as Array<{ id: number | string; taskSlug?: string; log?: unknown[] }>) {
    const abandoned = (job.log ?? []).filter((entry) => (entry as { taskID?: string }).taskID === ABANDONED).length + 1
    const at = new Date().toISOString()
    const entry = { executedAt: at, completedAt: at, taskSlug: job.taskSlug ?? 'unknown', taskID: ABANDONED, state: 'failed', error: { message: 'the process running this job stopped' } }
    const failed = abandoned >= MAX_ABANDONED
    await payload.db.updateOne({ collection: 'payload-jobs', id: job.id, data: { processing: false, ...(failed ? { hasError: true, error: { message: `abandoned ${abandoned} times by a stopped process` } } : {}), log: [...(job.log ?? []), entry] } } as never)
    payload.logger.warn(`${failed ? 'failed' : 'requeued'} job ${job.taskSlug} #${job.id}, left processing by a process that stopped (${abandoned} time${abandoned === 1 ? '' : 's'})`)
  }
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
