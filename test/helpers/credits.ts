import type { Payload } from 'payload'

/** Runs queued jobs until none is left that is due now (tests turn autoRun off). */
export async function runJobs(payload: Payload, rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    const result = (await payload.jobs.run({ limit: 500 })) as { noJobsRemaining?: boolean } | undefined
    if (result?.noJobsRemaining) return
  }
}
