/**
 * Assembles LianPei: the core collections and the plugins. Nothing else belongs here; the
 * environment is read in src/env.ts and the database chosen in src/db.ts.
 */
import path from 'node:path'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import { buildConfig, type Config } from 'payload'
import { CORE, coreCollections } from './collections'
import { sendPasswordResetTask } from './collections/auth/sendPasswordReset'
import { addCredentialKeys } from './src/credentials/keys'
import { databaseAdapter } from './src/db'
import { strictInput } from './src/strictInput'
import { emailAdapter } from './src/email'
import { healthEndpoints } from './src/endpoints/health'
import { env } from './src/env'
import { PROJECT_ROOT } from './src/paths'
import { campsPlugin } from './plugins/camps'
import { creditsPlugin } from './plugins/credits'
import { featuredCoursesPlugin } from './plugins/featured-courses'
import { mentorTrainingPlugin } from './plugins/mentor-training'
import { openCoursesPlugin } from './plugins/open-courses'
import { userHasRole } from './src/access'
import { staffOnlyDocumentLocks } from './src/access/documentLocks'

const dirname = PROJECT_ROOT
const config = env()

// The issuer of every verifiable credential (credits, mentor certifications): its keys, JWKS and profile.
const withKeys = (incoming: Config) =>
  addCredentialKeys(incoming, {
    signingKeys: config.CREDENTIAL_SIGNING_KEYS,
    dataDir: config.DATA_DIR,
    issuer: { publicUrl: config.PUBLIC_URL, name: config.ISSUER_NAME, email: config.ISSUER_EMAIL, officialCode: config.ISSUER_CODE },
  })

// Payload's own document locks get their access once Payload has added them (src/access/documentLocks.ts).
export default buildConfig(withKeys({
  secret: config.PAYLOAD_SECRET,
  db: databaseAdapter(config),
  email: emailAdapter(config),
  editor: lexicalEditor(),
  collections: coreCollections({ media: { staticDir: path.join(config.DATA_DIR, 'media') } }),
  plugins: [
    openCoursesPlugin({
      dataDir: config.DATA_DIR,
      frameAncestors: [new URL(config.PUBLIC_URL).origin],
      h5p: { contentOrigin: config.H5P_CONTENT_ORIGIN },
    }),
    featuredCoursesPlugin({ publicUrl: config.PUBLIC_URL }),
    mentorTrainingPlugin({ publicUrl: config.PUBLIC_URL }),
    campsPlugin({ publicUrl: config.PUBLIC_URL }),
    creditsPlugin({
      publicUrl: config.PUBLIC_URL,
      webhooks: { allowedNetworks: config.WEBHOOK_ALLOWED_NETWORKS },
    }),
    // Last, so that it reaches every plugin's collections too.
    strictInput(config.DATABASE_KIND === 'mongodb' ? 'text' : 'number'),
  ],
  jobs: {
    // Plugins add their tasks. Only administrators may queue or run jobs through the API.
    tasks: [sendPasswordResetTask(config.PUBLIC_URL)],
    access: {
      queue: ({ req }) => userHasRole(req.user, 'admin'),
      run: ({ req }) => userHasRole(req.user, 'admin'),
      cancel: ({ req }) => userHasRole(req.user, 'admin'),
    },
    autoRun: config.JOBS_AUTORUN === 'true' ? [{ cron: '* * * * * *', limit: 100, queue: 'default' }] : [],
  },
  endpoints: healthEndpoints(config.DATABASE_KIND),
  admin: {
    user: CORE.users,
    importMap: { baseDir: dirname, importMapFile: path.join(dirname, 'src/app/(payload)/admin/importMap.js') },
    meta: { titleSuffix: ' · LianPei 联培' },
  },
  i18n: { supportedLanguages: { zh, en }, fallbackLanguage: 'zh' },
  upload: { limits: { fileSize: config.UPLOAD_LIMIT_MB * 1024 * 1024 } },
  logger: { options: { level: config.LOG_LEVEL } },
  telemetry: false,
  typescript: { outputFile: path.join(dirname, 'payload-types.ts') },
  graphQL: { schemaOutputFile: path.join(dirname, 'schema.graphql') },
})).then(staffOnlyDocumentLocks)
