/**
 * What Payload lets through from a request and should not: a select given a number (stored as
 * "5.0"), a number given "ninety" (stored as nothing), a polymorphic relation to a collection it
 * does not allow (an enrolment in a user), a relation to a document that does not exist (a 500
 * from the database's foreign key), an id that cannot be one on this database. Checked before
 * the operation, for requests from outside (REST, GraphQL) only: the platform's own Local API
 * calls are trusted code on hot paths. Added to every collection, plugins' included, as the last
 * plugin; a refusal is Payload's ValidationError (400) naming each field, or a 404 for an id.
 */
import type { CollectionBeforeOperationHook, CollectionConfig, Config, Field, PayloadRequest } from 'payload'
import { NotFound, ValidationError } from 'payload'

type Problem = { path: string; message: string }
const isId = (v: unknown) => typeof v === 'number' || typeof v === 'string'
const idOf = (v: unknown) => (v !== null && typeof v === 'object' && 'id' in (v as object) ? (v as { id: unknown }).id : v)

async function exists(req: PayloadRequest, collection: string, id: unknown): Promise<boolean> {
  if (!isId(id)) return false
  try {
    return (await req.payload.count({ collection: collection as never, where: { id: { equals: id } }, overrideAccess: true, req })).totalDocs > 0
  } catch {
    return false
  }
}

async function checkFields(req: PayloadRequest, fields: Field[], data: unknown, prefix: string, problems: Problem[]): Promise<void> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return
  const values = data as Record<string, unknown>
  for (const field of fields) {
    if (field.type === 'row' || field.type === 'collapsible') {
      await checkFields(req, field.fields, data, prefix, problems)
      continue
    }
    if (field.type === 'tabs') {
      for (const tab of field.tabs) await checkFields(req, tab.fields, 'name' in tab && tab.name ? values[tab.name] : data, 'name' in tab && tab.name ? `${prefix}${tab.name}.` : prefix, problems)
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
        await checkFields(req, field.fields, value, `${path}.`, problems)
        break
      case 'array':
        if (!Array.isArray(value)) problem('must be a list')
        else for (const [i, row] of value.entries()) await checkFields(req, field.fields, row, `${path}.${i}.`, problems)
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
      case 'code':
        if (!list.every((v) => typeof v === 'string')) problem('must be text')
        break
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
          else if (!(await exists(req, relationTo, id))) problem(`names no ${relationTo} document`)
        }
        break
      }
    }
  }
}

export function strictInput(idType: 'number' | 'text') {
  const validId = idType === 'number' ? (id: string) => /^\d{1,15}$/.test(id) : (id: string) => id.length > 0 && id.length <= 64
  const guard =
    (collection: CollectionConfig): CollectionBeforeOperationHook =>
    async ({ args, operation, req }) => {
      const id = (args as { id?: unknown }).id
      if (id !== undefined && id !== null && typeof id !== 'object' && !validId(String(id))) throw new NotFound(req.t)
      if (req.payloadAPI === 'local' || (operation !== 'create' && operation !== 'update')) return args
      const problems: Problem[] = []
      await checkFields(req, collection.fields, (args as { data?: unknown }).data, '', problems)
      if (problems.length) throw new ValidationError({ collection: collection.slug, errors: problems })
      return args
    }
  return (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((c) => ({ ...c, hooks: { ...c.hooks, beforeOperation: [guard(c), ...(c.hooks?.beforeOperation ?? [])] } })),
  })
}
