/**
 * Every environment variable LianPei reads, in one zod schema.
 *
 * The process fails fast with a readable message when a value is wrong. The README's table of
 * variables is this schema in prose; keep them together.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { parseNetworks } from './http/outboundGuard'

const MIN_SECRET_LENGTH = 32

const envSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'])
    .default('development')
    .describe('production requires PAYLOAD_SECRET and committed migrations on SQL databases'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000).describe('HTTP port'),
  HOST: z.string().default('0.0.0.0').describe('interface to listen on'),
  DATA_DIR: z
    .string()
    .default('./data')
    .describe('where the SQLite file, uploads, extracted H5P, the dev secret and the outbox live'),
  DATABASE_URI: z
    .string()
    .optional()
    .describe('file:… (SQLite, default ./data/lianpei.db), mongodb://… or mongodb+srv://…, postgres://…'),
  PAYLOAD_SECRET: z
    .string()
    .optional()
    .describe(`signs sessions and API tokens; at least ${MIN_SECRET_LENGTH} characters; generated under DATA_DIR in development`),
  PUBLIC_URL: z
    .url()
    .optional()
    .describe('the address users reach, used in emails and credentials; default http://localhost:PORT'),
  H5P_CONTENT_ORIGIN: z
    .url()
    .optional()
    .describe('origin that serves H5P content and the player frame when it is not the platform\'s own (same process, another host name); unset: the platform\'s origin, isolated by CSP sandbox'),
  SMTP_URL: z
    .string()
    .optional()
    .describe('smtp://user:pass@host:port or smtps://…; unset writes messages to DATA_DIR/outbox/'),
  EMAIL_FROM: z
    .string()
    .default('LianPei 联培 <noreply@lianpei.local>')
    .describe('sender of every message, "Name <address>"'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('pino log level'),
  SEED_DEMO: z
    .enum(['auto', 'never'])
    .default('auto')
    .describe('auto seeds the demo data when the database is empty at start-up'),
  UPLOAD_LIMIT_MB: z.coerce.number().positive().default(20).describe('largest media upload, in MiB'),
  CREDENTIAL_SIGNING_KEYS: z
    .string()
    .optional()
    .describe('JSON array of private Ed25519 JWKs that sign credentials, newest first (npm run credentials:keygen); required in production, generated under DATA_DIR otherwise'),
  ISSUER_NAME: z
    .string()
    .default('LianPei 联培平台 (LianPei joint-training platform)')
    .describe('the credential issuer\'s name on every verifiable credential and at /api/issuer'),
  ISSUER_EMAIL: z.string().email().default('credentials@lianpei.local').describe('contact address of the credential issuer, published at /api/issuer'),
  ISSUER_CODE: z
    .string()
    .optional()
    .describe('official code of the organisation that runs the platform (统一社会信用代码 or 院校代码), published at /api/issuer'),
  RATE_LIMIT_SCALE: z.coerce
    .number()
    .min(0)
    .default(1)
    .describe('multiplies every request rate limit (sign-in, password reset, xAPI, credit feed; src/http/rateLimit.ts); 0 switches them off'),
  JSON_BODY_LIMIT_KB: z.coerce.number().int().positive().default(1024).describe('largest JSON request body, in KiB (larger gets 413); uploads have UPLOAD_LIMIT_MB'),
  JOBS_STALE_AFTER_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(300)
    .describe('a job still processing this long after it started is taken to be abandoned by a stopped process and queued again'),
  TRUST_PROXY: z
    .string()
    .default('loopback')
    .describe("which proxies' X-Forwarded-For to believe for the client's address (rate limits, logs): express's 'trust proxy', e.g. loopback, 10.0.0.0/8 or 1 (one hop)"),
  JOBS_AUTORUN: z
    .enum(['true', 'false'])
    .default('true')
    .describe('run queued jobs (credit issue, webhooks, email) in this process every second; false for separate job workers'),
  WEBHOOK_ALLOWED_NETWORKS: z
    .string()
    .default('')
    .transform((value, ctx) => {
      try {
        return parseNetworks(value).map((n) => `${n.address}/${n.prefix}`)
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message })
        return z.NEVER
      }
    })
    .describe('comma-separated CIDRs (10.20.0.0/16,127.0.0.1/32) that credit webhooks may reach although they are loopback, private, link-local or otherwise internal, e.g. a registry on a campus network; unset: none'),
})

export type DatabaseKind = 'sqlite' | 'mongodb' | 'postgres'

export type Env = Omit<z.infer<typeof envSchema>, 'DATABASE_URI' | 'PAYLOAD_SECRET' | 'PUBLIC_URL'> & {
  DATABASE_URI: string
  DATABASE_KIND: DatabaseKind
  PAYLOAD_SECRET: string
  PUBLIC_URL: string
}

export class EnvError extends Error {
  override name = 'EnvError'
}

export function databaseKind(uri: string): DatabaseKind {
  if (uri.startsWith('file:')) return 'sqlite'
  if (uri.startsWith('mongodb://') || uri.startsWith('mongodb+srv://')) return 'mongodb'
  if (uri.startsWith('postgres://') || uri.startsWith('postgresql://')) return 'postgres'
  throw new EnvError(
    `DATABASE_URI must start with file:, mongodb://, mongodb+srv:// or postgres:// (got "${uri.split(':')[0]}:")`,
  )
}

/** In development a missing secret is generated once and kept, so sessions survive restarts. */
function developmentSecret(dataDir: string): string {
  const file = path.join(dataDir, 'payload-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dataDir, { recursive: true })
  const secret = randomBytes(32).toString('hex')
  writeFileSync(file, secret + '\n', { mode: 0o600 })
  return secret
}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // Empty strings (FOO= in a .env file) mean "not set".
  const cleaned: Record<string, string | undefined> = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''))
  // Next.js sets NODE_ENV=production in-process when it serves a build, and its compiled copy of
  // the config reads the environment again: LIANPEI_MODE keeps the mode this process started in.
  if (cleaned.LIANPEI_MODE) cleaned.NODE_ENV = cleaned.LIANPEI_MODE
  const result = envSchema.safeParse(cleaned)
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new EnvError(`Invalid environment:\n${lines.join('\n')}`)
  }
  const env = result.data
  source.LIANPEI_MODE = env.NODE_ENV
  const dataDir = path.resolve(env.DATA_DIR)
  const uri = env.DATABASE_URI ?? `file:${path.join(dataDir, 'lianpei.db')}`
  const kind = databaseKind(uri)

  let secret = env.PAYLOAD_SECRET
  // `next build` runs with NODE_ENV=production and evaluates the config, but never signs anything.
  const building = source.NEXT_PHASE === 'phase-production-build'
  if (env.NODE_ENV === 'production' && !building) {
    if (!env.CREDENTIAL_SIGNING_KEYS) {
      throw new EnvError('CREDENTIAL_SIGNING_KEYS is required when NODE_ENV=production (generate one with: npm run credentials:keygen)')
    }
    if (!secret) throw new EnvError('PAYLOAD_SECRET is required when NODE_ENV=production')
    if (secret.length < MIN_SECRET_LENGTH || new Set(secret).size < 8) {
      throw new EnvError(
        `PAYLOAD_SECRET is too weak: use at least ${MIN_SECRET_LENGTH} random characters (openssl rand -hex 32)`,
      )
    }
  }
  if (!secret) {
    secret = developmentSecret(dataDir)
    // The admin panel's compiled copy of the config reads the environment again, under
    // NODE_ENV=production that Next.js sets: it must find the same secret.
    source.PAYLOAD_SECRET = secret
  }

  return {
    ...env,
    DATA_DIR: dataDir,
    DATABASE_URI: uri,
    DATABASE_KIND: kind,
    PAYLOAD_SECRET: secret,
    PUBLIC_URL: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
  }
}

/** The schema's descriptions, for the README and `npm run env`. */
export function describeEnv(): Array<{ name: string; description: string; default?: unknown }> {
  return Object.entries(envSchema.shape).map(([name, schema]) => {
    const description = (schema as z.ZodType).description ?? ''
    const parsed = (schema as z.ZodType).safeParse(undefined)
    return { name, description, default: parsed.success ? parsed.data : undefined }
  })
}

let cached: Env | undefined
/** The environment of this process, parsed once. */
export function env(): Env {
  cached ??= parseEnv()
  return cached
}
