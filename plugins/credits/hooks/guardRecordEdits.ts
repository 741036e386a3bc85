import type { CollectionBeforeOperationHook } from 'payload'
import { ValidationError } from 'payload'
import { say } from '../../../src/i18n/say'
import { CREDIT_SLUGS } from '../constants'

/** The only fields of a credit record a request may send: a decision and its notes. */
export const EDITABLE_FIELDS = ['status', 'decisionReason', 'localCourseCode', 'revocationReason'] as const

/**
 * Credit records are append-only: a request that tries to change anything but the decision
 * fields is refused whole, with the fields it named, rather than silently trimmed.
 */
export const guardRecordEdits: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'update' && operation !== 'updateByID') return args
  const data = (args as { data?: Record<string, unknown> }).data ?? {}
  const refused = Object.keys(data).filter((k) => !(EDITABLE_FIELDS as readonly string[]).includes(k) && !['id', 'updatedAt', 'createdAt'].includes(k))
  if (refused.length > 0) {
    throw new ValidationError({
      collection: CREDIT_SLUGS.records,
      errors: refused.map((path) => ({
        path,
        message: say(
          req,
          `学分记录只可追加：${path} 不能修改（只能修改 ${EDITABLE_FIELDS.join('、')}）`,
          `credit records are append-only: ${path} cannot be changed (only ${EDITABLE_FIELDS.join(', ')})`,
        ),
      })),
    })
  }
  return args
}
