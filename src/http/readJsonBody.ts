import type { PayloadRequest } from 'payload'
import type { z } from 'zod'
import { errorResponse } from '../errors'
import { unstorableText } from '../storableText'

/**
 * The request's JSON body checked against a schema, and holding only text every database can
 * store (src/storableText.ts), or a 400 that says what is wrong. With `empty`, a request without
 * a body counts as that value.
 */
export async function readJsonBody<T extends z.ZodType>(req: PayloadRequest, schema: T, shape: string, options: { empty?: unknown } = {}): Promise<{ data: z.infer<T> } | { error: Response }> {
  let raw: unknown
  try {
    if ('empty' in options) {
      const text = (await req.text?.()) ?? ''
      raw = text.trim() ? JSON.parse(text) : options.empty
    } else raw = await req.json?.()
  } catch {
    return { error: errorResponse(400, `body must be JSON: ${shape}`) }
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) return { error: errorResponse(400, parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')) }
  const unstorable = unstorableText(parsed.data)
  if (unstorable) return { error: errorResponse(400, `${unstorable.path.join('.') || 'body'}: ${unstorable.message}`) }
  return { data: parsed.data }
}
