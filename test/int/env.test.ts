import { mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { describeEnv, parseEnv } from '../../src/env'

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'lianpei-env-'))

describe('environment', () => {
  it('works with nothing set: SQLite under DATA_DIR, port 3000, a generated secret kept on disk', () => {
    const dir = tmp()
    const source: Record<string, string> = { DATA_DIR: dir }
    const env = parseEnv(source)
    expect(env.PORT).toBe(3000)
    expect(env.DATABASE_KIND).toBe('sqlite')
    expect(env.DATABASE_URI).toBe(`file:${path.join(dir, 'lianpei.db')}`)
    expect(env.PAYLOAD_SECRET).toHaveLength(64)
    expect(readFileSync(path.join(dir, 'payload-secret'), 'utf8').trim()).toBe(env.PAYLOAD_SECRET)
    expect(parseEnv({ DATA_DIR: dir }).PAYLOAD_SECRET).toBe(env.PAYLOAD_SECRET)
    expect(env.PUBLIC_URL).toBe('http://localhost:3000')
  })

  it('stops a production start without a secret, with a weak one, or without signing keys', () => {
    const keys = '[{"kty":"OKP","crv":"Ed25519","d":"x","x":"y","kid":"k"}]'
    const production = { NODE_ENV: 'production', CREDENTIAL_SIGNING_KEYS: keys }
    expect(() => parseEnv({ ...production, DATA_DIR: tmp() })).toThrow(/PAYLOAD_SECRET is required/)
    expect(() => parseEnv({ ...production, PAYLOAD_SECRET: 'secret', DATA_DIR: tmp() })).toThrow(/too weak/)
    expect(() => parseEnv({ ...production, PAYLOAD_SECRET: 'a'.repeat(40), DATA_DIR: tmp() })).toThrow(/too weak/)
    const strong = 'f3a9c1e07b5d42a8916e0c3b7d2f4a5e9c8b1d0e'
    expect(() => parseEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: strong, DATA_DIR: tmp() })).toThrow(/CREDENTIAL_SIGNING_KEYS is required/)
    expect(parseEnv({ ...production, PAYLOAD_SECRET: strong, DATA_DIR: tmp() }).PAYLOAD_SECRET).toBe(strong)
  })

  it('chooses the database by DATABASE_URI and refuses an unknown scheme', () => {
    const d = tmp()
    expect(parseEnv({ DATA_DIR: d, DATABASE_URI: 'postgres://u@h/db' }).DATABASE_KIND).toBe('postgres')
    expect(parseEnv({ DATA_DIR: d, DATABASE_URI: 'mongodb://h/db' }).DATABASE_KIND).toBe('mongodb')
    expect(parseEnv({ DATA_DIR: d, DATABASE_URI: 'mongodb+srv://c.example/db' }).DATABASE_KIND).toBe('mongodb')
    expect(() => parseEnv({ DATA_DIR: d, DATABASE_URI: 'mysql://h/db' })).toThrow(/DATABASE_URI must start with/)
  })

  it('names every bad variable in one readable message', () => {
    expect(() => parseEnv({ DATA_DIR: tmp(), PORT: 'eighty', PUBLIC_URL: 'not a url' })).toThrow(/PORT[\s\S]*PUBLIC_URL|PUBLIC_URL[\s\S]*PORT/)
  })

  it('reads the networks webhooks may reach, and stops at one that is not a CIDR', () => {
    const d = tmp()
    expect(parseEnv({ DATA_DIR: d }).WEBHOOK_ALLOWED_NETWORKS).toEqual([])
    expect(parseEnv({ DATA_DIR: d, WEBHOOK_ALLOWED_NETWORKS: ' 10.20.0.0/16 , 127.0.0.1/32,fd00:abcd::/32' }).WEBHOOK_ALLOWED_NETWORKS).toEqual(['10.20.0.0/16', '127.0.0.1/32', 'fd00:abcd::/32'])
    expect(() => parseEnv({ DATA_DIR: d, WEBHOOK_ALLOWED_NETWORKS: '10.20.0.0/16,10.30.0.0,campus' })).toThrow(/WEBHOOK_ALLOWED_NETWORKS: .*"10\.30\.0\.0", "campus"/)
  })

  it('describes every variable', () => {
    const names = describeEnv().map((v) => v.name)
    for (const name of ['PORT', 'DATABASE_URI', 'PAYLOAD_SECRET', 'PUBLIC_URL', 'SMTP_URL', 'EMAIL_FROM']) expect(names).toContain(name)
    expect(describeEnv().every((v) => v.description.length > 0)).toBe(true)
  })
})
