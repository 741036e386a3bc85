/**
 * 1EdTech's published JSON schemas (test/data/schemas/, source noted there), compiled once: which
 * schema a credential answers to follows from its type.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import Ajv2019 from 'ajv/dist/2019.js'
import addFormats from 'ajv-formats'

const load = (file: string) => JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../data/schemas', file), 'utf8'))
export const OB_SCHEMA = load('ob_v3p0_achievementcredential_schema.json')
export const CLR_SCHEMA = load('clr_v2p0_clrcredential_schema.json')

const ajv = new Ajv2019({ allErrors: true, strict: false })
addFormats(ajv)
ajv.addSchema(OB_SCHEMA)
ajv.addSchema(CLR_SCHEMA)

const errorsOf = (ref: string, value: unknown): string[] => {
  const validate = ajv.getSchema(ref)
  if (!validate) throw new Error(`no schema ${ref}`)
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`)
}

/** Why a credential fails its 1EdTech schema ([] when it passes), or null for a type no schema covers. */
export function schemaErrors(credential: { type?: string | string[] }): string[] | null {
  const types = [credential.type ?? []].flat()
  if (types.includes('ClrCredential')) {
    // The CLR schema checks the credentials inside only as generic ones; each is an OB credential too.
    const inner = ((credential as { credentialSubject?: { verifiableCredential?: unknown[] } }).credentialSubject?.verifiableCredential ?? []).flatMap((vc, i) =>
      errorsOf(OB_SCHEMA.$id, vc).map((e) => `verifiableCredential[${i}]${e}`),
    )
    return [...errorsOf(CLR_SCHEMA.$id, credential), ...inner]
  }
  if (types.includes('OpenBadgeCredential') || types.includes('AchievementCredential')) return errorsOf(OB_SCHEMA.$id, credential)
  return null
}

/** Why a document fails one of the OB 3.0 schema's definitions (Profile, Achievement, …). */
export const definitionErrors = (definition: string, value: unknown) => errorsOf(`${OB_SCHEMA.$id}#/$defs/${definition}`, value)
