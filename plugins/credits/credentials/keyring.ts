import { loadSigningKeys, type SigningKeys } from './signingKeys'

/** Loads the signing keys once per process, on first use. */
export function createKeyring(source: { signingKeys?: string; dataDir: string }): () => Promise<SigningKeys> {
  let keys: Promise<SigningKeys> | undefined
  return () => {
    keys ??= loadSigningKeys(source).catch((error) => {
      keys = undefined
      throw error
    })
    return keys
  }
}
