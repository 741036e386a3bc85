/**
 * The platform's clock. Rules that depend on the date (certification expiry, reminders, session
 * windows) read it here, so that tests can move time without waiting for it.
 */
let offsetMs = 0

export const clock = {
  now: (): number => Date.now() + offsetMs,
  date: (): Date => new Date(Date.now() + offsetMs),
  /** Tests only: run as if `ms` later (negative: earlier); 0 puts the clock back. */
  shift: (ms: number): void => {
    offsetMs = ms
  },
}
