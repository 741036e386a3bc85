/**
 * Every credential the int tests issue is checked against 1EdTech's schema as it is signed: a
 * nonconforming one fails the request that asked for it, and so the test. Loaded for every int
 * test file (vitest.config.ts); test/int/credit-ledger.test.ts proves the check is live.
 */
import { vi } from 'vitest'

vi.mock('../../src/credentials/signCredential', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/credentials/signCredential')>()
  const { schemaErrors } = await import('../helpers/credentialSchemas')
  return {
    ...real,
    signCredential: async (...args: Parameters<typeof real.signCredential>) => {
      const errors = schemaErrors(args[1] as { type?: string[] })
      if (errors?.length) throw new Error(`this credential fails 1EdTech's JSON schema: ${errors.join('; ')}`)
      return real.signCredential(...args)
    },
  }
})
