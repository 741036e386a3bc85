/**
 * The portal's dates, times and numbers: in China's time zone whatever the server's, in the
 * visitor's language, from formatters made once (they are shared by every request).
 */
import { describe, expect, it } from 'vitest'
import { formatDate, formatNumber, formatTime } from '../../src/portal/i18n'

describe('portal formats', () => {
  // 16:30 UTC on 31 December is 00:30 on 1 January in Shanghai.
  const newYearInShanghai = '2026-12-31T16:30:00.000Z'

  it('shows a date as it falls in China, in either language', () => {
    expect(formatDate(newYearInShanghai, 'zh')).toBe('2027年1月1日')
    expect(formatDate(newYearInShanghai, 'en')).toBe('1 Jan 2027')
    expect(formatDate(null, 'zh')).toBe('—')
  })

  it('shows a time of day in China, and the same answer on every call', () => {
    expect(formatTime(newYearInShanghai, 'zh')).toBe('00:30')
    expect(formatTime(newYearInShanghai, 'en')).toBe('00:30')
    expect(formatTime('2027-03-01T06:05:00Z', 'zh')).toBe('14:05')
  })

  it('rounds numbers to two places with each language’s grouping', () => {
    expect(formatNumber(1234.567, 'zh')).toBe('1,234.57')
    expect(formatNumber(1234.567, 'en')).toBe('1,234.57')
    expect(formatNumber(undefined, 'en')).toBe('—')
  })
})
