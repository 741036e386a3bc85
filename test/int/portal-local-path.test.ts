/** Where sign-in and the language toggle send a visitor back to: this site only. */
import { describe, expect, it } from 'vitest'
import { localPath } from '../../src/portal/localPath'

describe('localPath', () => {
  it.each(['/', '/learning', '/courses/12?tab=syllabus#modules', '/?q=%E6%99%BA%E8%83%BD', '/%09/evil.example'])('keeps the local path %j', (value) => {
    expect(localPath(value)).toBe(value)
  })

  it.each([
    ['another origin', 'https://evil.example/'],
    ['a scheme-relative address', '//evil.example'],
    ['a backslash, read as a slash', '/\\evil.example'],
    ['a tab, dropped by browsers', '/\t/evil.example'],
    ['a newline, dropped by browsers', '/\n/evil.example'],
    ['a carriage return', '/\r/evil.example'],
    ['a dot segment leaving two slashes', '/.//evil.example'],
    ['a parent segment leaving two slashes', '/..//evil.example'],
    ['an encoded dot segment', '/%2e//evil.example'],
    ['a segment and its parent', '/a/..//evil.example'],
    ['a script address', 'javascript:alert(1)'],
    ['a relative path', 'learning'],
    ['nothing', undefined],
    ['not text', ['/learning']],
  ])('refuses %s', (_, value) => {
    expect(localPath(value)).toBe('/')
    expect(localPath(value, '/learning')).toBe('/learning')
  })
})
