/** What a portal action tells the next page: signed text only, and no internal error text. */
import { APIError, type Payload } from 'payload'
import { describe, expect, it } from 'vitest'
import { refusalOf, signedParams, signedText } from '../../src/portal/actionMessage'

const logged: unknown[] = []
const payload = { secret: 'a-test-secret-of-some-length', logger: { error: (entry: unknown) => logged.push(entry) } } as unknown as Payload
const other = { ...payload, secret: 'another-deployment-secret' } as unknown as Payload

describe('signed action messages', () => {
  it('reads back what an action signed for the page, Chinese included', () => {
    const query = signedParams(payload, '/courses/12', 'error', '《智能制造》名额已满（30 人）')
    expect(signedText(payload, '/courses/12', query, 'error')).toBe('《智能制造》名额已满（30 人）')
    // Through a redirect's query string and back, as the page receives it.
    const received = Object.fromEntries(new URLSearchParams(new URLSearchParams(query).toString()))
    expect(signedText(payload, '/courses/12', received, 'error')).toBe('《智能制造》名额已满（30 人）')
  })

  it('shows nothing for text a link wrote, changed, signed elsewhere, or signed for another page or parameter', () => {
    const query = signedParams(payload, '/courses/12', 'error', '名额已满')
    expect(signedText(payload, '/courses/12', { error: '您的账号已被停用，请致电 400-000-0000' }, 'error')).toBeUndefined()
    expect(signedText(payload, '/courses/12', { ...query, error: '您的账号已被停用' }, 'error')).toBeUndefined()
    expect(signedText(payload, '/courses/12', { ...query, errorSig: 'x' }, 'error')).toBeUndefined()
    expect(signedText(other, '/courses/12', query, 'error')).toBeUndefined()
    expect(signedText(payload, '/courses/13', query, 'error')).toBeUndefined()
    expect(signedText(payload, '/registrar', { reasons: query.error, reasonsSig: query.errorSig }, 'reasons')).toBeUndefined()
  })

  it('passes on the domain’s refusals and keeps anything else to the log', () => {
    expect(refusalOf(payload, new APIError('《智能制造》名额已满（30 人）', 409), '操作未能完成')).toBe('《智能制造》名额已满（30 人）')
    // Thrown by the Payload instance the express server loaded: another copy of the class than Next's.
    const fromOtherCopy = Object.assign(new Error('已选过这门课（状态：active）'), { name: 'APIError', status: 400 })
    expect(refusalOf(payload, fromOtherCopy, '操作未能完成')).toBe('已选过这门课（状态：active）')
    expect(logged).toHaveLength(0)
    expect(refusalOf(payload, new Error('SQLITE_BUSY: database is locked'), '操作未能完成')).toBe('操作未能完成')
    expect(refusalOf(payload, new APIError('connection refused', 500), '操作未能完成')).toBe('操作未能完成')
    expect(logged).toHaveLength(2)
  })
})
