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

export const statementSchema = z.object({
  id: z.uuid({ error: 'id must be a UUID' }).optional(),
  actor: agent.refine((a) => a.mbox || a.mbox_sha1sum || a.openid || a.account, 'actor needs an identifier (mbox or account)'),
  verb: z.object({ id: iri, display: z.record(z.string(), z.string()).optional() }),
  object: z.object({
    objectType: z.string().optional(),
    id: iri,
    definition: z.record(z.string(), z.unknown()).optional(),
  }),
  result: z
    .object({
      score: score.optional(),
      success: z.boolean().optional(),
      completion: z.boolean().optional(),
      duration: z.string().optional(),
      response: z.string().optional(),
      extensions: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
  context: z
    .object({
      registration: z.uuid({ error: 'context.registration must be a UUID' }).optional(),
      contextActivities: z.record(z.string(), z.unknown()).optional(),
      extensions: z.record(z.string(), z.unknown()).optional(),
    })
    .passthrough()
    .optional(),
  timestamp: z.iso.datetime({ offset: true }).optional(),
  version: z.string().optional(),
}).passthrough()

export type Statement = z.infer<typeof statementSchema>
