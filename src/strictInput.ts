/**
 * What Payload lets through from a request and should not: a select given a number (stored as
 * "5.0"), a number given "ninety" (stored as nothing), a polymorphic relation to a collection it
 * does not allow (an enrolment in a user), a relation to a document that does not exist (a 500
 * from the database's foreign key), an id that cannot be one on this database, text PostgreSQL
 * cannot store (src/storableText.ts). Checked before the operation, for requests from outside
 * (REST, GraphQL) only: the platform's own Local API
 * calls are trusted code on hot paths. Access comes first, so that a refusal tells nothing about
 * which documents exist to whoever may not write. Added to every collection, plugins' included, as the last
 * plugin; a refusal is Payload's ValidationError (400) naming each field, or a 404 for an id.
 */
import type { CollectionBeforeOperationHook, CollectionConfig, Config, Field, PayloadRequest } from 'payload'
import { Forbidden, NotFound, ValidationError } from 'payload'
import { idOf } from './access'
import { unstorableText, whyUnstorable } from './storableText'

type Problem = { path: string; message: string }
const isId = (v: unknown) => typeof v === 'number' || typeof v === 'string'

/** Relations named in the data, checked together afterwards: one query per collection, however many. */
type Refs = Array<{ path: string; collection: string; id: unknown }>
const MAX_REFERENCES = 1000

async function missingReferences(req: PayloadRequest, refs: Refs, problems: Problem[], validId: (id: string) => boolean) {
  if (refs.length > MAX_REFERENCES) return void problems.push({ path: refs[0].path, message: `at most ${MAX_REFERENCES} relations in one request (got ${refs.length})` })
  const byCollection = new Map<string, Set<string>>()
  for (const ref of refs) if (isId(ref.id)) byCollection.set(ref.collection, (byCollection.get(ref.collection) ?? new Set()).add(String(ref.id)))
  const found = new Set<string>()
  for (const [collection, ids] of byCollection) {
    // An id this database cannot hold names nothing (and would fail the query on PostgreSQL).
    const candidates = [...ids].filter(validId)
    if (candidates.length === 0) continue
    const { docs } = await req.payload.find({ collection: collection as never, where: { id: { in: candidates } }, select: { createdAt: true } as never, depth: 0, limit: candidates.length, pagination: false, overrideAccess: true, req })
    for (const doc of docs as Array<{ id: unknown }>) found.add(`${collection}:${String(doc.id)}`)
  }
  for (const ref of refs) if (!found.has(`${ref.collection}:${String(ref.id)}`)) problems.push({ path: ref.path, message: `${ref.path} names no ${ref.collection} document (got ${JSON.stringify(ref.id)?.slice(0, 40)})` })
}

async function checkFields(req: PayloadRequest, fields: Field[], data: unknown, prefix: string, problems: Problem[], refs: Refs): Promise<void> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return
  const values = data as Record<string, unknown>
  for (const field of fields) {
    if (field.type === 'row' || field.type === 'collapsible') {
      await checkFields(req, field.fields, data, prefix, problems, refs)
      continue
    }
    if (field.type === 'tabs') {
      for (const tab of field.tabs) await checkFields(req, tab.fields, 'name' in tab && tab.name ? values[tab.name] : data, 'name' in tab && tab.name ? `${prefix}${tab.name}.` : prefix, problems, refs)
      continue
    }
    if (!('name' in field) || !(field.name in values)) continue
    const path = `${prefix}${field.name}`
    const value = values[field.name]
    if (value === null || value === undefined) continue
    const problem = (message: string) => problems.push({ path, message: `${path} ${message} (got ${JSON.stringify(value).slice(0, 60)})` })
    const many = 'hasMany' in field && field.hasMany === true
    const list = many && Array.isArray(value) ? value : [value]
    switch (field.type) {
      case 'group':
        await checkFields(req, field.fields, value, `${path}.`, problems, refs)
        break
      case 'array':
        if (!Array.isArray(value)) problem('must be a list')
        else for (const [i, row] of value.entries()) await checkFields(req, field.fields, row, `${path}.${i}.`, problems, refs)
        break
      case 'number':
        if (!list.every((v) => typeof v === 'number' && Number.isFinite(v))) problem('must be a number')
        break
      case 'select':
      case 'radio':
        if (!list.every((v) => typeof v === 'string')) problem(`must be one of ${field.options.map((o) => (typeof o === 'string' ? o : o.value)).join(', ')}`)
        break
      case 'checkbox':
        if (typeof value !== 'boolean') problem('must be true or false')
        break
      case 'text':
      case 'textarea':
      case 'email':
      case 'code': {
        if (!list.every((v) => typeof v === 'string')) problem('must be text')
        const why = list.map((v) => (typeof v === 'string' ? whyUnstorable(v) : null)).find(Boolean)
        if (why) problem(why)
        break
      }
      case 'json':
      case 'richText': {
        const found = unstorableText(value)
        if (found) problems.push({ path, message: `${[path, ...found.path].join('.')} ${found.message}` })
        break
      }
      case 'date':
        if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) problem('must be a date (ISO 8601)')
        break
      case 'relationship':
      case 'upload': {
        const targets = Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo]
        for (const item of list) {
          const polymorphic = Array.isArray(field.relationTo)
          const relationTo = polymorphic ? (item as { relationTo?: unknown })?.relationTo : field.relationTo
          const id = polymorphic ? idOf((item as { value?: unknown })?.value) : idOf(item)
          if (typeof relationTo !== 'string' || !(targets as string[]).includes(relationTo)) problem(`must be a relation to one of ${targets.join(', ')}`)
          else if (!isId(id)) problem('must be a document id')
          else refs.push({ path, collection: relationTo, id })
        }
        break
      }
    }
  }
}

/** The operation's access as Payload will evaluate it next; a row-level answer (a Where) counts as may. */
async function mayWrite(collection: CollectionConfig, operation: 'create' | 'update', req: PayloadRequest, args: { id?: unknown; data?: unknown; overrideAccess?: boolean }) {
  // The platform's own writes inside a request (a ledger event after a decision) carry its req.
  if (args.overrideAccess) return true
  const access = collection.access?.[operation]
  if (!access) return Boolean(req.user)
  return (await access({ req, id: args.id as never, data: args.data as never })) !== false
}

export function strictInput(idType: 'number' | 'text') {
  const validId = idType === 'number' ? (id: string) => /^\d{1,15}$/.test(id) : (id: string) => /^[\w-]{1,64}$/.test(id)
  const guard =
    (collection: CollectionConfig): CollectionBeforeOperationHook =>
    async ({ args, operation, req }) => {
      const id = (args as { id?: unknown }).id
      if (id !== undefined && id !== null && typeof id !== 'object' && !validId(String(id))) throw new NotFound(req.t)
      if (req.payloadAPI === 'local' || (operation !== 'create' && operation !== 'update')) return args
      // Payload checks access after this hook: without this, a caller with no right to write here
      // would learn from the answer which documents exist.
      if (!(await mayWrite(collection, operation, req, args))) throw new Forbidden(req.t)
      const problems: Problem[] = []
      const refs: Refs = []
      await checkFields(req, collection.fields, (args as { data?: unknown }).data, '', problems, refs)
      if (problems.length === 0) await missingReferences(req, refs, problems, validId)
      if (problems.length) throw new ValidationError({ collection: collection.slug, errors: problems })
      return args
    }
  return (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((c) => ({ ...c, hooks: { ...c.hooks, beforeOperation: [guard(c), ...(c.hooks?.beforeOperation ?? [])] } })),
  })
}
