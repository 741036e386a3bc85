/**
 * xAPI 1.0.3 statements, validated with zod: actor, verb and object required; ids are UUIDs;
 * result.score.scaled within [-1, 1] and raw within [min, max].
 */
import { z } from 'zod'

export const XAPI_VERSION = '1.0.3'

const iri = z.string().min(1).refine((v) => /^[a-z][a-z0-9+.-]*:/i.test(v), 'must be an IRI (scheme:…)')

const agent = z.object({
  objectType: z.literal('Agent').optional(),
  name: z.string().optional(),
  mbox: z.string().regex(/^mailto:.+@.+/, 'mbox must be mailto:address').optional(),
  mbox_sha1sum: z.string().optional(),
  openid: z.string().optional(),
  account: z.object({ homePage: iri, name: z.string().min(1) }).optional(),
})

const score = z
  .object({
    scaled: z.number().min(-1, 'score.scaled must be ≥ -1').max(1, 'score.scaled must be ≤ 1').optional(),
    raw: z.number().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .refine((s) => s.min === undefined || s.max === undefined || s.min <= s.max, 'score.min must not exceed score.max')
  .refine((s) => s.raw === undefined || s.min === undefined || s.raw >= s.min, 'score.raw must not be below score.min')
  .refine((s) => s.raw === undefined || s.max === undefined || s.raw <= s.max, 'score.raw must not exceed score.max')

/** ISO 8601 duration, as xAPI requires (PT1M30S, P1DT2H). */
const duration = z.string().regex(/^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/, 'result.duration must be an ISO 8601 duration, e.g. PT1M30S')
/** Extension keys are IRIs (xAPI 1.0.3, 2.4.11). */
const extensions = z.record(iri, z.unknown())

/**
 * xAPI 1.0.3 requires an LRS to refuse a statement with a property it does not define; the
 * statement, its result and its context are strict here. The object's definition is passed on as
 * H5P writes it.
 */
export const statementSchema = z
  .strictObject({
    id: z.uuid({ error: 'id must be a UUID' }).optional(),
    actor: agent.refine((a) => a.mbox || a.mbox_sha1sum || a.openid || a.account, 'actor needs an identifier (mbox or account)'),
    verb: z.object({ id: iri, display: z.record(z.string(), z.string()).optional() }),
    object: z.object({
      objectType: z.string().optional(),
      id: iri,
      definition: z.record(z.string(), z.unknown()).optional(),
    }),
    result: z
      .strictObject({
        score: score.optional(),
        success: z.boolean().optional(),
        completion: z.boolean().optional(),
        duration: duration.optional(),
        response: z.string().optional(),
        extensions: extensions.optional(),
      })
      .optional(),
    context: z
      .strictObject({
        registration: z.uuid({ error: 'context.registration must be a UUID' }).optional(),
        instructor: z.unknown().optional(),
        team: z.unknown().optional(),
        contextActivities: z.record(z.string(), z.unknown()).optional(),
        revision: z.string().optional(),
        platform: z.string().optional(),
        language: z.string().optional(),
        statement: z.unknown().optional(),
        extensions: extensions.optional(),
      })
      .optional(),
    timestamp: z.iso.datetime({ offset: true }).optional(),
    stored: z.unknown().optional(),
    authority: z.unknown().optional(),
    version: z.string().optional(),
    attachments: z.array(z.unknown()).optional(),
  })
  // PostgreSQL stores no U+0000 in text or JSON: refused here on every database, so that a
  // statement is accepted or refused the same everywhere, never answered with a 500.
  .superRefine((statement, ctx) => {
    const at = pathOfNul(statement)
    if (at) ctx.addIssue({ code: 'custom', path: at, message: 'must not contain the character U+0000 (NUL)' })
  })

/** Where the first string or key holding U+0000 is, or null. */
function pathOfNul(value: unknown, path: Array<string | number> = []): Array<string | number> | null {
  if (typeof value === 'string') return value.includes('\0') ? path : null
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = pathOfNul(item, [...path, i])
      if (found) return found
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\0')) return [...path, key]
      const found = pathOfNul(item, [...path, key])
      if (found) return found
    }
  }
  return null
}

export type Statement = z.infer<typeof statementSchema>
