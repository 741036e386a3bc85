/** Options of the camps plugin; defaults are filled in once, by sanitizeOptions. */
export type CampsPluginOptions = {
  /** @default true */
  enabled?: boolean
  /** The platform's public URL, for the QR code's link and emails. @default 'http://localhost:3000' */
  publicUrl?: string
  checkIn?: {
    /** Seconds each check-in code lasts before the next one shows; the one before stays valid too. @default 30 */
    codeSeconds?: number
    /** Minutes before the start and after the end in which checking in is open. @default 15 */
    graceMinutes?: number
    /** Minutes after the start from which a check-in counts as late. @default 10 */
    lateAfterMinutes?: number
  }
  contests?: {
    /** Seconds after the time limit in which a submission still counts (the network's delay). @default 5 */
    submitGraceSeconds?: number
  }
  /** Hours before a session that enrolled learners are reminded. @default 24 */
  reminderHours?: number
}

export type SanitizedCampsOptions = {
  enabled: boolean
  publicUrl: string
  checkIn: { codeSeconds: number; graceMinutes: number; lateAfterMinutes: number }
  contests: { submitGraceSeconds: number }
  reminderHours: number
}

export function sanitizeOptions(options: CampsPluginOptions = {}): SanitizedCampsOptions {
  const checkIn = { codeSeconds: 30, graceMinutes: 15, lateAfterMinutes: 10, ...options.checkIn }
  if (checkIn.codeSeconds < 10) throw new Error('campsPlugin: checkIn.codeSeconds must be at least 10')
  return {
    enabled: options.enabled ?? true,
    publicUrl: (options.publicUrl ?? 'http://localhost:3000').replace(/\/$/, ''),
    checkIn,
    contests: { submitGraceSeconds: 5, ...options.contests },
    reminderHours: options.reminderHours ?? 24,
  }
}
