/**
 * What an action tells the page it redirects to travels in the URL, so that the page stays a
 * plain GET a learner can reload. Text shown from there is signed with Payload's secret: unsigned,
 * any link could make this site show its own alert ("your account is suspended, call …"). The
 * signature binds the text to its parameter and its page, so that a refusal obtained on one page
 * (where the text may quote what was submitted) shows nowhere else. And only
 * the domain's own refusals (an APIError below 500, written for the user in their language) are
 * shown as they are; anything else is logged and shown as a general failure.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Payload } from 'payload'

const signature = (payload: Payload, key: string, path: string, text: string) =>
  createHmac('sha256', payload.secret).update(JSON.stringify(['portal-message', key, path, text])).digest('base64url')
const signatureKey = (key: string) => `${key}Sig`

/** `key` carrying `text`, and its signature, for a redirect to the page at `path`. */
export const signedParams = (payload: Payload, path: string, key: string, text: string): Record<string, string> => ({ [key]: text, [signatureKey(key)]: signature(payload, key, path, text) })

/** The text at `key` of the query of the page at `path`, if an action of this site signed it for that page. */
export function signedText(payload: Payload, path: string, query: Record<string, string | string[] | undefined>, key: string): string | undefined {
  const [text, given] = [query[key], query[signatureKey(key)]].map((v) => (Array.isArray(v) ? v[0] : v))
  if (!text || !given) return undefined
  const expected = Buffer.from(signature(payload, key, path, text))
  const received = Buffer.from(given)
  return expected.length === received.length && timingSafeEqual(expected, received) ? text : undefined
}

/**
 * What the user may read of an action's failure: the domain's refusal, or `general`. By its
 * status, not `instanceof APIError`: the Payload instance that throws was loaded by the express
 * server, outside Next's bundle, whose copy of the class is another one.
 */
export function refusalOf(payload: Payload, error: unknown, general: string): string {
  const status = (error as { status?: unknown } | null)?.status
  if (error instanceof Error && typeof status === 'number' && status >= 400 && status < 500) return error.message
  payload.logger.error({ err: error }, 'a portal action failed')
  return general
}
