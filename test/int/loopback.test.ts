/** The address a listening process reaches itself at, which Next.js fetches its own pages from (src/app.ts). */
import { describe, expect, it } from 'vitest'
import { loopbackOf } from '../../src/loopback'

describe('loopbackOf', () => {
  it('reaches a wildcard address through the loopback of its family', () => {
    expect(loopbackOf('0.0.0.0')).toBe('127.0.0.1')
    expect(loopbackOf('::')).toBe('::1')
    expect(loopbackOf(undefined)).toBe('127.0.0.1')
  })
  it('keeps a specific address, an IPv4 one seen on a dual-stack socket unwrapped', () => {
    expect(loopbackOf('127.0.0.1')).toBe('127.0.0.1')
    expect(loopbackOf('10.1.2.3')).toBe('10.1.2.3')
    expect(loopbackOf('::1')).toBe('::1')
    expect(loopbackOf('::ffff:127.0.0.1')).toBe('127.0.0.1')
  })
})
