/** Options of the mentor-training plugin; defaults are filled in once, by sanitizeOptions. */
export type MentorTrainingPluginOptions = {
  /** @default true */
  enabled?: boolean
  /** The platform's public URL, for links in emails and the credential's ids. @default 'http://localhost:3000' */
  publicUrl?: string
  /** Months a certification is valid. @default 36 */
  certificationMonths?: number
  /** Students a mentor guides at most, unless their profile says otherwise. @default 5 */
  defaultMaxStudents?: number
}

export type SanitizedMentorTrainingOptions = {
  enabled: boolean
  publicUrl: string
  certificationMonths: number
  defaultMaxStudents: number
}

export function sanitizeOptions(options: MentorTrainingPluginOptions = {}): SanitizedMentorTrainingOptions {
  const certificationMonths = options.certificationMonths ?? 36
  if (!Number.isInteger(certificationMonths) || certificationMonths < 1) throw new Error('mentorTrainingPlugin: certificationMonths must be a whole number ≥ 1')
  return {
    enabled: options.enabled ?? true,
    publicUrl: (options.publicUrl ?? 'http://localhost:3000').replace(/\/$/, ''),
    certificationMonths,
    defaultMaxStudents: options.defaultMaxStudents ?? 5,
  }
}
