/**
 * xAPI 1.0.3 statements, validated with zod: actor, verb and object required; ids are UUIDs;
 * result.score.scaled within [-1, 1] and raw within [min, max]; and only what every database
 * here can store and read back (see the last checks).
 */
import { z } from 'zod'
import { unstorableText } from '../../../src/storableText'

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

/**
 * A score's raw, min or max: an integer beyond 2^53 would be stored by SQLite as a 64-bit integer
 * that its driver then refuses to read back, making the statement unreadable.
 */
const scoreValue = (name: string) =>
  z.number().min(-Number.MAX_SAFE_INTEGER, `score.${name} must be ≥ -${Number.MAX_SAFE_INTEGER}`).max(Number.MAX_SAFE_INTEGER, `score.${name} must be ≤ ${Number.MAX_SAFE_INTEGER}`)

const score = z
  .object({
    scaled: z.number().min(-1, 'score.scaled must be ≥ -1').max(1, 'score.scaled must be ≤ 1').optional(),
    raw: scoreValue('raw').optional(),
    min: scoreValue('min').optional(),
    max: scoreValue('max').optional(),
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
    // Years 1 to 9999 in UTC, as PostgreSQL's timestamps and ISO strings without a sign hold them.
    timestamp: z.iso
      .datetime({ offset: true })
      .refine((v) => { const year = new Date(v).getUTCFullYear(); return year >= 1 && year <= 9999 }, 'timestamp must fall within the years 1 to 9999 (UTC)')
      .optional(),
    stored: z.unknown().optional(),
    authority: z.unknown().optional(),
    version: z.string().optional(),
    attachments: z.array(z.unknown()).optional(),
  })
  // What PostgreSQL cannot store, refused on every database (src/storableText.ts).
  .superRefine((statement, ctx) => {
    const found = unstorableText(statement)
    if (found) ctx.addIssue({ code: 'custom', path: found.path, message: found.message })
  })

export type Statement = z.infer<typeof statementSchema>
